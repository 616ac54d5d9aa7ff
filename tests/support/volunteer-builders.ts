import { contractCaller, type ContractCall } from './contract-call';
import type { CloudBaseDb } from './local-cloud-harness';

/**
 * Test data for the `volunteer` function: callers bound to seeded users, extra volunteers of community A
 * for crowd tests, and valid payloads (each test changes only what its story is about).
 */

export const STREET = 'street-demo';
export const COMMUNITY_A = 'community-a';
export const STAFF_A = 'user-community-a';
export const STAFF_B = 'user-community-b';
export const VOLUNTEER_A = 'user-volunteer-1';
export const ADMIN = 'user-admin';

let sequence = 0;
export const newRequestId = (label = 'req') => `${label}-${Date.now().toString(36)}-${(sequence++).toString(36).padStart(4, '0')}`;

export type VolunteerCall = ContractCall<'volunteer'>;

export const volunteerAs = (baseUrl: string, userId: string): Promise<VolunteerCall> => contractCaller(baseUrl, 'volunteer', userId);

export const aProfile = (over: Record<string, unknown> = {}) => ({ name: '黄志明', phone: '13605518801', communityId: COMMUNITY_A, building: '3栋', skills: ['水电维修'], ...over });

/** n volunteers of community A (users + profiles), written directly: ids `user-crowd-<i>`. */
export async function crowdOfVolunteers(db: CloudBaseDb, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `user-crowd-${i}`);
  await Promise.all(
    ids.map(async (id, i) => {
      const roles = [{ role: 'volunteer', streetId: STREET, communityId: COMMUNITY_A }];
      await db.collection('users').doc(id).set({ openid: `demo-crowd-${i}`, name: `志愿者${i}`, roles, prefs: { fontScale: 'standard' }, version: 1, createdAt: new Date(), updatedAt: new Date() });
      await db.collection('volunteers').doc(id).set({ userId: id, streetId: STREET, communityId: COMMUNITY_A, name: `志愿者${i}`, phone: '13600000000', building: '', skills: [], flags: { buildingHead: false, unitHead: false, infoAssistant: false }, version: 1 });
    }),
  );
  return ids;
}

/** An activity of community A starting in `startsInHours` (China time is irrelevant here), 2 h long. */
export const anActivity = (now: number, over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('activity'),
  communityId: COMMUNITY_A,
  title: '小区环境清理',
  content: '清理楼道杂物,打扫公共区域',
  ruleId: 'governance.sanitation',
  expectedPoints: 2,
  headcount: 10,
  startAt: new Date(now + 24 * 3600_000).toISOString(),
  endAt: new Date(now + 26 * 3600_000).toISOString(),
  place: '肥东路社区广场',
  ...over,
});

/** Creates and publishes an activity as the staff of A; returns its id. */
export async function publishedActivity(staff: VolunteerCall, now: number, over: Record<string, unknown> = {}): Promise<string> {
  const saved = await staff('saveActivity', anActivity(now, over));
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const published = await staff('publishActivity', { activityId: saved.data.id, expectedVersion: saved.data.version });
  if (!published.ok) throw new Error(JSON.stringify(published));
  return saved.data.id;
}

export async function allDocs(db: CloudBaseDb, collection: string, where: Record<string, unknown> = {}): Promise<any[]> {
  const { data } = await db.collection(collection).where(where).limit(1000).get().catch(() => ({ data: [] as any[] }));
  return data;
}

/** Gives an existing user (staff, officer) a volunteer profile, as saveProfile would. */
export async function withVolunteerProfile(db: CloudBaseDb, userId: string, communityId = COMMUNITY_A): Promise<void> {
  await db.collection('volunteers').doc(userId).set({ userId, streetId: STREET, communityId, name: `志愿者${userId}`, phone: '13600000001', building: '', skills: [], flags: { buildingHead: false, unitHead: false, infoAssistant: false }, version: 1 });
}

/** A stored case with only what the lead rule reads: the case context's workflow fields. */
export async function aStoredCase(db: CloudBaseDb, caseId: string, over: Record<string, unknown> = {}): Promise<string> {
  await db.collection('cases').doc(caseId).set({
    streetId: STREET, communityId: COMMUNITY_A, gridId: 'grid-a1', reporterId: VOLUNTEER_A, categoryId: 'public_order', caseClass: 'coordination',
    state: 'verified', ownerId: 'user-officer-a1', resolvedBy: 'user-officer-a1', reworkCount: 0, stageStartedAt: new Date(), version: 5, ...over,
  });
  return caseId;
}

/** Everything that counts points: a denial must leave all of it as it was. */
export async function pointsState(db: CloudBaseDb) {
  const sorted = async (c: string) => (await allDocs(db, c)).sort((a, b) => (a._id < b._id ? -1 : 1));
  return { ledger: await sorted('ledger'), accounts: await sorted('points_accounts'), signups: await sorted('signups'), activities: await sorted('activities') };
}
