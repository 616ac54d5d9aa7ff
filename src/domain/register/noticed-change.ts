import * as z from 'zod';
import { CHANGE_KINDS } from './vocabulary';

// Its own small module: the case and worklog contracts import it, and the resident pages bundle those, so it
// must not pull the register's deadline rules (and their calendar tables) into the main package.

/**
 * A change noticed in other work (issue 15 item 5) — a visit, a 人口房屋变动 case, a 八必报 rental
 * report: drafted in the register for the grid's worker to confirm or dismiss. Words only (a name or
 * "新租户"), never an ID number or phone.
 */
export const noticedChangeSchema = z
  .object({
    kind: z.enum(CHANGE_KINDS, { error: '请选择变动类型' }).describe('变动类型'),
    subject: z.string().trim().max(20, '涉及人员最多 20 字').min(1, '请填写涉及的人员').describe('涉及人员'),
    residentId: z.string().min(1).max(64).optional().describe('人员'),
  })
  .strict();
export type NoticedChange = z.infer<typeof noticedChangeSchema>;
