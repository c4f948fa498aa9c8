import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, reportError } from '../../functions/cli/main.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin: new PassThrough(), stdout, stderr, env: {} }, out: () => out, err: () => err };
}

describe('the command line', () => {
  it('lists every contract command in --help', async () => {
    const t = io();
    expect(await main(['--help'], t.io)).toBe(0);
    for (const name of ['classify', 'plan', 'parse-feed', 'fetch-feed', 'poll', 'digest', 'start']) {
      expect(t.out()).toContain(`  ${name} `);
    }
  });

  it('shows usage and exits 2 with no command', async () => {
    const t = io();
    expect(await main([], t.io)).toBe(2);
  });

  it('refuses an unknown command with one line and exit 2', async () => {
    const t = io();
    expect(await main(['frobnicate'], t.io)).toBe(2);
    expect(t.err()).toMatch(/^afterview: unknown command "frobnicate" \(try: .*\)\n$/);
  });

  it('gives each command its own --help', async () => {
    const t = io();
    expect(await main(['start', '--help'], t.io)).toBe(0);
    expect(t.out()).toContain('afterview start');
  });

  it('never prints the text of an error that is not one of the product\'s own (it is about internals)', () => {
    const t = io();
    expect(reportError(new TypeError("Cannot read properties of undefined (reading 'channel')"), t.io)).toBe(1);
    expect(t.err()).toBe('afterview: something went wrong inside afterview; run again with LOG_LEVEL=DEBUG to see what\n');
    const debug = io();
    reportError(new TypeError('Cannot read properties of undefined'), { ...debug.io, env: { LOG_LEVEL: 'DEBUG' } });
    expect(debug.err()).toContain('afterview: debug: Cannot read properties of undefined');
  });

  it('rotates the link-signing key of local mode, and says in one line when the AWS secret is not named', async () => {
    const { mkdtempSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'afterview-cli-'));
    const t = io();
    expect(await main(['rotate-link-key'], { ...t.io, env: { AFTERVIEW_DATA_DIR: dataDir } })).toBe(0);
    expect(JSON.parse(t.out())).toEqual({ rotated: true, keysThatVerify: 2 });
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'link-signing-keys.json')).mode & 0o777).toBe(0o600);
    const aws = io();
    expect(await main(['rotate-link-key'], { ...aws.io, env: { AFTERVIEW_RUNTIME: 'aws' } })).toBe(2);
    expect(aws.err()).toBe('afterview: bad configuration: AFTERVIEW_LINK_KEY_SECRET must be set for rotate-link-key to sign or check email links\n');
  });
});
