export * from './rule-set';
export * from './facts';
export * from './score';
export * from './grading';
export * from './shipped';
