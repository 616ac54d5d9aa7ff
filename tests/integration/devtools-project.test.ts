import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBundlesBuilt } from './function-cloud';

/**
 * What WeChat DevTools reads when it opens the repository root (developers.weixin.qq.com →
 * devtools/projectconfig: 一级字段; project.private.config.json overrides, git-ignored) and what its
 * 「上传并部署」 needs of each folder under `cloudfunctionRoot`. Checked against the documented fields, so
 * a typo (cloudFunctionRoot …) fails here instead of silently showing no cloud functions in DevTools.
 */
const ROOT = resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** DevTools' documented first-level fields of project.config.json. */
const PROJECT_FIELDS = new Set([
  'miniprogramRoot', 'qcloudRoot', 'pluginRoot', 'cloudbaseRoot', 'cloudfunctionRoot', 'cloudfunctionTemplateRoot', 'cloudcontainerRoot',
  'compileType', 'setting', 'libVersion', 'appid', 'projectname', 'packOptions', 'debugOptions', 'watchOptions', 'scripts',
  'staticServerOptions', 'editorSetting', 'skeletonConfig', 'srcMiniprogramRoot', 'description', 'condition',
]);
/** Fields DevTools lets project.private.config.json set for one developer. */
const PRIVATE_FIELDS = new Set(['appid', 'projectname', 'description', 'setting', 'libVersion', 'condition', 'debugOptions', 'watchOptions', 'editorSetting']);
const isRelativeDir = (p: unknown) => typeof p === 'string' && !p.startsWith('/') && !p.includes('..') && p.endsWith('/');
const gitIgnored = (file: string) => {
  try {
    execFileSync('git', ['check-ignore', '-q', file], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
};

describe('WeChat DevTools project files', () => {
  const project = readJson('project.config.json');
  const rc = readJson('cloudbaserc.json');

  it('project.config.json uses only documented fields, relative roots, and no real appid', () => {
    expect(Object.keys(project).filter((k) => !PROJECT_FIELDS.has(k))).toEqual([]);
    expect(project.compileType).toBe('miniprogram');
    expect(isRelativeDir(project.miniprogramRoot)).toBe(true);
    expect(isRelativeDir(project.cloudfunctionRoot)).toBe(true);
    // The real AppID lives in the git-ignored project.private.config.json (docs/deploy.md step 0).
    expect(project.appid).toBe('touristappid');
  });

  it('the miniprogram root is where the weapp build writes, the function root is where the CLI deploys from', () => {
    expect(project.miniprogramRoot).toBe('dist/weapp/');
    expect(resolve(ROOT, project.cloudfunctionRoot)).toBe(resolve(ROOT, rc.functionRoot));
  });

  it('the real appid and cloud env come from git-ignored local files, with committed examples of documented fields', () => {
    expect(gitIgnored('project.private.config.json')).toBe(true);
    expect(gitIgnored('.env.local')).toBe(true);
    const example = readJson('project.private.config.example.json');
    expect(Object.keys(example).filter((k) => !PRIVATE_FIELDS.has(k))).toEqual([]);
    expect(example.appid).toMatch(/^wx[0-9a-f]{16}$/);
    expect(readFileSync(join(ROOT, '.env.local.example'), 'utf8')).toMatch(/^TARO_APP_CLOUD_ENV=/m);
  });

  it('each function folder under cloudfunctionRoot has what DevTools uploads: index.js with main, package.json, config.json', () => {
    ensureBundlesBuilt();
    const names: string[] = rc.functions.map((f: { name: string }) => f.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const dir = join(ROOT, project.cloudfunctionRoot, name);
      expect(existsSync(join(dir, 'index.js'))).toBe(true);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(pkg).toMatchObject({ name, main: 'index.js' });
      // Bundled: nothing for 「云端安装依赖」 to install.
      expect(pkg.dependencies ?? {}).toEqual({});
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
      expect(Object.keys(config).filter((k) => !['triggers', 'permissions'].includes(k))).toEqual([]);
      for (const t of config.triggers ?? []) {
        expect(t).toEqual({ name: expect.stringMatching(/^[A-Za-z][\w-]{0,59}$/), type: 'timer', config: expect.any(String) });
        expect(t.config.trim().split(/\s+/)).toHaveLength(7);
      }
      if (config.permissions) expect(Array.isArray(config.permissions.openapi)).toBe(true);
      const handler = require(join(dir, 'index.js')) as { main?: unknown };
      expect(typeof handler.main).toBe('function');
    }
  });
});
