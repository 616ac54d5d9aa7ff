import { useEffect, useRef, useState } from 'react';
import type { UploadedPhoto } from '../../components/case-photo-upload';
import type { RegisterChangeValue } from '../../components/register-change/value';
import { draftStore } from '../../services/draft-store';
import { newRequestId } from '../../services/request-id';

/**
 * The report being written. Kept in local storage on every change, so closing the app loses nothing;
 * its `requestId` is made once per draft, so a double tap or a retry after a lost reply files one case.
 */
export interface ReportDraft {
  v: 1;
  requestId: string;
  gridId: string;
  categoryId: string;
  /** 有危险/很紧急: the resident's flag; the class itself comes from the category (issue 8 item 3). */
  urgent?: boolean;
  description: string;
  photos: UploadedPhoto[];
  address: string;
  lat?: number;
  lng?: number;
  phone: string;
  anonymous: boolean;
  /** 户况有变动 (a grid's worker only, issue 15 item 5) and the household it is about; absent in older saved drafts. */
  change?: RegisterChangeValue;
  householdId?: string;
}

function isReportDraft(v: unknown): v is ReportDraft {
  const d = v as Partial<ReportDraft> | null;
  return typeof d === 'object' && d !== null && d.v === 1 && typeof d.requestId === 'string' && Array.isArray(d.photos);
}

const store = draftStore('case-report', isReportDraft);

const emptyDraft = (gridId: string): ReportDraft => ({
  v: 1,
  requestId: newRequestId(),
  gridId,
  categoryId: '',
  description: '',
  photos: [],
  address: '',
  phone: '',
  anonymous: false,
});

/**
 * The saved draft (with the grid the resident arrived from, if any, taking precedence), or a new one.
 * `restored` says a saved draft was found, so the page can say so.
 */
export function useReportDraft(gridIdParam: string | null, categoryIdParam: string | null = null) {
  const [initial] = useState(() => {
    const saved = store.load();
    // Opened from the 八必报 sheet (issue 14 item 2): the item's category is chosen already.
    const category = categoryIdParam ? { categoryId: categoryIdParam } : {};
    if (!saved) return { draft: { ...emptyDraft(gridIdParam ?? ''), ...category }, restored: false };
    return { draft: { ...(gridIdParam ? { ...saved, gridId: gridIdParam } : saved), ...category }, restored: true };
  });
  const [draft, setDraft] = useState<ReportDraft>(initial.draft);
  const submitted = useRef(false);

  useEffect(() => {
    if (!submitted.current) store.save(draft);
  }, [draft]);

  const update = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  /** Filed: forget the draft so it is never sent again; a new report starts from scratch. */
  const finish = () => {
    submitted.current = true;
    store.clear();
  };
  const startOver = (gridId: string) => {
    submitted.current = false;
    setDraft(emptyDraft(gridId));
  };
  return { draft, update, finish, startOver, restored: initial.restored };
}
