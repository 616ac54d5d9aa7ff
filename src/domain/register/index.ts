export * from './vocabulary';
export * from './id-number';
export * from './care-groups';
export * from './deadlines';
export * from './rules';
export * from './access';
export * from './records';
export * from './views';
