// Keeps `npm ci` working where the registry lacks some optional packages.
//
// Taro's native binding lists one optional package per platform, and NutUI an optional usage-statistics
// tool; the registry reachable here serves only the linux-x64 binding and not the statistics tool, so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as "Missing: …".
// Recording them as optional, platform-bound entries (never fetched on this platform) makes the lock
// complete. Run after every `npm install`; `--check` (run by `npm test`) fails when the lock needs it.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const TARO_BINDINGS = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};

function placeholders(lock) {
  const bindingVersion = lock.packages['node_modules/@tarojs/binding']?.version;
  const entries = {};
  for (const [platform, constraint] of Object.entries(TARO_BINDINGS)) {
    entries[`node_modules/@tarojs/binding-${platform}`] = { version: bindingVersion, dev: true, license: 'MIT', optional: true, ...constraint };
  }
  // The tool is declared as "latest" and cannot be resolved here; an empty version is what npm's own
  // ideal tree records for it, so the lock and the ideal tree agree.
  entries['node_modules/@nutui/nutui-react-taro/node_modules/@jmfe/npm-usage-stats-tool'] = { version: '', optional: true };
  return entries;
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const missing = Object.entries(placeholders(lock)).filter(([key]) => !lock.packages[key]);
if (process.argv.includes('--check')) {
  if (missing.length) {
    console.error(`package-lock.json lacks ${missing.map(([k]) => k).join(', ')}: run node scripts/lock-placeholders.mjs`);
    process.exit(1);
  }
  console.log('package-lock.json: optional platform entries present');
} else {
  for (const [key, entry] of missing) lock.packages[key] = entry;
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(missing.length ? `added ${missing.length} optional placeholder(s) to ${LOCK}` : `${LOCK} already complete`);
}
