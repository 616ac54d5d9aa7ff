import * as z from 'zod';
import { canManageStreet } from '../../src/domain/access';
import type { personInputSchema } from '../../src/domain/org/api';
import { pageOptionsOf } from '../../src/domain/paging';
import { appendAudit, authorize, requireCaller, type Invocation } from '../_lib';
import type { PhotoStorage } from './photo';
import { createdStamps, createOnce, deterministicId, requireExpectedVersion, requireRequestId } from './create-once';
import { loadRecord, type RecordOf, orgCollection } from './records';
import { canManagePerson, personIdsServing, staffCommunityIds, streetOfGrants } from './scope';

type PersonInput = z.infer<typeof personInputSchema>;

/**
 * listPeople: the admin sees the street's people; community staff the people serving their community. One
 * cursor page by id (fixed at creation), with the total. The scope is part of the query, so a community's
 * pages are full and its total is its own.
 */
export async function listPeople(input: { personId?: string; after?: string; limit?: number }, call: Invocation, storage: PhotoStorage) {
  const caller = await requireCaller(call);
  const streetId = streetOfGrants(caller, ['admin', 'community_staff']);
  const _ = call.db.command;
  const where: Record<string, unknown> = { streetId };
  if (!canManageStreet(caller.roles, streetId)) {
    const served = [...(await personIdsServing(call, streetId, staffCommunityIds(caller, streetId)))];
    where._id = _.in(input.personId ? served.filter((id) => id === input.personId) : served);
  } else if (input.personId) where._id = input.personId;
  const store = orgCollection(call, 'persons');
  const [page, total] = await Promise.all([store.page(where, { orderBy: ['_id', 'asc'], ...pageOptionsOf(input) }), store.count(where)]);
  const persons = page.items;
  const urls = await storage.temporaryUrls(persons.flatMap((p) => (p.photoFileId ? [p.photoFileId] : [])));
  return {
    people: persons.map((p) => ({
      personId: p._id,
      name: p.name,
      // In full: every person listed is in the caller's managed scope (PRODUCT.md §3 masks the rest).
      phone: p.phone,
      duties: p.duties,
      ...(p.title ? { title: p.title } : {}),
      ...(p.photoFileId && urls.get(p.photoFileId) ? { photoUrl: urls.get(p.photoFileId) } : {}),
      version: p.version,
    })),
    next: page.next,
    total,
  };
}

/**
 * savePerson: admins and community staff create people; an update needs manage rights on that person.
 * The board reads persons live, so a changed phone shows there on the next open.
 */
export async function savePerson(input: PersonInput, call: Invocation): Promise<{ id: string; version: number }> {
  const caller = await requireCaller(call);
  const _ = call.db.command;
  if (!input.personId) {
    const streetId = streetOfGrants(caller, ['admin', 'community_staff']);
    const _id = deterministicId('person', streetId, requireRequestId(input.requestId));
    const doc = { _id, streetId, name: input.name, phone: input.phone, duties: input.duties, ...(input.title ? { title: input.title } : {}), ...createdStamps(call.now) };
    // A retry by the same staff member returns the person even before they serve a grid.
    const { id, version, created } = await createOnce(call, 'persons', doc, (p) => p.streetId === streetId);
    if (created) await appendAudit(call.db, { caller, streetId, now: call.now, action: 'org.savePerson', target: personTarget(id, input.name), before: null, after: personalFields(doc) });
    return { id, version };
  }
  const person = await loadRecord(call, 'persons', input.personId);
  authorize(await canManagePerson(call, caller, person));
  const version = await orgCollection(call, 'persons').update({ _id: person._id, version: requireExpectedVersion(input.expectedVersion) }, {
    name: input.name,
    phone: input.phone,
    duties: input.duties,
    // An omitted title clears it: the form always sends what it shows.
    title: input.title ? input.title : _.remove(),
    updatedAt: call.now,
  });
  await appendAudit(call.db, {
    caller,
    streetId: person.streetId,
    now: call.now,
    action: 'org.savePerson',
    target: personTarget(person._id, input.name),
    before: personalFields(person),
    after: personalFields({ ...person, name: input.name, phone: input.phone, duties: input.duties, title: input.title || undefined }),
  });
  return { id: person._id, version };
}

export type PersonRecord = RecordOf<'persons'>;

/** The personal fields of a person the audit trail hashes (issue 10 item 8). */
export const personalFields = (p: { name: string; phone: string; duties: string; title?: string; photoFileId?: string }) => ({
  name: p.name,
  phone: p.phone,
  duties: p.duties,
  title: p.title,
  photoFileId: p.photoFileId,
});
export const personTarget = (id: string, name: string) => ({ collection: 'persons', id, label: name });
