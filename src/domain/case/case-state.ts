import * as z from 'zod';

/** PRODUCT.md §5 states, in workflow order. */
export const CASE_STATES = [
  'reported', // 上报
  'accepted', // 签收
  'in_progress', // 处置中
  'escalated_to_community', // 上报社区
  'dispatched', // 交办 (交办函 to a street department)
  'escalated_to_street', // 上报街道
  'transferred', // 移交 to an outside agency
  'resolved', // 办结
  'verified', // 核查
  'rated', // 评价
  'closed', // 归档
  'returned', // 退回
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States are labels grouped by type; code asks the group through predicates, never compares strings. */
export const CASE_STATE_GROUPS = ['open', 'resolved', 'closed', 'returned'] as const;
export type CaseStateGroup = (typeof CASE_STATE_GROUPS)[number];

export const CASE_STATE_GROUP: Record<CaseState, CaseStateGroup> = {
  reported: 'open',
  accepted: 'open',
  in_progress: 'open',
  escalated_to_community: 'open',
  dispatched: 'open',
  escalated_to_street: 'open',
  // Handed to police, fire brigade or housing bureau with a written record: out of the grid system's hands.
  transferred: 'closed',
  resolved: 'resolved',
  verified: 'resolved',
  rated: 'resolved',
  closed: 'closed',
  returned: 'returned',
};

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  reported: '已上报',
  accepted: '已签收',
  in_progress: '处置中',
  escalated_to_community: '已上报社区',
  dispatched: '已交办',
  escalated_to_street: '已上报街道',
  transferred: '已移交',
  resolved: '已办结',
  verified: '已核查',
  rated: '已评价',
  closed: '已归档',
  returned: '已退回',
};

/** PRODUCT.md §4 classes and their route ("小事不出网格,急事不出社区,大事不出街道", 002; 000 L9). */
export const CASE_CLASSES = ['routine', 'coordination', 'emergency', 'approval'] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];
export const CASE_CLASS_LABELS: Record<CaseClass, string> = {
  routine: '一般性',
  coordination: '协调性',
  emergency: '突发性',
  approval: '审批性',
};

/** Resident rating after resolution (PRODUCT.md §6). */
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

const dateSchema = z.date();

/** The part of a stored case the state machine reads and writes. */
export const caseWorkflowSchema = z.object({
  state: z.enum(CASE_STATES),
  caseClass: z.enum(CASE_CLASSES),
  categoryId: z.string().min(1),
  streetId: z.string().min(1),
  communityId: z.string().min(1),
  gridId: z.string().min(1),
  reporterId: z.string().min(1),
  /** 首问负责 (001 L163): the officer who signed first; owns the case until it is handed up. */
  ownerId: z.string().optional(),
  /** Who resolved it: never allowed to verify it (001 L323). */
  resolvedBy: z.string().optional(),
  /** The open state it was resolved from; a failed check or a 返工 sends it back there. */
  resolvedFrom: z.enum(CASE_STATES).optional(),
  departmentId: z.string().optional(),
  /** When the current stage began; SLA deadlines count from here. */
  stageStartedAt: dateSchema,
  /** 交办函 deadline set by whoever dispatched it. */
  dispatchDueAt: dateSchema.optional(),
  /**
   * 挂牌督办 (001 L23): a supervision flag with its own deadline; not a state. `level` is who holds it
   * (the supervisor's level): the sweep never hands the case back to that level, and when `dueAt`
   * passes it goes one level above it. Flags set before levels were recorded have none.
   */
  supervision: z.object({ by: z.string(), dueAt: dateSchema, note: z.string(), level: z.enum(['grid', 'community', 'street']).optional() }).optional(),
  /** 返工 count: a 不满意 rating reopens the case once (PRODUCT.md §6). */
  reworkCount: z.number().int().nonnegative(),
  rating: z.enum(RATINGS).optional(),
  returnReason: z.string().optional(),
  transfer: z.object({ agency: z.string(), record: z.string() }).optional(),
});
export type CaseWorkflow = z.infer<typeof caseWorkflowSchema>;
export type SupervisionLevel = NonNullable<NonNullable<CaseWorkflow['supervision']>['level']>;

type HasState = Pick<CaseWorkflow, 'state'>;
export const stateGroupOf = (c: HasState): CaseStateGroup => CASE_STATE_GROUP[c.state];
export const isOpen = (c: HasState): boolean => stateGroupOf(c) === 'open';
export const isClosed = (c: HasState): boolean => stateGroupOf(c) === 'closed';
export const isReturned = (c: HasState): boolean => stateGroupOf(c) === 'returned';
/** Finished from the grid's point of view: no more work or timers. */
export const isFinished = (c: HasState): boolean => isClosed(c) || isReturned(c);
