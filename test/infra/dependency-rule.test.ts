/**
 * The dependency rule (.dependency-cruiser.cjs, README "How the code is laid out") holds for the
 * code, and the rule file really catches what it forbids (a fixture tree that breaks it on purpose).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = `${repoRoot}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;
const rules = `${repoRoot}.dependency-cruiser.cjs`;

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

async function violations(cwd: string, paths: string[]): Promise<Violation[]> {
  // dependency-cruiser exits non-zero when it finds violations; the JSON report is what counts.
  const out = await run(process.execPath, [cli, ...paths, '--config', rules, '--output-type', 'json'], { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
  );
  const report = JSON.parse(out.stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations;
}

const describeViolations = (found: Violation[]) => found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).join('\n');

describe('the dependency rule', () => {
  it('holds for functions/, lib/ and bin/', async () => {
    const found = await violations(repoRoot, ['functions', 'lib', 'bin']);
    expect(describeViolations(found)).toBe('');
  });

  it('names the rule a change breaks (checked on a tree that breaks it on purpose)', async () => {
    const found = await violations(`${repoRoot}test/fixtures/dependency-rule`, ['functions']);
    const names = new Set(found.map((v) => `${v.rule.name}: ${v.from}`));
    expect(names).toEqual(
      new Set([
        'domain-is-pure: functions/domain/rules.ts',
        'only-wiring-builds-adapters: functions/domain/rules.ts',
        'only-wiring-builds-adapters: functions/app/use-case.ts',
        'app-uses-ports-not-adapters: functions/app/use-case.ts',
        'app-has-no-io: functions/app/use-case.ts',
        'api-and-web-are-siblings: functions/api/route.ts',
        'mail-only-renders: functions/mail/render.ts',
      ]),
    );
  });
});
