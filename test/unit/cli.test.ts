import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main.js';

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
});
