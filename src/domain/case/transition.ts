import { DomainError, type FieldErrors } from '../errors';
import { CASE_ACTION_LABELS, caseCommandSchema, type CaseAction, type CaseCommand, type CaseCommandOf } from './case-command';
import { supervisingLevel, type CaseActor } from './case-actor';
import { ACTION_RULES } from './case-rules';
import { CASE_CLASS_LABELS, type CaseState, type CaseWorkflow } from './case-state';

/** The audit event every transition appends (PRODUCT.md §5: "who, when, note, photos"). */
export interface CaseEvent {
  type: CaseAction;
  from: CaseState;
  to: CaseState;
  by: string;
  at: Date;
  note?: string;
  photos: string[];
}

export interface TransitionResult {
  case: CaseWorkflow;
  event: CaseEvent;
}

type Apply<A extends CaseAction> = (c: CaseWorkflow, cmd: CaseCommandOf<A>, actor: CaseActor, now: Date) => CaseWorkflow;

/** A failed check or a 返工 goes back to whoever resolved it; work resolved straight from 签收 resumes as 处置中. */
const reopenState = (c: CaseWorkflow): CaseState => (c.resolvedFrom === undefined || c.resolvedFrom === 'accepted' ? 'in_progress' : c.resolvedFrom);
const reopen = (c: CaseWorkflow, now: Date): CaseWorkflow => ({ ...c, state: reopenState(c), resolvedBy: undefined, resolvedFrom: undefined, stageStartedAt: now });
const move = (c: CaseWorkflow, state: CaseState, now: Date): CaseWorkflow => ({ ...c, state, stageStartedAt: now });

const APPLY: { [A in CaseAction]: Apply<A> } = {
  // 首问负责 (001 L163): whoever signs first owns the case.
  accept: (c, cmd, actor, now) => ({ ...move(c, 'accepted', now), ownerId: actor.userId, caseClass: cmd.caseClass ?? c.caseClass }),
  start: (c, _cmd, _actor, now) => move(c, 'in_progress', now),
  escalate_to_community: (c, _cmd, _actor, now) => move(c, 'escalated_to_community', now),
  dispatch: (c, cmd, _actor, now) => ({ ...move(c, 'dispatched', now), departmentId: cmd.departmentId, dispatchDueAt: cmd.dueAt }),
  escalate_to_street: (c, _cmd, _actor, now) => move(c, 'escalated_to_street', now),
  transfer: (c, cmd, _actor, now) => ({ ...move(c, 'transferred', now), transfer: { agency: cmd.agency, record: cmd.record } }),
  resolve: (c, _cmd, actor, now) => ({ ...move(c, 'resolved', now), resolvedBy: actor.userId, resolvedFrom: c.state }),
  verify: (c, cmd, _actor, now) => (cmd.passed ? move(c, 'verified', now) : reopen(c, now)),
  // PRODUCT.md §6: 不满意 reopens the case once (返工, counted); a second 不满意 closes it with the count kept.
  rate: (c, cmd, _actor, now) => {
    if (cmd.rating !== 'dissatisfied') return { ...move(c, 'rated', now), rating: cmd.rating };
    if (c.reworkCount === 0) return { ...reopen(c, now), rating: cmd.rating, reworkCount: 1 };
    return { ...move(c, 'closed', now), rating: cmd.rating };
  },
  archive: (c, _cmd, _actor, now) => move(c, 'closed', now),
  return: (c, cmd, _actor, now) => ({ ...move(c, 'returned', now), returnReason: cmd.reason }),
  // A flag, not a state: the case stays where it is and its stage clock is untouched.
  supervise: (c, cmd, actor) => ({ ...c, supervision: { by: actor.userId, dueAt: cmd.dueAt, note: cmd.note, level: supervisingLevel(c, actor) } }),
  // The class only: the state and its stage clock stay (the deadline follows the new class's rules).
  reclassify: (c, cmd) => ({ ...c, caseClass: cmd.caseClass }),
};

/**
 * Apply one action to a case. Pure: the time is passed in, nothing is read or written.
 * Checks run in a fixed order so callers get a stable code:
 * CONFLICT (not valid in this state) → FORBIDDEN (wrong role, scope or person) → INVALID_INPUT (payload).
 * Throws DomainError; the cloud function maps it to `{ ok: false, error }`.
 */
export function transition(c: CaseWorkflow, command: CaseCommand, actor: CaseActor, now: Date): TransitionResult {
  const rule = ACTION_RULES[command.type];
  if (!rule.from.includes(c.state)) throw new DomainError('CONFLICT', `当前状态不能${actionLabel(command.type)}`);
  if (!rule.who(c, actor)) throw new DomainError('FORBIDDEN', rule.forbidden);
  const cmd = parseCommand(command);
  if (cmd.type === 'verify' && !cmd.passed && !cmd.note?.trim()) throw new DomainError('INVALID_INPUT', '请填写核查不通过的原因', { note: '请填写核查不通过的原因' });
  if (cmd.type === 'supervise' && cmd.dueAt.getTime() <= now.getTime()) throw new DomainError('INVALID_INPUT', '督办期限应晚于现在', { dueAt: '督办期限应晚于现在' });
  if (cmd.type === 'dispatch' && cmd.dueAt.getTime() <= now.getTime()) throw new DomainError('INVALID_INPUT', '办理期限应晚于现在', { dueAt: '办理期限应晚于现在' });
  const next = (APPLY[cmd.type] as Apply<CaseAction>)(c, cmd, actor, now);
  return { case: next, event: eventOf(cmd, c.state, next.state, actor, now) };
}

function parseCommand(command: CaseCommand): CaseCommand {
  const parsed = caseCommandSchema.safeParse(command);
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'type'] ??= issue.message;
  throw new DomainError('INVALID_INPUT', Object.values(fields)[0] ?? '输入有误', fields);
}

function eventOf(cmd: CaseCommand, from: CaseState, to: CaseState, actor: CaseActor, at: Date): CaseEvent {
  const note =
    cmd.type === 'reclassify'
      ? `事件类型改为${CASE_CLASS_LABELS[cmd.caseClass]}。原因：${cmd.reason}`
      : 'reason' in cmd
        ? cmd.reason
        : 'record' in cmd
          ? `${cmd.agency}: ${cmd.record}`
          : cmd.note;
  const photos = 'photos' in cmd && cmd.photos ? cmd.photos : [];
  return { type: cmd.type, from, to, by: actor.userId, at, ...(note ? { note } : {}), photos };
}

const actionLabel = (a: CaseAction): string => CASE_ACTION_LABELS[a];
