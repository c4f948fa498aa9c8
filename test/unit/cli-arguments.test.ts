/**
 * The command line with input it cannot use (CONTRACTS.md §1): exit 2 and one readable line on
 * stderr, nothing on stdout — for a missing command, unknown or repeated options on every command,
 * a byte-order mark before JSON, dates that are not dates, and characters nobody can see.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
// One process runs every command here: zod is extended for the API (start, demo) before any command builds a schema, as in a process of its own.
import '@hono/zod-openapi';
import { main } from '../../functions/cli/main.js';

/**
 * Runs `afterview …args` in process with `input` on stdin. By default a data folder and a port
 * nobody uses: a command that got past its arguments fails visibly instead of starting anything.
 */
async function run(args: string[], input = '', env: Record<string, string> = { AFTERVIEW_DATA_DIR: '/nonexistent/afterview-test', AFTERVIEW_DYNAMODB_PORT: '9' }) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  stdin.end(input);
  const code = await main(args, { stdin, stdout, stderr, env });
  return { code, stdout: out, stderr: err };
}

/** Exit 2, nothing on stdout, exactly one line on stderr matching `message`, and only visible characters in it. */
function expectRefused(result: Awaited<ReturnType<typeof run>>, message: RegExp | string, answeredLines = 0) {
  expect(result.code, result.stderr).toBe(2);
  // A JSON-lines command has answered the lines before the bad one (it streams).
  expect(result.stdout === '' ? 0 : result.stdout.trimEnd().split('\n').length).toBe(answeredLines);
  expect(result.stderr.endsWith('\n')).toBe(true);
  const lines = result.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
  expect(lines[0]).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
}

const headline = (extra: Record<string, unknown> = {}) => `${JSON.stringify({ id: 1, title: 'Acme wins $120 million Pentagon contract', entity: 'Acme', ...extra })}\n`;
const INTERVIEW = JSON.stringify({
  company: 'Acme Robotics',
  role: 'Data Analyst',
  interviewer: { name: 'Dana Lee' },
  interviewedAt: '2026-11-02T15:00:00Z',
  timeZone: 'America/New_York',
});

describe('afterview with no command, --help and --version', () => {
  it('asks for a command in one line on stderr, and exits 2', async () => {
    expectRefused(await run([]), 'afterview: a command is required; try afterview --help');
  });

  it('prints the help on stdout for --help, and exits 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: afterview <command>');
    expect(help.stderr).toBe('');
  });

  it('prints the package version for --version, and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    const result = await run(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('names an unknown option given instead of a command', async () => {
    expectRefused(await run(['--verbose']), 'afterview: unknown option "--verbose"; try afterview --help');
  });
});

describe('unknown and repeated options, on every command', () => {
  it.each([
    ['classify', ['--foo']],
    ['note', ['--foo']],
    ['plan', ['--now', '2026-11-20T09:00:00Z', '--foo']],
    ['parse-feed', ['--foo', 'file.xml']],
    ['parse-feed', ['file.xml', '--foo']],
    ['fetch-feed', ['--foo', 'https://news.example/feed.xml']],
    ['poll', ['--once', '--foo']],
    ['digest', ['--foo', '--once']],
    ['start', ['--foo']],
    ['demo', ['--foo']],
    ['rotate-link-key', ['--foo']],
  ])('%s %j names the unknown option', async (command, args) => {
    expectRefused(await run([command, ...args]), new RegExp(`^afterview: ${command}: unknown option "--foo" \\(usage: afterview ${command}[^)]*\\)$`));
  });

  it.each([
    ['classify', ['--now', '2026-11-20T09:00:00Z', '--now', '2026-11-21T09:00:00Z'], '--now'],
    ['note', ['--now=2026-11-20T09:00:00Z', '--now', '2026-11-20T09:00:00Z'], '--now'],
    ['plan', ['--now', '2026-11-20', '--now=2026-11-21'], '--now'],
    ['poll', ['--once', '--once'], '--once'],
    ['digest', ['--once', '--now', '2026-11-20T09:00:00Z', '--now', '2026-11-20T09:00:00Z'], '--now'],
  ])('%s %j refuses the repeated option', async (command, args, option) => {
    expectRefused(await run([command, ...args]), `afterview: ${command}: ${option} is given more than once; give it once`);
  });

  it('refuses a second file, and a value for a flag that takes none', async () => {
    expectRefused(await run(['parse-feed', 'a.xml', 'b.xml']), /^afterview: parse-feed: unexpected argument "b\.xml" \(usage: afterview parse-feed/);
    expectRefused(await run(['poll', '--once=yes']), /^afterview: poll: --once takes no value/);
    expectRefused(await run(['classify', '--now']), /^afterview: --now needs a value, e\.g\. --now 2026-11-20T09:00:00Z$/);
  });
});

describe('JSON input with a byte-order mark, and characters nobody can see', () => {
  it.each(['classify', 'note'])('%s reads a first line that starts with a UTF-8 byte-order mark', async (command) => {
    const result = await run([command, '--now', '2026-11-20T09:00:00Z'], `\uFEFF${headline()}${headline({ id: 2 })}`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1, 2]);
  });

  it('plan reads an interview that starts with a UTF-8 byte-order mark', async () => {
    const result = await run(['plan', '--now', '2026-11-03T09:00:00Z'], `\uFEFF${INTERVIEW}`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'open' });
  });

  it('shows an invisible character in an error as its code point', async () => {
    // Only the first line may start with a byte-order mark; on line 2 it is an error, and shown.
    expectRefused(await run(['classify'], `${headline()}\uFEFF${headline({ id: 2 })}`), /^afterview: line 2: not valid JSON \(Unexpected token '\\uFEFF', .*\)$/, 1);
    expectRefused(await run(['plan', '--now', '2026-11-03T09:00:00Z'], `\u2028${INTERVIEW}`), /^afterview: stdin: not valid JSON \(Unexpected token '\\u2028', .*\)$/);
    expectRefused(await run(['frobnicate\u202Eexe.txt']), /^afterview: unknown command "frobnicate\\u202Eexe\.txt"/);
  });
});

describe('publishedAt must be an ISO-8601 date or date-time', () => {
  it.each(['classify', 'note'])('%s refuses "yesterday", naming the line', async (command) => {
    expectRefused(
      await run([command, '--now', '2026-11-20T09:00:00Z'], `${headline()}${headline({ id: 2, publishedAt: 'yesterday' })}`),
      'afterview: line 2: publishedAt: must be an ISO-8601 date or date-time like 2026-11-02 or 2026-11-02T15:00:00Z (got "yesterday")',
      1,
    );
  });

  it.each(['classify', 'note'])('%s takes dates, date-times with an offset, and null', async (command) => {
    const input = ['2026-11-19', '2026-11-19T08:00:00Z', '2026-11-19T08:00:00.123+02:00', null].map((publishedAt, i) => headline({ id: i, publishedAt })).join('');
    const result = await run([command, '--now', '2026-11-20T09:00:00Z'], input);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('the environment, checked before anything is tried', () => {
  it.each(['poll', 'digest'])('%s on AWS names the variables that are missing, without reaching for AWS', async (command) => {
    expectRefused(
      await run([command, '--once'], '', { AFTERVIEW_RUNTIME: 'aws' }),
      `afterview: bad configuration: AFTERVIEW_TABLE_NAME, AFTERVIEW_SENDER and AWS_REGION must be set for ${command} on AWS (AFTERVIEW_RUNTIME=aws)`,
    );
  });
});
