import type { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import type { BoardPerson, BoardView, boardContactSchema } from '../../src/domain/org/api';
import { GRID_TYPE_LABELS } from '../../src/domain/org/grid-code';
import { maskPhone } from '../../src/domain/org/phone';
import { EMPLOYMENT_LABELS, GRID_MEMBER_ROLES, GRID_MEMBER_ROLE_LABELS, gridRecordSchema, personRecordSchema, type GridRecord, type PersonRecord } from '../../src/domain/org/records';
import type { Database } from '../_lib';
import { collectionOf } from '../_lib/records';

/**
 * The public board of a grid (PRODUCT.md §3) in two database round trips: the grid document (it carries
 * its members and the denormalised community name and upper duty ids), then one `_id in [...]` query on
 * `persons`, both parsed with their record schemas from `src/domain/org/records.ts`.
 */

// One schema per stored collection (issue 9 item 1): the board reads grids and persons as `org` stores them.
export type StoredGrid = GridRecord;
export type StoredPerson = PersonRecord;

type BoardContact = z.infer<typeof boardContactSchema>;

const NOT_FOUND_MESSAGE = '该网格不存在或已停用';

/** Round trip 1. Unknown and disabled grids answer alike: a disabled grid's board must not stay reachable. */
export async function loadEnabledGrid(db: Database, gridId: string): Promise<StoredGrid> {
  const grid = await collectionOf(db, 'grids', gridRecordSchema).load(gridId);
  if (!grid?.enabled) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return grid;
}

/** Everyone the board names: members, their AB岗 covers, the community's and street's duty people. */
export function boardPersonIds(grid: StoredGrid): string[] {
  const ids = grid.members.flatMap((m) => (m.coverPersonId ? [m.personId, m.coverPersonId] : [m.personId]));
  return [...new Set([...ids, ...grid.upperDuty.community, ...grid.upperDuty.street])];
}

/** Round trip 2: one query however many people the grid has (a grid has at most 50 members). */
export async function loadPersons(db: Database, grid: StoredGrid): Promise<Map<string, StoredPerson>> {
  const ids = boardPersonIds(grid);
  if (!ids.length) return new Map();
  const persons = await collectionOf(db, 'persons', personRecordSchema).loadMany(ids);
  return new Map(persons.map((p) => [p._id, p]));
}

/** Pure assembly of the board from the two reads; `photoUrls` maps photo file ids to temp URLs. */
export function buildBoardView(grid: StoredGrid, persons: Map<string, StoredPerson>, photoUrls: Map<string, string>): BoardView {
  const rank = (role: string) => GRID_MEMBER_ROLES.indexOf(role as (typeof GRID_MEMBER_ROLES)[number]);
  const members = [...grid.members].sort((a, b) => rank(a.role) - rank(b.role));
  const people: BoardPerson[] = [];
  for (const member of members) {
    const person = persons.get(member.personId);
    if (!person) continue; // a member whose person was removed: show the rest of the board, not an error
    const cover = member.coverPersonId ? persons.get(member.coverPersonId) : undefined;
    const photoUrl = person.photoFileId ? photoUrls.get(person.photoFileId) : undefined;
    people.push({
      personId: person._id,
      name: person.name,
      role: member.role,
      roleLabel: GRID_MEMBER_ROLE_LABELS[member.role],
      ...(member.employment ? { employmentLabel: EMPLOYMENT_LABELS[member.employment] } : {}),
      duties: person.duties,
      // In full: this board is the grid the person serves (PRODUCT.md §3).
      phone: person.phone,
      ...(photoUrl ? { photoUrl } : {}),
      // The cover serves another grid, so only a masked number is shown here.
      ...(cover ? { cover: { name: cover.name, phoneMasked: maskPhone(cover.phone) } } : {}),
    });
  }
  const contactsAt = (level: BoardContact['level'], ids: string[]): BoardContact[] =>
    ids.flatMap((id) => {
      const person = persons.get(id);
      return person ? [{ name: person.name, title: person.title ?? '值班电话', phone: person.phone, level }] : [];
    });
  const upperContacts = [...contactsAt('community', grid.upperDuty.community), ...contactsAt('street', grid.upperDuty.street)];
  return {
    grid: {
      gridId: grid._id,
      code: grid.code,
      name: grid.name,
      communityName: grid.communityName,
      typeLabel: GRID_TYPE_LABELS[grid.type],
      // The register's counts where the grid has a register; the typed-in numbers otherwise (issue 15).
      households: grid.registerCounts?.households || grid.households,
      population: grid.registerCounts?.population || grid.population,
      boundary: grid.boundary,
    },
    people,
    upperContacts,
  };
}

/** Photo file ids of the people shown, for one batched getTempFileURL call. */
export function photoFileIds(grid: StoredGrid, persons: Map<string, StoredPerson>): string[] {
  const ids = grid.members.flatMap((m) => persons.get(m.personId)?.photoFileId ?? []);
  return [...new Set(ids)];
}
