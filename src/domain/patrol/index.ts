export * from './rules';
export * from './track';
export * from './records';
export * from './access';
export * from './building-code';
export * from './sampling';
export * from './eight-reports';
export { patrolApi } from './api';
