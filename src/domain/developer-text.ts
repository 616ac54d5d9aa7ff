/**
 * What must never reach a resident or an officer (issue 8 item 4): code identifiers, field paths, rule
 * references ("000 L23"), spec file names. Used by the tests that render pages and drive every action's
 * errors; pure so unit and browser tests share it.
 */
const ALLOWED_LATIN = new Set(['JPG', 'JPEG', 'PNG', 'PDF', 'MB', 'KB', 'QR', 'Excel', 'AB', 'ID', 'WiFi', 'App']);

const RULES: Array<{ what: string; pattern: RegExp }> = [
  { what: 'a rule reference (L<number>)', pattern: /(^|[^A-Za-z])L\d+/ },
  { what: 'a spec file name', pattern: /\.md\b|PRODUCT|ARCHITECTURE|STYLE|§/ },
  { what: 'a dotted field path', pattern: /[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_]+/ },
];

/** Each piece of developer text found in `text`, with what it is; empty when the text is plain. */
export function developerTextIn(text: string): string[] {
  const found: string[] = [];
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (m) found.push(`${rule.what}: “${m[0]}”`);
  }
  for (const word of text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
    // Grid codes (A1, B12) and the few words residents know are fine; anything else is an identifier.
    if (ALLOWED_LATIN.has(word) || /^[A-Z]\d{0,3}$/.test(word)) continue;
    found.push(`a Latin identifier: “${word}”`);
  }
  return found;
}

/**
 * A rule's reason as staff read it (compliance rules, dashboard targets): the quoted seed text stays, the
 * seed line references ("002 L37", "（002 L23）") are the developers' and go. Admin detail views (SLA,
 * points rules) keep them whole.
 */
export function withoutSeedReferences(text: string): string {
  return text
    .replace(/[（(]\s*\d{3}\s+L\d+(?:[–-]\d+)?\s*[）)]/g, '')
    .replace(/\d{3}\s+L\d+(?:[–-]\d+)?\s*[:：]?\s*/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
