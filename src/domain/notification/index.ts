export * from './kinds';
export * from './keywords';
export * from './templates';
export * from './shape';
export * from './recipients';
export * from './records';
