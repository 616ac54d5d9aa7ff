import { localApp } from '../../local-cloud/local-sdk';
import { seedCaseConfig } from './case-config';
import { seedVolunteerData } from './volunteer-data';
import { buildDemoData, DEMO_STREET_ID, type DemoData } from './demo-data';

export const SEEDED_COLLECTIONS = ['streets', 'communities', 'grids', 'persons', 'users'] as const;

/**
 * Writes the demo street through the real SDK into a local cloud at `baseUrl`. Idempotent: does nothing
 * when the demo street already exists, so `npm start` can call it on every start.
 */
export async function seedDemoData(baseUrl: string, now = new Date()): Promise<{ seeded: boolean; data: DemoData }> {
  const db = localApp(baseUrl).database();
  const data = buildDemoData(now);
  const existing = await db.collection('streets').where({ _id: DEMO_STREET_ID }).limit(1).get();
  if (existing.data.length > 0) return { seeded: false, data };
  for (const name of SEEDED_COLLECTIONS) {
    // createCollection fails when it exists already; the local cloud also creates collections on first add.
    await db.createCollection(name).catch(() => undefined);
    // The street last: its presence is what marks the seed complete, so an interrupted seed is redone.
    if (name === 'streets') continue;
    await Promise.all((data[name] as Array<{ _id: string }>).map((doc) => db.collection(name).doc(doc._id).set(withoutId(doc))));
  }
  await seedCaseConfig(db, DEMO_STREET_ID, now);
  await seedVolunteerData(db, DEMO_STREET_ID, now);
  await Promise.all(data.streets.map((doc) => db.collection('streets').doc(doc._id).set(withoutId(doc))));
  return { seeded: true, data };
}

// doc(id).set() takes the id from the reference; the SDK refuses a body that carries `_id` again.
function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

if (require.main === module) {
  const baseUrl = process.argv[2] ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  seedDemoData(baseUrl).then(
    ({ seeded, data }) => console.log(seeded ? `seeded ${data.users.length} users into ${baseUrl}` : `already seeded: ${baseUrl}`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
