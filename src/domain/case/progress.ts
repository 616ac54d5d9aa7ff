import type { CaseState } from './case-state';
import type { EscalationLevel } from './sla-config';
import { LEVEL_WORDS } from './plain-words';

/**
 * A case's progress as a resident follows it (issue 8 item 5): five steps, the date each was reached,
 * who holds the case now and what happens next. Pure: the page passes the case detail in.
 */
export const PROGRESS_STEPS = ['reported', 'accepted', 'handling', 'resolved', 'rated'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export const PROGRESS_STEP_LABELS: Record<ProgressStep, string> = {
  reported: '已上报',
  accepted: '已受理',
  handling: '处置中',
  resolved: '已办结',
  rated: '已评价',
};

/**
 * The step each state belongs to. 移交 and 退回 end the case outside the five steps: they stay on the
 * step reached before and the page says why in words. 核查 is part of 办结 for a resident.
 */
const STEP_OF_STATE: Record<CaseState, ProgressStep | null> = {
  reported: 'reported',
  accepted: 'accepted',
  in_progress: 'handling',
  escalated_to_community: 'handling',
  dispatched: 'handling',
  escalated_to_street: 'handling',
  transferred: null,
  resolved: 'resolved',
  verified: 'resolved',
  rated: 'rated',
  closed: null,
  returned: null,
};

/** Who holds the case in each state, as a resident would say it; null when nobody has to act any more. */
const HOLDER: Record<CaseState, string | null> = {
  reported: '本网格的网格员',
  accepted: '网格员',
  in_progress: '网格员',
  escalated_to_community: '社区',
  dispatched: '街道职能部门',
  escalated_to_street: '街道',
  transferred: null,
  resolved: '网格长或社区（核查办理结果）',
  verified: '上报人（请评价）',
  rated: null,
  closed: null,
  returned: null,
};

/** What happens next, in words; empty when the case is over. */
const NEXT_WORDS: Record<CaseState, string> = {
  reported: '网格员签收，然后到现场处理',
  accepted: '网格员到现场处理',
  in_progress: '网格员处理好后拍照办结',
  escalated_to_community: '社区安排人处理',
  dispatched: '街道职能部门处理',
  escalated_to_street: '街道安排人处理',
  transferred: '',
  resolved: '网格长或社区核查处理结果，核查通过后请上报人评价',
  verified: '请上报人评价：满意、基本满意或不满意。选“不满意”会请网格员重新处理一次',
  rated: '',
  closed: '',
  returned: '',
};

/** Why the case ended outside the steps, or that it is over. */
const ENDED_WORDS: Partial<Record<CaseState, string>> = {
  transferred: '已移交给专门的单位处理，网格这边的办理到此结束',
  returned: '这件事已退回，不再办理',
  rated: '已评价，办理结束。谢谢您！',
  closed: '已归档，办理结束',
};

export interface ProgressInput {
  state: CaseState;
  createdAt: string;
  rating?: string;
  timeline: readonly { type: string; from?: CaseState; to?: CaseState; at: string; by: { name: string; roleLabel: string } }[];
  deadline?: { dueAt: string; escalatesTo: EscalationLevel };
}

export type StepStatus = 'done' | 'current' | 'todo';

export interface CaseProgress {
  steps: { step: ProgressStep; label: string; status: StepStatus; at?: string }[];
  /** "网格员 张**" — who has to act now; absent when nobody has to. */
  holder?: string;
  /** What happens next (empty when over). */
  next: string;
  /** When the next step is due and who it goes to if missed; absent when no deadline runs. */
  due?: { at: string; missedWords: string };
  /** Set when the case has ended (移交, 退回, 评价, 归档). */
  ended?: string;
}

const indexOf = (s: ProgressStep) => PROGRESS_STEPS.indexOf(s);

/**
 * The step the case has reached. An archived case counts as rated when it was rated, else as 办结;
 * a transferred or returned one stays where its last step left it.
 */
function reachedStep(input: ProgressInput, lastStep: ProgressStep): ProgressStep {
  const own = STEP_OF_STATE[input.state];
  if (own) return own;
  if (input.state === 'closed') return input.rating ? 'rated' : 'resolved';
  return lastStep;
}

/** The date each step was last entered; a rework (不满意) going back clears the later steps' dates. */
function stepDates(input: ProgressInput): { dates: Partial<Record<ProgressStep, string>>; last: ProgressStep } {
  const dates: Partial<Record<ProgressStep, string>> = { reported: input.createdAt };
  let last: ProgressStep = 'reported';
  for (const e of input.timeline) {
    const step = e.to ? STEP_OF_STATE[e.to] : null;
    if (!step || step === last) continue;
    dates[step] = e.at;
    for (const later of PROGRESS_STEPS.slice(indexOf(step) + 1)) delete dates[later];
    last = step;
  }
  return { dates, last };
}

/** The name of whoever signed for it last (masked for residents by the server), for "网格员 张**". */
function signerName(input: ProgressInput): string | undefined {
  const accepts = input.timeline.filter((e) => e.type === 'accept');
  return accepts[accepts.length - 1]?.by.name;
}

/**
 * Steps up to the one reached are done; 处置中 is an ongoing stage, so reaching it makes it current, not
 * done. While the case is open the first step not done is the current one; an ended case has none.
 */
function statusOf(step: ProgressStep, reached: ProgressStep, ended: boolean): Exclude<StepStatus, 'current'> {
  const i = indexOf(step);
  const r = indexOf(reached);
  return i < r || (i === r && (ended || step !== 'handling')) ? 'done' : 'todo';
}

export function caseProgress(input: ProgressInput): CaseProgress {
  const { dates, last } = stepDates(input);
  const reached = reachedStep(input, last);
  const ended = ENDED_WORDS[input.state];
  const steps: CaseProgress['steps'] = PROGRESS_STEPS.map((step) => {
    const at = indexOf(step) <= indexOf(reached) ? dates[step] : undefined;
    return { step, label: PROGRESS_STEP_LABELS[step], status: statusOf(step, reached, !!ended), ...(at ? { at } : {}) };
  });
  const current = ended ? undefined : steps.find((s) => s.status === 'todo');
  if (current) current.status = 'current';
  const signer = signerName(input);
  const holderBase = HOLDER[input.state];
  const holder = holderBase === '网格员' && signer ? `网格员 ${signer}` : (holderBase ?? undefined);
  return {
    steps,
    ...(holder ? { holder } : {}),
    next: NEXT_WORDS[input.state],
    ...(input.deadline && !ended ? { due: { at: input.deadline.dueAt, missedWords: `到时还没办好，会自动转${LEVEL_WORDS[input.deadline.escalatesTo]}督办` } } : {}),
    ...(ended ? { ended } : {}),
  };
}
