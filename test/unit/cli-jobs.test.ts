/** `poll` and `digest` from the command line: bad flags and a stack that is not running. */
import { describe, expect, it } from 'vitest';
import { freePort, runCli } from '../support/cli.js';

describe.each(['poll', 'digest'])('afterview %s', (name) => {
  it('needs --once', async () => {
    const res = await runCli([name]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`afterview: ${name} needs --once (the scheduler runs it hourly in local mode)\n`);
  });

  it('refuses a --now that is not an instant', async () => {
    const res = await runCli([name, '--once', '--now', 'tomorrow']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^afterview: --now must be an ISO-8601 date-time with an offset, .*\(got "tomorrow"\)\n$/);
  });

  it('refuses an unknown flag', async () => {
    const res = await runCli([name, '--once', '--loud']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${name}: unknown option "--loud"`);
  });

  it('says in one line when local mode is not running', async () => {
    const res = await runCli([name, '--once'], { env: { AFTERVIEW_DYNAMODB_PORT: String(await freePort()) } });
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^afterview: cannot reach the local DynamoDB at http:\/\/127\.0\.0\.1:\d+ \(table afterview\) — is `npm start` running\?\n$/);
  });
});
