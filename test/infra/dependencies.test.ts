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
