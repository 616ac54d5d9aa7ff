export * from './case-state';
export { CASE_ACTIONS, CASE_ACTION_LABELS, caseCommandSchema, type CaseAction, type CaseCommand, type CaseCommandOf } from './case-command';
export { grantCovers, type CaseActor } from './case-actor';
export { ACTION_RULES } from './case-rules';
export { transition, type CaseEvent, type TransitionResult } from './transition';
export * from './sla-config';
export { deadlineRuleFor, nextDeadline, type Deadline, type SlaCase, type SlaContext } from './sla';
