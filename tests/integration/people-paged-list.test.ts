import { useFunctionCloud } from './function-cloud';
import type { ActionOutput } from '../../src/domain/api';
import type { ContractAnswer } from '../support/contract-call';
import { signedInAs, type OrgCall } from '../support/org-builders';

/**
 * Issue 8 item 9 for the admin lists: 人员信息管理 (`org.listPeople`) answers one cursor page at a time.
 * 300 more people in the street, 250 of them on community A's duty roster: the administrator walks them all,
 * community A's staff exactly the ones serving A (full pages, their own total), community B's staff none
 * of the new ones, and `personId` narrows to one person inside the caller's scope only.
 */
describe('the people list pages with a cursor', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const pad = (i: number) => String(i).padStart(3, '0');

  async function walk(who: OrgCall, limit: number) {
    const ids: string[] = [];
    const sizes: number[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    do {
      // Annotated: `after` is narrowed by the loop, so inference would chase its own tail (TS7022).
      const answer: ContractAnswer<ActionOutput<'org', 'listPeople'>> = await who('listPeople', { limit, ...(after ? { after } : {}) });
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      sizes.push(answer.data.people.length);
      totals.add(answer.data.total);
      ids.push(...answer.data.people.map((p) => p.personId));
      after = answer.data.next;
    } while (after && sizes.length < 20);
    return { ids, sizes, totals: [...totals] };
  }
  const pagesOf = (n: number, size: number) => [...Array.from({ length: Math.floor(n / size) }, () => size), ...(n % size ? [n % size] : [])];

  it('walks 300 extra people to the end for the administrator and only the 250 serving A for A’s staff', async () => {
    const at = new Date('2026-06-01T08:00:00+08:00');
    const people = Array.from({ length: 300 }, (_, i) => ({ _id: `person-paged-${pad(i)}`, streetId: 'street-demo', name: `人员${i}`, phone: '13900000000', duties: '', version: 1, createdAt: at, updatedAt: at }));
    await t.db.collection('persons').add(people);
    const serving = people.slice(0, 250).map((p) => p._id);
    const community = (await t.db.collection('communities').doc('community-a').get()).data[0] as { dutyPersonIds: string[] };
    await t.db.collection('communities').doc('community-a').update({ dutyPersonIds: [...community.dutyPersonIds, ...serving] });

    const inStreet = ((await t.db.collection('persons').where({ streetId: 'street-demo' }).limit(1000).get()).data as Array<{ _id: string }>).map((p) => p._id).sort();
    const admin = await walk(await signedInAs(base(), 'user-admin'), 100);
    expect([admin.sizes, admin.totals, admin.ids]).toEqual([pagesOf(inStreet.length, 100), [inStreet.length], inStreet]);

    const before = (await (await signedInAs(base(), 'user-community-b'))('listPeople', {})).data.people.map((p) => p.personId);
    const staffA = await walk(await signedInAs(base(), 'user-community-a'), 100);
    const expectedA = [...serving, 'person-chief-a', 'person-community-a', 'person-officer-a1', 'person-officer-a2', 'person-officer-a3'].sort();
    expect([staffA.sizes, staffA.totals, staffA.ids]).toEqual([pagesOf(expectedA.length, 100), [expectedA.length], expectedA]);
    const staffB = await walk(await signedInAs(base(), 'user-community-b'), 100);
    expect(staffB.ids).toEqual(before);
    expect(staffB.ids.filter((id) => id.startsWith('person-paged-'))).toEqual([]);
  });

  it('personId answers that one person, and nothing for a person outside the caller’s scope', async () => {
    const staffA = await signedInAs(base(), 'user-community-a');
    const one = (await staffA('listPeople', { personId: 'person-officer-a1' })).data;
    expect([one.people.map((p) => p.personId), one.next, one.total]).toEqual([['person-officer-a1'], null, 1]);
    expect((await staffA('listPeople', { personId: 'person-officer-b1' })).data).toEqual({ people: [], next: null, total: 0 });
    const admin = await signedInAs(base(), 'user-admin');
    expect((await admin('listPeople', { personId: 'person-officer-b1' })).data.people.map((p) => p.personId)).toEqual(['person-officer-b1']);
    expect((await (await signedInAs(base(), 'user-resident-1'))('listPeople', { limit: 10 })).error.code).toBe('FORBIDDEN');
  });
});
