import * as z from 'zod';
import { BULLETIN_KINDS, BULLETIN_KIND_LABELS } from './api';

/**
 * 通报 from a published run (issue 16 item 6; 002 L151 "以《巡查通报》的方式…通报", 001 L65 每月通报,
 * 001 L409 定期通报督查结果). Pure: which rows go where and what the bulletin says.
 */

export type BulletinKind = (typeof BULLETIN_KINDS)[number];

export interface BulletinRow {
  rank: number;
  name: string;
  total: number;
  grade: string | null;
  paidYuan: number | null;
  flags: string[];
}

/** 红黑榜: the top and bottom of the ranking, at most three each and never overlapping (a tie at the edge stays out). */
export const RED_BLACK_SIZE = 3;

export function redBlack(rows: readonly BulletinRow[]): { red: BulletinRow[]; black: BulletinRow[] } {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const size = Math.min(RED_BLACK_SIZE, Math.floor(sorted.length / 2));
  const red = sorted.slice(0, size);
  const black = sorted.slice(sorted.length - size).reverse();
  const lowestRed = red.length ? red[red.length - 1].total : Infinity;
  return { red, black: black.filter((r) => r.total < lowestRed) };
}

export function bulletinTitle(kind: BulletinKind, month: string, scopeName: string, ruleSetName: string): string {
  const [y, m] = month.split('-');
  return `${scopeName}${y}年${Number(m)}月${ruleSetName}${BULLETIN_KIND_LABELS[kind]}`;
}

const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

/** `assessment_bulletins/<run>-r<revision>-<kind>`: made once from the published sheets, then frozen. */
export const bulletinRecordSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  runId: z.string(),
  revision: z.number().int(),
  kind: z.enum(BULLETIN_KINDS),
  title: z.string(),
  /** The whole published ranking it was made from. */
  rows: z.array(z.object({ rank: z.number(), name: z.string(), total: z.number(), grade: z.string().nullable(), paidYuan: z.number().nullable(), flags: z.array(z.string()) })),
  /** 红黑榜 names as decided when it was made (empty for a ranking bulletin). */
  red: z.array(z.string()),
  black: z.array(z.string()),
  pdfFileId: z.string(),
  xlsxFileId: z.string(),
  createdBy: z.string(),
  createdAt: storedDate,
});
export type BulletinRecord = z.infer<typeof bulletinRecordSchema>;
