import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Classification } from '../../functions/domain/news.js';
import { expectBadLineRejected, streamThrough } from '../support/json-lines.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The installed entry: the JavaScript build (the global setup builds it).
const bin = path.join(repoRoot, 'bin/afterview.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function classify(input: string, args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'classify', ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const line = (o: object) => `${JSON.stringify(o)}\n`;

describe('afterview classify (CONTRACTS.md §1)', () => {
  it('prints one verdict per input line, in order, with the contract keys in order', async () => {
    const input =
      line({ id: 1, title: 'Acme wins $120 million Pentagon contract', entity: 'Acme' }) +
      '\n   \n' +
      line({ id: 'two', title: 'Acme to cut 1,200 jobs in restructuring', entity: 'Acme', label: 'ignored' }) +
      line({ id: 3, title: 'Beta sues Acme over patent', entity: 'Acme', summary: null, link: 'https://example.com/x' });
    const run = await classify(input);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(3);
    const verdicts = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(verdicts.map((v) => v.id)).toEqual([1, 'two', 3]);
    for (const v of verdicts) {
      expect(Object.keys(v)).toEqual(['id', 'polarity', 'event', 'congratulate', 'confidence', 'reasons']);
      const { id: _id, ...rest } = v;
      expect(Classification.parse(rest)).toEqual(rest);
    }
    expect(verdicts.map((v) => v.congratulate)).toEqual([true, false, false]);
    expect(verdicts[1]).toMatchObject({ polarity: 'negative', event: 'layoffs' });
  });

  it('never congratulates on stale news, judged against --now', async () => {
    const item = { id: 1, title: 'Acme wins $120 million Pentagon contract', entity: 'Acme', publishedAt: '2026-10-01T00:00:00Z' };
    const stale = await classify(line(item), ['--now', '2026-11-20T00:00:00Z']);
    const fresh = await classify(line(item), ['--now', '2026-10-05T00:00:00Z']);
    expect(JSON.parse(stale.stdout).congratulate).toBe(false);
    expect(JSON.parse(fresh.stdout).congratulate).toBe(true);
  });

  it.each([
    ['not JSON', '{"id":1,"title":', /line 2: not valid JSON/],
    ['no entity', '{"id":1,"title":"Acme wins"}', /line 2: entity: is required/],
    ['a bad id', '{"id":true,"title":"Acme wins","entity":"Acme"}', /line 2: id:/],
    ['an array', '[1,2]', /line 2:/],
  ])('exits 2 with one stderr line naming the line for %s', async (_name, bad, message) => {
    const run = await classify(line({ id: 0, title: 'Acme opens new office', entity: 'Acme' }) + `${bad}\n` + line({ id: 9, title: 'x', entity: 'y' }));
    expectBadLineRejected(run, message);
  });

  it('rejects unknown options with exit 2', async () => {
    const run = await classify('', ['--fast']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('streams 100,000 lines with backpressure instead of holding them', async () => {
    const total = 100_000;
    const titles = [
      'Acme wins $120 million Pentagon contract',
      'Acme to cut 1,200 jobs in restructuring',
      'Acme shares hit record high',
      'Beta to acquire Acme in $500 million deal',
    ];
    const run = await streamThrough('classify', total, (i) => line({ id: i, title: titles[i % titles.length], entity: 'Acme' }));
    expect(run.stalledAt).toBeGreaterThan(0);
    expect(run.stalledAt).toBeLessThan(total / 2); // it did not swallow the input while output was blocked
    expect(run.code).toBe(0);
    expect(run.count).toBe(total);
    expect(run.ordered).toBe(true);
  }, 20_000);
});
