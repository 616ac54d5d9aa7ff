import type { localApp } from '../../local-cloud/local-sdk';

type Db = ReturnType<ReturnType<typeof localApp>['database']>;

/**
 * Volunteer points of the demo street (PRODUCT.md §8): the points table (defaults, no overrides yet, so the
 * administrator's first save is version 1), the demo volunteers' profiles, a gift catalogue for community A
 * and one published activity a week ahead. Idempotent: `set` by fixed ids.
 */
export async function seedVolunteerData(db: Db, streetId: string, now: Date): Promise<void> {
  for (const name of ['volunteers', 'activities', 'rewards', 'points_accounts']) await db.createCollection(name).catch(() => undefined);
  const flags = { buildingHead: false, unitHead: false, infoAssistant: false };
  const profiles = [
    { _id: 'user-volunteer-1', name: '黄志明', phone: '13605518801', communityId: 'community-a', building: '3栋', skills: ['水电维修'], flags: { ...flags, buildingHead: true } },
    { _id: 'user-volunteer-2', name: '林小红', phone: '13605518802', communityId: 'community-b', building: '1栋', skills: ['文艺'], flags },
  ];
  for (const { _id, ...p } of profiles) await db.collection('volunteers').doc(_id).set({ ...p, userId: _id, streetId, version: 1, createdAt: now, updatedAt: now });
  const gifts = [
    { _id: 'gift-demo-a-soap', name: '洗衣液一瓶', pointsCost: 10, stock: 20 },
    { _id: 'gift-demo-a-rice', name: '大米一袋(5kg)', pointsCost: 30, stock: 10 },
    { _id: 'gift-demo-a-oil', name: '食用油一桶', pointsCost: 50, stock: 5 },
  ];
  for (const { _id, ...g } of gifts) await db.collection('rewards').doc(_id).set({ ...g, streetId, communityId: 'community-a', active: true, version: 1, createdAt: now });
  const startAt = new Date(now.getTime() + 7 * 24 * 3600_000);
  await db.collection('activities').doc('act-demo-cleanup').set({
    title: '楼道环境清理', content: '清理楼道堆放杂物,张贴消防安全提示', ruleId: 'governance.sanitation', expectedPoints: 2, headcount: 10,
    startAt, endAt: new Date(startAt.getTime() + 2 * 3600_000), place: '肥东路社区3栋', communityId: 'community-a', streetId,
    state: 'published', taken: 0, checkInCode: 'demo-cleanup-code', createdBy: 'user-community-a', version: 2, createdAt: now, updatedAt: now,
  });
}
