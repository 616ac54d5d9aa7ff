/**
 * Search keys of a register person's name (issue 15 item 7 "Find fast"): the name search must not read
 * every person of the street. A worker types a surname (王, 欧阳), a full name (王小明) or two characters
 * of it (小明) and expects "contains". So a person carries every distinct piece of their name up to
 * NAME_KEY_CHARS characters — for 王小明: 王 小 明 王小 小明 王小明 — and the search looks up one key by
 * equality, which a (multikey) index answers; the same "contains" test as before then runs on those few.
 *
 * Privacy: the keys are pieces of the name, which the record already holds in plain (docs/privacy.md);
 * nothing is derived from the sealed ID number or phone.
 *
 * Case: the search was case-insensitive (RegExp option 'i'), so keys and queries are lower-cased per
 * character (names in Latin letters: "Anna" is found by "an").
 */

/**
 * Longest key, in characters. Names of 2–4 characters (nearly all Han names) are keyed whole, as are all
 * their pieces; a longer name (minority names in transliteration, 20 characters at most) adds its windows
 * of 4: 74 keys at the very most, 6 for a 3-character name.
 */
export const NAME_KEY_CHARS = 4;

/** Characters (code points, so a rare character beyond U+FFFF counts as one), each lower-cased. */
const unitsOf = (text: string): string[] => Array.from(text, (c) => c.toLowerCase());

/** Every distinct piece of the name of 1..NAME_KEY_CHARS characters, lower-cased; sorted for stable records. */
export function nameSearchKeys(name: string): string[] {
  const units = unitsOf(name.trim());
  const keys = new Set<string>();
  for (let start = 0; start < units.length; start++) {
    for (let len = 1; len <= NAME_KEY_CHARS && start + len <= units.length; len++) keys.add(units.slice(start, start + len).join(''));
  }
  return [...keys].sort();
}

/**
 * The one key a name query looks up. Up to NAME_KEY_CHARS characters it is the query itself; a longer
 * query is contained only in names that contain each of its windows, and it looks up its LAST window:
 * surnames are few and shared (王, 李, 张 …) while given names vary, so the end is the more selective part.
 * The caller still applies the "contains" test: the key only narrows.
 */
export function nameQueryKey(text: string): string {
  const units = unitsOf(text.trim());
  return units.slice(Math.max(0, units.length - NAME_KEY_CHARS)).join('');
}

/** A person's name as stored, with its search keys: every write of a name goes through here. */
export const nameFields = (name: string) => ({ name, nameKeys: nameSearchKeys(name) });
