import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** src/domain is shared by the mini-program and the cloud functions, so it must stay platform-free. */
const FORBIDDEN = [/^@tarojs\//, /^react(-dom)?(\/|$)/, /^@cloudbase\//, /^@nutui\//, /^node:/, /^(fs|path|http|child_process)$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

function importedModules(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? match[3] ?? match[4]);
  return specifiers;
}

describe('src/domain', () => {
  const domainDir = join(__dirname);
  const files = sourceFiles(domainDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(domainDir, f), f]))('%s imports no Taro, React, NutUI, SDK or Node module', (_name, file) => {
    const offending = importedModules(readFileSync(file, 'utf8')).filter((m) => FORBIDDEN.some((re) => re.test(m)));
    expect(offending).toEqual([]);
  });

  it('the import scanner catches a forbidden import', () => {
    const sample = "import Taro from '@tarojs/taro';\nimport { useState } from 'react';\nconst tcb = require('@cloudbase/node-sdk');";
    expect(importedModules(sample).filter((m) => FORBIDDEN.some((re) => re.test(m)))).toEqual(['@tarojs/taro', 'react', '@cloudbase/node-sdk']);
  });
});
