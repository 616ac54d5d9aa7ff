import { ACTION_RULES } from '../../src/domain/case/case-rules';
import { CASE_ACTIONS, CASE_ACTION_LABELS, type CaseAction } from '../../src/domain/case/case-command';
import type { CaseDetail } from '../../src/domain/case/api';
import { ROLE_LABELS } from '../../src/domain/user';
import { volunteerRecordSchema } from '../../src/domain/volunteer/records';
import { collectionOf } from '../_lib/records';
import { userRowsOf } from '../_lib/notify';
import { developerTextIn } from '../../src/domain/developer-text';
import { escalationWords } from '../../src/domain/case/plain-words';
import type { EscalationLevel } from '../../src/domain/case/sla-config';
import { authorize, requireCaller, type getApp, type Invocation } from '../_lib';
import { loadCase, summaryOf, workflowOf } from './records';
import { actorOf, canSee, isReporter, isStaffOver, maskName } from './scope';

type App = ReturnType<typeof getApp>;

/**
 * Escalations written before the timeline spoke plainly carry the rule's source in their note
 * ("超时未处理（PRODUCT.md §5 …）"): those are told in plain words from their level (issue 8 item 4).
 */
function plainNoteOf(e: { by: string; note?: string; level?: EscalationLevel }): string {
  const note = e.note ?? '';
  if (e.by !== 'system' || !e.level || developerTextIn(note).length === 0) return note;
  return escalationWords(undefined, undefined, e.level);
}
const SYSTEM_LABELS: Record<string, string> = { report: '上报', escalate: '超时上报', near_due: '即将超时', reconcile: '系统补记' };

interface StoredEvent {
  type: string;
  from?: string;
  to?: string;
  by: string;
  at: Date | string;
  note?: string;
  level?: 'community' | 'street' | 'street_leader';
  photos?: string[];
}

/**
 * detail: the case and its whole timeline (issue 4 item 3), for its reporter or staff covering it.
 * Residents see staff names masked; an anonymous reporter is hidden from everyone but staff and
 * themselves (PRODUCT.md §11) — other residents cannot open the case at all.
 */
export async function detail(input: { caseId: string }, call: Invocation, app: App): Promise<CaseDetail> {
  const caller = await requireCaller(call);
  const c = await loadCase(call, input.caseId);
  authorize(canSee(caller, c), '您无权查看此事件');
  const staffView = isStaffOver(caller, c);
  // The timeline lives in the case document (written with each step): no second read.
  const events: StoredEvent[] = c.timeline;
  const userIds = [...new Set(events.map((e) => e.by).filter((id) => id !== 'system'))];
  const users = userIds.length ? await userRowsOf(call.db).loadMany(userIds) : [];
  const byId = new Map(users.map((u) => [u._id, u]));
  const fileIds = [...new Set([...c.photos, ...events.flatMap((e) => e.photos ?? [])])];
  const urls = fileIds.length ? new Map((await app.getTempFileURL({ fileList: fileIds })).fileList.map((f) => [f.fileID, f.tempFileURL])) : new Map<string, string>();
  const urlsOf = (ids: readonly string[] = []) => ids.map((id) => urls.get(id)).filter((u): u is string => !!u);

  const who = (e: StoredEvent) => {
    if (e.by === 'system') return { name: '系统', roleLabel: '自动督办' };
    if (e.by === c.reporterId) {
      const hide = c.anonymous && !staffView && !isReporter(caller, c);
      return { name: hide ? '匿名' : c.reporterName, roleLabel: '上报人' };
    }
    const u = byId.get(e.by);
    const name = u?.name ?? '未知';
    return { name: staffView ? name : maskName(name), roleLabel: u?.roles[0] ? ROLE_LABELS[u.roles[0].role] : '' };
  };
  const actor = actorOf(caller);
  const wf = workflowOf(c);
  const allowedActions = CASE_ACTIONS.filter((a: CaseAction) => ACTION_RULES[a].from.includes(wf.state) && ACTION_RULES[a].who(wf, actor));
  const showReporter = staffView || isReporter(caller, c);
  // Staff only: who reported, and whether they are a volunteer (a confirmed lead earns them points).
  const reporterIsVolunteer = staffView && (await collectionOf(call.db, 'volunteers', volunteerRecordSchema).load(c.reporterId)) !== null;
  return {
    ...summaryOf(c),
    description: c.description,
    photoUrls: urlsOf(c.photos),
    location: c.location,
    anonymous: c.anonymous,
    ...(showReporter ? { reporter: { name: c.reporterName, ...(c.phone ? { phone: c.phone } : {}) } } : {}),
    isReporter: isReporter(caller, c),
    ...(staffView ? { reporterId: c.reporterId, reporterIsVolunteer } : {}),
    ...(c.returnReason ? { returnReason: c.returnReason } : {}),
    ...(c.rating ? { rating: c.rating } : {}),
    ...(c.ratingComment ? { ratingComment: c.ratingComment } : {}),
    reworkCount: c.reworkCount,
    ...(c.departmentId ? { departmentId: c.departmentId } : {}),
    ...(c.transfer ? { transfer: c.transfer } : {}),
    ...(c.supervision ? { supervision: { dueAt: c.supervision.dueAt.toISOString(), note: c.supervision.note } } : {}),
    ...(c.dueAt && c.nearDueAt !== undefined && c.escalatesTo && c.deadlineKind
      ? { deadline: { kind: c.deadlineKind, dueAt: c.dueAt.toISOString(), nearDueAt: c.nearDueAt.toISOString(), escalatesTo: c.escalatesTo, reason: staffView ? (c.deadlineReason ?? '') : '' } }
      : {}),
    allowedActions,
    timeline: events.map((e) => ({
      type: e.type,
      typeLabel: CASE_ACTION_LABELS[e.type as CaseAction] ?? SYSTEM_LABELS[e.type] ?? e.type,
      ...(e.from ? { from: e.from as never } : {}),
      ...(e.to ? { to: e.to as never } : {}),
      at: new Date(e.at).toISOString(),
      by: who(e),
      ...(e.note ? { note: plainNoteOf(e) } : {}),
      ...(e.level ? { level: e.level } : {}),
      photoUrls: urlsOf(e.photos),
    })),
  };
}
