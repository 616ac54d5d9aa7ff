/**
 * The shared parts of "sign in at the place with a code" (volunteer activities, issue 8; meetings, issue 14
 * item 5): the organiser's page shows a 6-digit code and a QR holding it; the attendee scans or types it.
 * Pure: the edge draws the random code (cloudfunctions/_lib/check-in-code.ts).
 */

/** A six-digit code is guessable by trying; after this many wrong ones only the organiser can help. */
export const MAX_WRONG_CHECK_IN_CODES = 5;

/** The code as typed: spaces (the organiser's page shows it in groups of three) don't matter. */
export const normalizeCheckInCode = (typed: string): string => typed.replace(/\s+/g, '');

export const checkInCodeMatches = (typed: string, code: string): boolean => normalizeCheckInCode(typed) === code;

/** The sign-in window of anything with a start and an end: from `opensMinutesBeforeStart` to `closesMinutesAfterEnd`. */
export interface CheckInWindowRule {
  opensMinutesBeforeStart: number;
  closesMinutesAfterEnd: number;
}

export function checkInOpeningOf(event: { startAt: Date; endAt: Date }, window: CheckInWindowRule): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(event.startAt.getTime() - window.opensMinutesBeforeStart * 60_000),
    closesAt: new Date(event.endAt.getTime() + window.closesMinutesAfterEnd * 60_000),
  };
}
