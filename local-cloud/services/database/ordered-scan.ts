import type { Doc } from './ejson';
import type { OrderedRow } from './store';

/**
 * An ordered, limited read without parsing the whole match set (issue 13 item 2): CloudBase serves
 * where + orderBy + limit from an index, so a timer's page of the 50 oldest pending messages costs the
 * same with 10 or 10 000 queued. The store walks the index of the first sort field in an order that is
 * never finer than mingo's (`store.scanOrdered`); this module decides where the walk may stop so that
 * handing the rows read to the same mingo sort/skip/limit as the full path gives the very same answer.
 *
 * Why it is exact. Let `key(row)` be the first sort field's index key (type tag + value). The walk's order
 * agrees with mingo's comparison of that field: key(a) < key(b) ⇒ mingo puts a before b (the tags are
 * walked in MongoDB's type order null < number < string < boolean < date, which is mingo's SORT_ORDER;
 * numbers and dates compare by value in both). So once `offset + limit` matches are read and the walk has
 * left the tie group (equal key) of the last needed match, every unread match sorts after every read one:
 * the answer's documents are all among those read. mingo's $sort is stable (groups keep input order), so
 * giving it the read matches in natural (`seq`) order, as the full path does, orders them the same way —
 * ties on the first field, further sort fields and `_id` included.
 *
 * One exception keeps strings honest: SQLite compares TEXT by UTF-8 bytes (code point order), JavaScript
 * and so mingo by UTF-16 code units. The two disagree only where one string has U+E000–U+FFFF (private
 * use, CJK compatibility, full-width forms such as '，') and the other a character above U+FFFF (a
 * surrogate pair in UTF-16) at the first difference. Ascending, the walk may read the first too early,
 * descending the second; so when a string key read so far holds either, the walk reads the rest of the
 * strings before it stops.
 *
 * When the read sorts by `_id` next (`orderBy(field).orderBy('_id')`, every cursor page of records.ts), the
 * walk orders ties by `id` too, and the tie group narrows to one row: (field, `_id`) is unique, and SQLite
 * orders ids numbers < text < blobs as mingo orders numbers < strings < ObjectIds. Without it, 10 000
 * messages queued in one run (one `createdAt`) are one tie group, read whole for a page of 50. The
 * UTF-8/UTF-16 caveat applies to string ids as to string keys: after such an id the group is read whole.
 *
 * Rows the index cannot order (arrays, sub-documents, ObjectIds, non-finite numbers: tag 'x') make the
 * store refuse the walk, and the caller takes the full path.
 */
export interface OrderedMatch {
  row: OrderedRow;
  doc: Doc;
}

/** Surrogates (characters above U+FFFF) and U+E000–U+FFFF: where UTF-8 and UTF-16 order part ways. */
const ORDER_SENSITIVE = /[\uD800-\uFFFF]/;

export function collectOrdered(rows: Iterable<OrderedRow>, need: number, parse: (text: string) => Doc, test: (doc: Doc) => boolean, tiesById = false): { matches: OrderedMatch[]; scanned: number } {
  const matches: OrderedMatch[] = [];
  let scanned = 0;
  /** The tie group of the last needed match, once `need` matches are read. */
  let boundary: OrderedRow | undefined;
  let stringsUnsafe = false;
  let idsUnsafe = false;
  for (const row of rows) {
    // Ties walked in `_id` order: past the boundary row the rest of its group sorts after it too.
    const groupLeft = boundary && (!sameKey(boundary, row) || (tiesById && !idsUnsafe));
    if (groupLeft && !(stringsUnsafe && row.keyTag === 's')) break;
    scanned += 1;
    const doc = parse(row.doc);
    if (!test(doc)) continue;
    matches.push({ row, doc });
    if (row.keyTag === 's' && typeof row.keyValue === 'string' && ORDER_SENSITIVE.test(row.keyValue)) stringsUnsafe = true;
    if (typeof row.id === 'string' && ORDER_SENSITIVE.test(row.id)) idsUnsafe = true;
    if (!boundary && matches.length >= need) boundary = row;
  }
  // The full path hands mingo its matches in natural order; so does this one.
  matches.sort((a, b) => a.row.seq - b.row.seq);
  return { matches, scanned };
}

function sameKey(a: OrderedRow, b: OrderedRow): boolean {
  return a.keyTag === b.keyTag && a.keyValue === b.keyValue;
}
