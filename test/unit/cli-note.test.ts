import { describe, expect, it } from 'vitest';
import { Draft } from '../../functions/domain/interview.js';
import { writeCongratulations } from '../../functions/domain/notes/congratulations.js';
import { classifyHeadline } from '../../functions/domain/classifier/index.js';
import { runCli } from '../support/cli.js';
import { expectBadLineRejected, streamThrough } from '../support/json-lines.js';

const line = (o: object) => `${JSON.stringify(o)}\n`;
const note = (input: string, args: string[] = []) => runCli(['note', ...args], { input });

describe('afterview note (CONTRACTS.md §1)', () => {
  it('prints one answer per input line, in order, with the contract keys, and a note only for good news', async () => {
    const input =
      line({ id: 1, title: 'Acme Robotics wins $40 million rail contract from state of Ohio', entity: 'Acme Robotics', interviewer: 'Dana Lee', role: 'Data Analyst', company: 'Acme Robotics Inc.' }) +
      '\n  \n' +
      line({ id: 'two', title: 'Acme to cut 1,200 jobs in restructuring', entity: 'Acme', label: 'ignored' }) +
      line({ id: 3, title: 'Bluefin Analytics to open Lisbon office', entity: 'Bluefin Analytics', summary: null });
    const run = await note(input);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual([1, 'two', 3]);
    for (const o of out) expect(Object.keys(o)).toEqual(['id', 'congratulate', 'event', 'note']);
    expect(out.map((o) => o.congratulate)).toEqual([true, false, true]);
    expect(out[1]).toMatchObject({ event: 'layoffs', note: null });
    const first = Draft.parse(out[0]!.note);
    expect(first.body).toMatch(/^(Hi|Dear|Hello) Dana,/);
    expect(first.body).toContain('Data Analyst');
    // The display name, not the watched name, is the one the note is written with.
    const title = 'Acme Robotics wins $40 million rail contract from state of Ohio';
    const event = classifyHeadline({ title }, { name: 'Acme Robotics' }).event;
    expect(first).toEqual(writeCongratulations({ title, event }, { company: 'Acme Robotics Inc.', role: 'Data Analyst', interviewer: { name: 'Dana Lee' } }));
    expect(`${first.subject} ${first.body}`).toContain('$40 million rail contract');
    expect(Draft.parse(out[2]!.note).body).toContain('the new Lisbon office');
  });

  it('offers exactly the note the alert writer gives for the same inputs', async () => {
    const item = { id: 7, title: 'Rolls-Royce Wins $9.2 Billion Order From Emirates Airline', entity: 'Rolls-Royce', interviewer: 'Sam Okafor', role: 'Engineer', company: 'Rolls-Royce' };
    const run = await note(line(item));
    const verdict = classifyHeadline({ title: item.title }, { name: item.entity });
    const expected = writeCongratulations({ title: item.title, event: verdict.event }, { company: item.company, role: item.role, interviewer: { name: item.interviewer } });
    expect(JSON.parse(run.stdout)).toEqual({ id: 7, congratulate: true, event: verdict.event, note: expected });
  });

  it('uses the documented defaults when interviewer, role and company are left out', async () => {
    const run = await note(line({ id: 1, title: 'Acme Robotics wins $40 million rail contract from state of Ohio', entity: 'Acme Robotics' }));
    const answer = JSON.parse(run.stdout) as { note: Draft };
    expect(answer.note.body).toMatch(/^(Hi|Hello),/);
    expect(answer.note.body).toMatch(/the open (role|position)/);
    const help = await runCli(['note', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/interviewer\s+the note greets without a name/);
    expect(help.stdout).toMatch(/role\s+the note speaks of "the open role"/);
    expect(help.stdout).toMatch(/company\s+the note uses "entity"/);
  });

  it('never writes a note on stale news, judged against --now', async () => {
    const item = { id: 1, title: 'Acme wins $120 million Pentagon contract', entity: 'Acme', publishedAt: '2026-10-01T00:00:00Z' };
    const stale = JSON.parse((await note(line(item), ['--now', '2026-11-20T00:00:00Z'])).stdout);
    const fresh = JSON.parse((await note(line(item), ['--now', '2026-10-05T00:00:00Z'])).stdout);
    expect(stale).toMatchObject({ congratulate: false, note: null });
    expect(fresh.congratulate).toBe(true);
    expect(fresh.note.subject).toMatch(/\$120 million Pentagon contract/);
  });

  it.each([
    ['not JSON', '{"id":1,"title":', /line 2: not valid JSON/],
    ['no entity', '{"id":1,"title":"Acme wins"}', /line 2: entity: is required/],
    ['a bad interviewer', '{"id":1,"title":"Acme wins","entity":"Acme","interviewer":7}', /line 2: interviewer:/],
    ['an array', '[1,2]', /line 2:/],
  ])('exits 2 with one stderr line naming the line for %s', async (_name, bad, message) => {
    const run = await note(line({ id: 0, title: 'Acme opens new office in Lisbon', entity: 'Acme' }) + `${bad}\n` + line({ id: 9, title: 'x', entity: 'y' }));
    expectBadLineRejected(run, message);
  });

  it('rejects unknown options with exit 2', async () => {
    const run = await note('', ['--fast']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('streams 100,000 lines with backpressure instead of holding them', async () => {
    const titles = [
      'Acme wins $120 million Pentagon contract',
      'Acme to cut 1,200 jobs in restructuring',
      'Acme opens new office in Lisbon',
      'Beta to acquire Acme in $500 million deal',
    ];
    const total = 100_000;
    const run = await streamThrough('note', total, (i) => line({ id: i, title: titles[i % titles.length], entity: 'Acme', interviewer: 'Dana Lee', role: 'Analyst' }));
    expect(run.stalledAt).toBeGreaterThan(0);
    expect(run.stalledAt).toBeLessThan(total / 2); // it did not swallow the input while output was blocked
    expect(run.code).toBe(0);
    expect(run.count).toBe(total);
    expect(run.ordered).toBe(true);
  }, 30_000);
});
