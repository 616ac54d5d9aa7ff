import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { developerTextIn } from '../src/domain/developer-text';

/**
 * Issue 8 item 4, the errors handlers throw: every Chinese message written in a `new DomainError(…)` or
 * `authorize(…, '…')` call of the functions and the domain is scanned for developer text. Interpolated
 * parts (`${…}`) are values, not words, and are left out (their own sources are checked where made).
 */
const ROOTS = [join(__dirname), join(__dirname, '..', 'src', 'domain')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The argument text of each call starting at `start` (balanced parentheses). */
function callArguments(source: string, opener: RegExp): string[] {
  const calls: string[] = [];
  for (const m of source.matchAll(opener)) {
    let depth = 1;
    let i = (m.index ?? 0) + m[0].length;
    const from = i;
    for (; i < source.length && depth > 0; i++) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')') depth--;
    }
    calls.push(source.slice(from, i - 1));
  }
  return calls;
}

const CJK = /[\u4e00-\u9fff]/;

/** Removes `${…}` (balanced, nested templates included): interpolated values are not words. */
function withoutInterpolations(args: string): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '$' && args[i + 1] === '{') {
      let depth = 1;
      for (i += 2; i < args.length && depth > 0; i++) {
        if (args[i] === '{') depth++;
        else if (args[i] === '}') depth--;
      }
      i--;
      continue;
    }
    out += args[i];
  }
  return out;
}

function chineseLiterals(args: string): string[] {
  const literals = withoutInterpolations(args).match(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.map((l) => l.slice(1, -1)).filter((l) => CJK.test(l));
}

describe('messages thrown by the functions speak plainly', () => {
  const files = ROOTS.flatMap(sourceFiles);

  it('finds the messages it checks', () => {
    const count = files.reduce((n, f) => n + callArguments(readFileSync(f, 'utf8'), /new DomainError\(/g).length, 0);
    expect(count).toBeGreaterThan(50);
  });

  it.each(files.map((f) => [f.slice(join(__dirname, '..').length + 1), f]))('%s', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const calls = [...callArguments(source, /new DomainError\(/g), ...callArguments(source, /\bauthorize\(/g)];
    const problems = calls.flatMap(chineseLiterals).flatMap((text) => developerTextIn(text).map((p) => `“${text}”: ${p}`));
    expect(problems).toEqual([]);
  });
});
