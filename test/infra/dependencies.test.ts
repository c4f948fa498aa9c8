/**
 * The AWS SDK clients are released one by one (each at its own version), but they share
 * @aws-sdk/core, the @smithy packages and the credential chain; Powertools' logger and metrics
 * share @aws-lambda-powertools/commons. The lock file must hold one copy of each shared package,
 * or the Lambda bundles carry two (`npm run bundle-sizes` also fails on a bundled duplicate).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>;
};

/** Installed copies per package name, as "path@version". */
function copies(scope: RegExp): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [path, info] of Object.entries(lock.packages)) {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!path.includes('node_modules/') || !scope.test(name)) continue;
    found.set(name, [...(found.get(name) ?? []), `${path}@${info.version}`]);
  }
  return found;
}

describe('shared runtime packages are installed once', () => {
  it.each([
    ['the AWS SDK', /^@(aws-sdk|smithy|aws-crypto)\//],
    ['Powertools', /^@aws-lambda-powertools\//],
  ])('%s', (_name, scope) => {
    const found = copies(scope);
    expect(found.size).toBeGreaterThan(0);
    expect([...found].filter(([, paths]) => paths.length > 1)).toEqual([]);
  });
});

describe('the README says why each dependency is there', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  /** Package names in backticks in the first column of the "Dependencies, and why each is there" table. */
  const listed = (() => {
    const lines = readme.slice(readme.indexOf('Dependencies, and why each is there')).split('\n');
    const header = lines.findIndex((line) => line.startsWith('| package'));
    const end = lines.findIndex((line, i) => i > header && !line.startsWith('|'));
    const rows = lines.slice(header + 2, end === -1 ? undefined : end);
    return rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  })();

  it('names every runtime dependency exactly once, and nothing that is not one', () => {
    const runtime = Object.keys(pkg.dependencies);
    const counts = new Map<string, number>();
    for (const name of listed) counts.set(name, (counts.get(name) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(runtime.filter((name) => !counts.has(name))).toEqual([]);
    const known = new Set([...runtime, ...Object.keys(pkg.devDependencies)]);
    expect(listed.filter((name) => !known.has(name))).toEqual([]);
  });
});
