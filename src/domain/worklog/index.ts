export * from './periods';
export * from './work-rules';
export * from './visit';
export * from './records';
export * from './due';
export * from './daily-log';
export * from './access';
export * from './compliance';
