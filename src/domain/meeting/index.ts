export * from './kinds';
export * from './attendance';
export * from './access';
export * from './records';
