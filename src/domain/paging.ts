import * as z from 'zod';

/**
 * A cursor page of any list (issue 8 item 9: every list loads more and is never silently truncated).
 * `after` is the previous page's `next`; an answer's `next` is null only when nothing more exists.
 * The records accessor (`cloudfunctions/_lib/records.ts` page) orders by a field then `_id`, so a cursor
 * never skips or repeats an item.
 */
export const cursorPageInput = {
  after: z.string().min(1).max(400).optional().describe('翻页位置'),
  limit: z.number().int().min(1).max(100).optional().describe('每页条数'),
};

/** What a paged answer carries beside its items: the cursor and, where one count answers it, the total. */
export const cursorPageOutput = {
  next: z.string().nullable(),
  total: z.number().int().nonnegative(),
};

/**
 * Items per page when the caller names none: a phone screen shows a handful, a page of 50 is a few
 * scrolls and one small answer; lists that need every row (exports, rankings) keep their own path.
 */
export const DEFAULT_PAGE_SIZE = 50;

/** The accessor's page options from a cursor input. */
export const pageOptionsOf = (input: { after?: string; limit?: number }) => ({ after: input.after ?? null, limit: input.limit ?? DEFAULT_PAGE_SIZE });
