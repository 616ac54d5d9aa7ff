import type { ActionOutput } from '../../../domain/api';

export type ActivitySummary = ActionOutput<'volunteer', 'activities'>['activities'][number];
export type ActivityDetail = ActionOutput<'volunteer', 'activity'>;
export type SignupRow = ActionOutput<'volunteer', 'signups'>['signups'][number];
export type LedgerView = ActionOutput<'volunteer', 'ledger'>;
export type LedgerEntryView = LedgerView['entries'][number];
export type GiftView = ActionOutput<'volunteer', 'gifts'>['gifts'][number];
export type RedemptionView = ActionOutput<'volunteer', 'redemptions'>['redemptions'][number];
export type VolunteerProfileView = NonNullable<ActionOutput<'volunteer', 'profile'>['profile']>;
