/** Test data builders (not shipped logic). Times are China wall-clock, so tests read like the street's calendar. */
import { chinaInstant } from '../calendar/china-time';
import type { Activity, SignUp } from './activity';
import type { VolunteerPlace } from './award';
import type { GiftItem } from './gift';
import { ledgerEntrySchema, type LedgerEntry, type LedgerEntryOf } from './ledger-entry';
import { chinaYear } from './period';

export const china = (isoDate: string, hhmm = '10:00'): Date => new Date(chinaInstant(isoDate, hhmm));

export const ALICE: VolunteerPlace = { volunteerId: 'v-alice', communityId: 'cm-A', streetId: 'st-1' };
export const BOB: VolunteerPlace = { volunteerId: 'v-bob', communityId: 'cm-A', streetId: 'st-1' };
export const CAROL: VolunteerPlace = { volunteerId: 'v-carol', communityId: 'cm-B', streetId: 'st-1' };

let seq = 0;

export function createAward(overrides: Partial<LedgerEntryOf<'award'>> = {}): LedgerEntryOf<'award'> {
  const at = overrides.at ?? china('2025-03-10');
  return ledgerEntrySchema.parse({
    id: `e-${++seq}`,
    kind: 'award',
    ...ALICE,
    year: chinaYear(at),
    points: 2,
    ruleId: 'governance.patrol',
    source: { activityId: 'act-1' },
    by: 'u-organiser',
    ...overrides,
    at,
  }) as LedgerEntryOf<'award'>;
}

export function createRedemption(points: number, overrides: Partial<LedgerEntryOf<'redemption'>> = {}): LedgerEntry {
  const at = overrides.at ?? china('2025-06-01');
  const id = overrides.id ?? `r-${++seq}`;
  return ledgerEntrySchema.parse({
    id,
    kind: 'redemption',
    ...ALICE,
    year: chinaYear(at),
    points: -points,
    source: { redemptionId: id },
    by: 'u-community',
    ...overrides,
    at,
  });
}

export function createActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'act-1',
    title: '周末治安巡逻',
    content: '沿xx路巡逻两小时',
    ruleId: 'governance.patrol',
    expectedPoints: 2,
    headcount: 2,
    startAt: china('2025-05-10', '09:00'),
    endAt: china('2025-05-10', '11:00'),
    place: '社区服务中心门口',
    communityId: 'cm-A',
    streetId: 'st-1',
    state: 'published',
    ...overrides,
  };
}

export function createSignUp(volunteerId: string, signedAt: Date, overrides: Partial<SignUp> = {}): SignUp {
  return { activityId: 'act-1', volunteerId, signedAt, ...overrides };
}

export function createGift(overrides: Partial<GiftItem> = {}): GiftItem {
  return { id: 'gift-1', communityId: 'cm-A', name: '洗衣液', pointsCost: 10, stock: 3, active: true, ...overrides };
}
