/**
 * `afterview start` as a user runs it: healthy API and inbox, a clear line for each bad start,
 * and a clean stop on Ctrl-C.
 */
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runCli, spawnCli, waitFor } from '../support/cli.js';

describe('local mode', () => {
  let env: Record<string, string>;
  let running: ReturnType<typeof spawnCli>;

  beforeAll(async () => {
    env = {
      PORT: String(await freePort()),
      AFTERVIEW_SES_PORT: String(await freePort()),
      AFTERVIEW_DYNAMODB_PORT: String(await freePort()),
      AFTERVIEW_DATA_DIR: mkdtempSync(join(tmpdir(), 'afterview-local-')),
      AFTERVIEW_SCHEDULE: 'off',
    };
    running = spawnCli(['start'], env);
    await waitFor(async () => {
      const res = await fetch(`http://127.0.0.1:${env.PORT}/health`);
      return res.ok ? true : undefined;
    }, 40_000);
  }, 60_000);

  afterAll(() => {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
  });

  it('answers /health with {"ok":true} and serves the inbox', async () => {
    const health = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    expect(await health.json()).toEqual({ ok: true });
    const inbox = await fetch(`http://127.0.0.1:${env.AFTERVIEW_SES_PORT}/`);
    expect(inbox.status).toBe(200);
    expect(running.output()).toContain(`http://127.0.0.1:${env.AFTERVIEW_SES_PORT}`);
    expect(existsSync(join(env.AFTERVIEW_DATA_DIR!, 'dynamodb'))).toBe(true);
  });

  it('runs `poll --once` against it: a summary JSON that counts every table write, leases included', async () => {
    const res = await runCli(['poll', '--once'], { env });
    expect(res.code).toBe(0);
    const summary = JSON.parse(res.stdout) as Record<string, unknown>;
    // Nothing is watched yet: nothing due, nothing asked, nothing written.
    expect(summary).toMatchObject({ sourcesDue: 0, requests: 0, tableWrites: 0, tableWritesBy: { leases: 0, feedStates: 0, stories: 0, alerts: 0 } });
  });

  it('refuses a second start on the same data with one clear line', async () => {
    const second = await runCli(['start'], { env });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(/already running .*pid \d+/);
  });

  it('names the port when it is already taken', async () => {
    const other = { ...env, AFTERVIEW_DATA_DIR: mkdtempSync(join(tmpdir(), 'afterview-local-')) };
    const second = await runCli(['start'], { env: other });
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(/^afterview: port \d+ \(.+\) is already in use; .*set \w+ to another port$/);
  });

  it('stops cleanly on Ctrl-C and releases the data folder', async () => {
    running.child.kill('SIGINT');
    const [code] = await once(running.child, 'exit');
    expect(code).toBe(0);
    expect(running.output()).toContain('Stopped.');
    expect(existsSync(join(env.AFTERVIEW_DATA_DIR!, 'afterview.lock'))).toBe(false);
  }, 20_000);
});

describe('bad starts', () => {
  it('refuses a bad variable with one line and exit 2', async () => {
    const res = await runCli(['start'], { env: { PORT: 'eighty' } });
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('afterview: bad configuration: PORT must be a port number (got "eighty")');
  });

  it('refuses a data folder it cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afterview-ro-'));
    const target = join(dir, 'file-not-folder');
    // A folder under a regular file can never be created, even as root.
    writeFileSync(target, 'x');
    chmodSync(target, 0o444);
    const res = await runCli(['start'], { env: { AFTERVIEW_DATA_DIR: join(target, 'data'), PORT: String(await freePort()) } });
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toMatch(/^afterview: data folder .* is not writable \(\w+\); set AFTERVIEW_DATA_DIR/);
  });
});
