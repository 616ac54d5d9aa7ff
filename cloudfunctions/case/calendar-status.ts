import type { z } from 'zod';
import { arrangementWarning, holidaySourceOf } from '../../src/domain/calendar';
import { chinaDayIndex, chinaIsoDate } from '../../src/domain/calendar/china-time';
import type { caseApi } from '../../src/domain/case/api';
import type { Role } from '../../src/domain/user';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { loadStreetConfig } from './street-config';

type Input = z.infer<(typeof caseApi)['calendarStatus']['input']>;

/** Whoever works cases or runs the street sees the warning; residents and volunteers have no deadlines to keep. */
const SEES_CALENDAR: readonly Role[] = ['grid_officer', 'grid_chief', 'community_staff', 'street_staff', 'admin'];

/** calendarStatus: next year's arrangement confirmed or not, on the server's clock (pages never judge "today" themselves). */
export async function calendarStatus(input: Input, call: Invocation) {
  const caller = await requireCaller(call);
  const grants = caller.roles.filter((g) => SEES_CALENDAR.includes(g.role));
  const streetId = input.streetId ?? grants[0]?.streetId;
  authorize(streetId !== undefined && grants.some((g) => g.streetId === streetId), '只有本街道的工作人员可以查看放假安排');
  const { calendar } = (await loadStreetConfig(call.db, streetId as string)).sla;
  const today = chinaIsoDate(chinaDayIndex(call.now.getTime()));
  const year = Number(today.slice(0, 4));
  const warning = arrangementWarning(calendar, call.now);
  return {
    streetId: streetId as string,
    today,
    warning: warning ? { year: warning.year, message: warning.message } : null,
    years: [year, year + 1].map((y) => ({ year: y, source: holidaySourceOf(y, calendar) })),
  };
}
