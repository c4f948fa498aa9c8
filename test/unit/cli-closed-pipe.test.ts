/**
 * A reader that stops early (`afterview parse-feed big.xml | head -c 10`) closes the pipe under the
 * command: it ends quietly, with no stack trace, whatever command was writing.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, REPO_ROOT } from '../support/cli.js';

/** Runs the command with its output read for the first `bytes` bytes only, then the pipe closed. */
function runReadingOnly(args: string[], bytes: number, input = ''): Promise<{ code: number | null; stderr: string; read: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let read = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      read += d.toString();
      if (read.length >= bytes) child.stdout.destroy();
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
    // The command may end before it has read all its input: our side of that pipe closes too.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

describe('a reader that closes the pipe early', () => {
  const feed = join(tmpdir(), `afterview-big-${process.pid}.xml`);
  writeFileSync(
    feed,
    `<rss version="2.0"><channel><title>t</title>${Array.from({ length: 20000 }, (_, i) => `<item><title>Item ${i} about a thing</title><link>https://e.example/${i}</link></item>`).join('')}</channel></rss>`,
  );

  it.each([
    ['parse-feed', [feed], ''],
    ['classify', [], Array.from({ length: 50000 }, (_, i) => JSON.stringify({ id: String(i), title: `Acme wins award number ${i}`, entity: 'Acme' })).join('\n')],
  ])('%s ends quietly', async (command, args, input) => {
    const { code, stderr, read } = await runReadingOnly([command, ...args], 10, input);
    expect(read.length).toBeGreaterThanOrEqual(10);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);
});
