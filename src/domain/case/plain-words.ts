import type { DeadlineKind, DeadlineSpec, EscalationLevel } from './sla-config';

/**
 * Timeline lines in the words a resident uses (issue 8 item 4): what happened, never the rule's source.
 * Sources stay in the SLA table (`reason`) for administrators.
 */
export const LEVEL_WORDS: Record<EscalationLevel, string> = { community: '社区', street: '街道', street_leader: '街道分管领导' };

/** What had not happened when the deadline passed. */
const MISSED: Record<DeadlineKind, string> = {
  emergency_notify: '',
  emergency_sign_for: '无人签收',
  emergency_hand_up: '还没办好',
  sign_for: '无人签收',
  to_community_head: '还没办好',
  to_street: '还没办好',
  answer: '还没有答复',
};

/** "2 个工作小时", "半个工作日", "5 个工作日", "2 小时" — how long, as people say it. */
export function durationWords(spec: DeadlineSpec): string {
  const n = Number.isInteger(spec.amount) ? String(spec.amount) : spec.amount.toFixed(1);
  // Under an hour reads better in minutes: "30 分钟", not "0.5 小时".
  if (spec.unit === 'hours' && spec.amount < 1) return `${Math.round(spec.amount * 60)} 分钟`;
  switch (spec.unit) {
    case 'immediate':
      return '立即';
    case 'working_hours':
      return `${n} 个工作小时`;
    case 'hours':
      return `${n} 小时`;
    case 'half_working_days':
      return spec.amount === 1 ? '半个工作日' : `${spec.amount / 2} 个工作日`;
    case 'working_days':
      return `${n} 个工作日`;
  }
}

/** The timeline line of an automatic escalation: "2 个工作小时内无人签收，已自动转社区督办". */
export function escalationWords(kind: DeadlineKind | undefined, spec: DeadlineSpec | undefined, level: EscalationLevel): string {
  if (kind === 'emergency_notify') return '有危险或很紧急，已马上通知社区和街道';
  const missed = kind ? MISSED[kind] : '';
  const within = spec ? `${durationWords(spec)}内` : '到期';
  return `${within}${missed || '还没办好'}，已自动转${LEVEL_WORDS[level]}督办`;
}
