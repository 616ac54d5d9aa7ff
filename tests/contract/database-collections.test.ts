import { COLLECTIONS } from '../../deploy/collections';
import { COLLECTION_NOT_EXIST_MESSAGE } from '../../local-cloud/services/database/errors';
import { useTestCloud } from '../support/local-cloud-harness';

/**
 * Collections exist only once created, as on CloudBase: any read or write on a collection nobody created
 * answers DATABASE_COLLECTION_NOT_EXIST; `db.createCollection` creates one and refuses an existing name.
 * Deploying creates deploy/collections.json's collections; every local cloud (test harness, npm start,
 * child clouds) does the same at start.
 */
describe('database collections through the CloudBase SDK', () => {
  const t = useTestCloud();
  const notExist = { code: 'DATABASE_COLLECTION_NOT_EXIST', message: COLLECTION_NOT_EXIST_MESSAGE };

  test('every read and write on a collection nobody created answers DATABASE_COLLECTION_NOT_EXIST and creates nothing', async () => {
    const missing = () => t.db.collection('never_created');
    await expect(missing().get()).rejects.toMatchObject(notExist);
    await expect(missing().where({ a: 1 }).count()).rejects.toMatchObject(notExist);
    await expect(missing().doc('a').get()).rejects.toMatchObject(notExist);
    await expect(missing().add({ a: 1 })).rejects.toMatchObject(notExist);
    await expect(missing().doc('a').set({ a: 1 })).rejects.toMatchObject(notExist);
    await expect(missing().where({ a: 1 }).update({ a: 2 })).rejects.toMatchObject(notExist);
    await expect(missing().where({ a: 1 }).updateAndReturn({ a: 2 })).rejects.toMatchObject(notExist);
    await expect(missing().where({ a: 1 }).remove()).rejects.toMatchObject(notExist);
    await expect(missing().aggregate().match({ a: 1 }).end()).rejects.toMatchObject(notExist);
    // Still missing afterwards: no write above created it on the way.
    await expect(missing().count()).rejects.toMatchObject(notExist);
  });

  test('inside a transaction too (MongoDB cannot create a collection in a transaction)', async () => {
    const tx = await t.db.startTransaction();
    await expect(tx.collection('never_created').add({ _id: 'a' })).rejects.toMatchObject(notExist);
    await expect(tx.collection('never_created').doc('a').get()).rejects.toMatchObject(notExist);
    await expect(tx.collection('never_created').where({ a: 1 }).get()).rejects.toMatchObject(notExist);
    await tx.rollback();
    await expect(t.db.collection('never_created').count()).rejects.toMatchObject(notExist);
  });

  test('db.createCollection creates an empty collection, refuses an existing name, and the collection outlives a reset', async () => {
    await t.db.createCollection('fresh');
    expect((await t.db.collection('fresh').get()).data).toEqual([]);
    await t.db.collection('fresh').add({ _id: 'one' });
    await expect(t.db.createCollection('fresh')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
    expect((await t.db.collection('fresh').count()).total).toBe(1);
    await t.reset(); // documents go, collections stay (as a wiped CloudBase environment keeps its collections)
    expect((await t.db.collection('fresh').count()).total).toBe(0);
  });

  test('a test cloud has every collection of deploy/collections.json, empty', async () => {
    expect(COLLECTIONS.length).toBeGreaterThan(0);
    for (const { name } of COLLECTIONS) expect((await t.db.collection(name).count()).total).toBe(0);
  });
});
