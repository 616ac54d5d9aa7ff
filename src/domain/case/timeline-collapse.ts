/**
 * Repeated automatic entries in a row (the timer's 即将超时 and 超时上报 reminders) read as one line
 * with a count and the last time (issue 8 item 5): a resident wants what happened, not every tick.
 * Entries people wrote are never merged.
 */
export interface CollapsibleEvent {
  type: string;
  at: string;
  by: { name: string; roleLabel: string };
  note?: string;
  from?: string;
  to?: string;
  photoUrls: readonly string[];
}

export type CollapsedEvent<E extends CollapsibleEvent> = E & { repeat: number; firstAt: string };

const SYSTEM_TYPES = new Set(['escalate', 'near_due', 'reconcile']);

const sameAutomatic = (a: CollapsibleEvent, b: CollapsibleEvent): boolean =>
  SYSTEM_TYPES.has(a.type) && a.type === b.type && a.by.name === b.by.name && (a.note ?? '') === (b.note ?? '') && a.to === b.to && b.photoUrls.length === 0;

export function collapseRepeats<E extends CollapsibleEvent>(events: readonly E[]): CollapsedEvent<E>[] {
  const out: CollapsedEvent<E>[] = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    if (prev && sameAutomatic(prev, e)) out[out.length - 1] = { ...e, repeat: prev.repeat + 1, firstAt: prev.firstAt };
    else out.push({ ...e, repeat: 1, firstAt: e.at });
  }
  return out;
}
