/**
 * Drives a JSON-lines command (`classify`, `note`) the way a pipeline would, to check the shared
 * streaming contract: with its stdout unread the command must stop reading stdin (so 100,000
 * lines never sit in memory), and once read it must answer every line, in order.
 */
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { CLI_ENTRY, REPO_ROOT } from './cli.js';

export interface StreamRun {
  /** How many lines had been written when the child stopped reading (its stdout unread). */
  stalledAt: number;
  /** Lines it printed in the end. */
  count: number;
  /** Every printed id was the next one. */
  ordered: boolean;
  code: number | null;
}

/** Writes `total` lines (`lineFor(i)`, each with `"id": i`) through `afterview <command>`. */
export async function streamThrough(command: string, total: number, lineFor: (i: number) => string): Promise<StreamRun> {
  const child = spawn(process.execPath, [CLI_ENTRY, command], { cwd: REPO_ROOT });
  child.stdout.pause(); // read nothing yet: the child must stop when its stdout is full

  let written = 0;
  const writeUntilBlocked = () => {
    while (written < total) {
      const ok = child.stdin.write(lineFor(written));
      written += 1;
      if (!ok) return false;
    }
    return true;
  };
  // Keep writing as long as the child keeps draining stdin; with stdout unread it must stall.
  let stalledAt = -1;
  for (;;) {
    if (writeUntilBlocked()) break;
    const drained = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 1500);
      child.stdin.once('drain', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!drained) {
      stalledAt = written;
      break;
    }
  }

  // Now read, and finish writing with backpressure.
  let count = 0;
  let expectedId = 0;
  let ordered = true;
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const p of parts) {
      const id = (JSON.parse(p) as { id: number }).id;
      if (id !== expectedId) ordered = false;
      expectedId += 1;
      count += 1;
    }
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (;;) {
    if (writeUntilBlocked()) break;
    await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  const code = await exited;
  return { stalledAt, count, ordered, code };
}

/**
 * The bad-input contract: a good line, then `bad`, then another line → exit 2, one readable stderr
 * line matching `message` (no stack trace), and only the good line's answer on stdout.
 */
export function expectBadLineRejected(run: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(run.code).toBe(2);
  const errLines = run.stderr.trimEnd().split('\n');
  expect(errLines).toHaveLength(1);
  expect(errLines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1); // the good line before it was printed
}
