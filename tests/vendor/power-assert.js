'use strict';
// The vendor tests `import * as assert from 'power-assert'` and call `assert(x)`, `assert.equal`,
// `assert.deepEqual`, `assert.strictEqual`, `assert.throws`… power-assert is Node's legacy (loose)
// assert API that only draws nicer failure diagrams, so Node's legacy assert is the same judge.
// Two plumbing details keep it power-assert's: CommonJS with `__esModule` so TypeScript's
// `import * as` hands back the callable itself, and the comparisons take their arguments as given —
// power-assert's `assert` package never checks arity (date.test.ts calls `assert.strictEqual(x)`
// with one argument, which power-assert judges as `x === undefined`; Node would throw a TypeError).
const legacyAssert = require('node:assert');

function assert(value, message) {
  legacyAssert(value, message);
}
Object.assign(assert, legacyAssert);
for (const name of ['equal', 'notEqual', 'deepEqual', 'notDeepEqual', 'strictEqual', 'notStrictEqual', 'deepStrictEqual', 'notDeepStrictEqual']) {
  assert[name] = (actual, expected, message) => legacyAssert[name](actual, expected, message);
}
Object.defineProperty(assert, '__esModule', { value: true });
module.exports = assert;
