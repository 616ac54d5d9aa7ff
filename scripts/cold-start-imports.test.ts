import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Issue 13 item 2: a function's cold start reads only what it needs. Three ways code slips back into
 * every bundle's startup path, each caught here at the source (the bench's bundle table measures the
 * result: index.js KB, files at cold start, cold require × the bare SDK).
 */
const ROOT = resolve(__dirname, '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const bundled = [...sourcesUnder('src/domain'), ...sourcesUnder('cloudfunctions')];
const offenders = (files: string[], pattern: RegExp) => files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));

test("zod is imported as a namespace: `import { z }` makes esbuild keep all of zod's 40 locales (+360 KB in every bundle)", () => {
  expect(offenders(bundled, /^import\s*\{\s*z\s*[,}][^;]*from\s*'zod'/m)).toEqual([]);
});

test('cloud functions take their own contract table, never the whole registry in src/domain/api.ts (every context’s schemas built at cold start)', () => {
  const functions = sourcesUnder('cloudfunctions');
  expect(offenders(functions, /^import\s+(?!type\b)[^;]*from\s*'[./]*src\/domain\/api'/m)).toEqual([]);
});

test('exceljs and pdfkit load inside the actions that use them, not at module load', () => {
  const functions = sourcesUnder('cloudfunctions');
  // A top-level `import … from 'exceljs'` or `const X = require('pdfkit')` runs at cold start; `await import()`
  // or a `require` inside a function body does not (scripts/build-functions.mjs ships them as vendor files).
  expect(offenders(functions, /^import\s+(?!type\b)[^;]*from\s*'(exceljs|pdfkit)'/m)).toEqual([]);
  expect(offenders(functions, /^(const|let|var)\s[^;]*require\('(exceljs|pdfkit)'\)/m)).toEqual([]);
});
