/*
 * Volunteer points (PRODUCT.md §8; 001 L833–891): 按次按日积分,按月公示,按季汇总,按年评选.
 * Naming: `can*` returns a Verdict for the UI to explain; `check*` throws a DomainError; builders return
 * validated ledger entries and never write.
 */
export * from './rules';
export * from './ledger-entry';
export { appendEntry, balance, isEarnedEntry, checkCorrection, checkRedemption, correctionFor, refundFor, spentBy, yearAvailable, yearEarned } from './ledger';
export * from './records';
export { awardEntry, leadReportAward, type AwardInput, type VolunteerPlace } from './award';
export * from './activity';
export * from './ranking';
export * from './gift';
export { chinaMonth, chinaQuarter, chinaYear, quarterOfMonth, type ChinaMonth, type Quarter } from './period';
export { assertAllowed, type Verdict } from './verdict';
export * from './activity-rules';
export * from './lead-rule';
