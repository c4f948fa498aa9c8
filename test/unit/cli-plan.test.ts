/** `afterview plan` as a script would use it: the CONTRACTS.md example on stdin, the plan on stdout. */
import { describe, expect, it } from 'vitest';
import { FollowUpPlan } from '../../functions/domain/interview.js';
import { runCli } from '../support/cli.js';

/** The interview from CONTRACTS.md §1. */
const EXAMPLE = {
  company: 'Acme Robotics',
  role: 'Data Analyst',
  interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
  interviewedAt: '2026-11-02T15:00:00Z',
  format: 'in-person',
  decisionExpectedBy: '2026-11-30',
  contactPolicy: 'ok',
  lastEmployerChannel: 'email',
  timeZone: 'America/New_York',
  events: [
    { type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' },
    { type: 'heard-back', at: '2026-11-20T10:00:00Z', decisionExpectedBy: '2026-12-10' },
  ],
};

const plan = (args: string[], input: unknown) => runCli(['plan', ...args], { input: typeof input === 'string' ? input : JSON.stringify(input) });

describe('afterview plan', () => {
  it('prints the plan for the documented example: one follow-up after the new decision date', async () => {
    const result = await plan(['--now', '2026-12-12T14:00:00Z'], EXAMPLE);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = FollowUpPlan.parse(JSON.parse(result.stdout));
    expect(output.status).toBe('open');
    expect(output.actions).toHaveLength(1);
    const [followUp] = output.actions;
    expect(followUp).toMatchObject({ type: 'follow-up', dueOn: '2026-12-15', overdue: false, channel: 'email' });
    expect(followUp?.draft?.body).toMatch(/^(Dear|Hi|Hello) Dana,/);
    expect(followUp?.draft?.body).toContain('10 December');
    expect(followUp?.why).toContain('10 Dec');
    expect(Object.keys(followUp ?? {})).toEqual(['type', 'dueOn', 'overdue', 'channel', 'draft', 'why']);
  });

  it('accepts --now=… and a bare date (noon in the interview zone)', async () => {
    const a = await plan(['--now=2026-11-03T17:00:00Z'], { ...EXAMPLE, events: [] });
    const b = await plan(['--now', '2026-11-03'], { ...EXAMPLE, events: [] });
    expect(a.code).toBe(0);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
    expect(JSON.parse(a.stdout).actions[0]).toMatchObject({ type: 'send-thank-you', dueOn: '2026-11-03' });
  });

  it('closed interviews have no actions', async () => {
    const result = await plan(['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, events: [...EXAMPLE.events, { type: 'offer', at: '2026-12-01T10:00:00Z' }] });
    expect(JSON.parse(result.stdout)).toEqual({ status: 'closed', actions: [] });
  });

  it('ignores the bookkeeping fields of a stored interview, so API output can be piped in', async () => {
    const stored = { id: 'int_1', companyId: 'c1', createdAt: '2026-11-02T20:00:00Z', updatedAt: '2026-11-20T10:00:00Z', ...EXAMPLE };
    const result = await plan(['--now', '2026-12-12T14:00:00Z'], stored);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).actions[0].type).toBe('follow-up');
  });

  it.each([
    ['no --now', [], EXAMPLE, /--now <ISO-8601> is required/],
    ['--now without a value', ['--now'], EXAMPLE, /--now needs a value/],
    ['--now not a date', ['--now', 'tomorrow'], EXAMPLE, /--now must be an ISO-8601 date-time/],
    ['--now without an offset', ['--now', '2026-12-12T14:00:00'], EXAMPLE, /--now must be an ISO-8601 date-time/],
    ['an unknown flag', ['--now', '2026-12-12T14:00:00Z', '--verbose'], EXAMPLE, /unknown option "--verbose"/],
    ['empty stdin', ['--now', '2026-12-12T14:00:00Z'], '', /expected one interview as JSON, got nothing/],
    ['invalid JSON', ['--now', '2026-12-12T14:00:00Z'], '{"company": ', /not valid JSON/],
    ['a JSON array', ['--now', '2026-12-12T14:00:00Z'], '[]', /invalid interview: .*expected object/],
    ['a missing field', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, role: undefined }, /^afterview: invalid interview: role: is required$/],
    ['an empty company', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, company: '  ' }, /company: must not be empty/],
    ['a bad time zone', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, timeZone: 'Mars/Olympus' }, /timeZone: must be an IANA time zone/],
    ['a bad date', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, decisionExpectedBy: '2026-02-30' }, /decisionExpectedBy: must be a date like 2026-11-30/],
    ['a bad event type', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, events: [{ type: 'ghosted', at: '2026-11-03T14:00:00Z' }] }, /events\.0\.type/],
    ['a bad event instant', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, events: [{ type: 'heard-back', at: 'yesterday' }] }, /events\.0\.at: must be an ISO-8601 date-time/],
    ['a bad channel', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, lastEmployerChannel: 'fax' }, /lastEmployerChannel/],
    ['a misspelt field', ['--now', '2026-12-12T14:00:00Z'], { ...EXAMPLE, decisionExpectedby: '2026-11-30' }, /unknown field "decisionExpectedby"/],
  ])('%s → exit 2 and one line', async (_name, args, input, message) => {
    const result = await plan(args as string[], input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
