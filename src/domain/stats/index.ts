export * from './counters';
export * from './contribution';
export * from './kpis';
export * from './records';
export * from './period';
export * from './targets';
export * from './scope';
export * from './dashboard';
