// src/app.config.ts as the production build (TARO_APP_LOCAL=false) reads it, for everything that needs the
// app's pages outside Taro: scripts/check-weapp.mjs (app.json against the source) and the local cloud's
// wx-openapi (WeChat answers 41030 to a `page` that is not in the released app.json).
// CommonJS on purpose: the local cloud runs as CommonJS (ts-jest, tsx) on Node 20, which cannot require()
// an ES module, while an .mjs script imports this file as it is.
const { buildSync } = require('esbuild');
const path = require('node:path');

/** The config object behind `defineAppConfig` (plain data), evaluated with the production defines. */
function readAppConfig(root = path.resolve(__dirname, '..')) {
  const out = buildSync({
    entryPoints: [path.join(root, 'src', 'app.config.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    define: { 'process.env.TARO_APP_LOCAL': '"false"' },
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'defineAppConfig', out.outputFiles[0].text)(module, module.exports, (c) => c);
  const config = module.exports.default;
  if (!config) throw new Error('src/app.config.ts has no default export');
  return { pages: config.pages, subPackages: config.subPackages ?? [] };
}

/** Every page path as WeChat names it: main pages, then each subpackage's under its root. */
function appPagesOf(config) {
  return [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

module.exports = { readAppConfig, appPagesOf };
