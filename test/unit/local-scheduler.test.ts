/** Local mode's scheduler: stopping it (Ctrl-C, SIGTERM) tells running jobs to stop, and waits for them. */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../functions/app/ports.js';
import { startScheduler } from '../../functions/local/scheduler.js';

const logs: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: (message) => void logs.push(message),
  warn: () => {},
  error: (message) => void logs.push(message),
};

describe('the local scheduler', () => {
  it('tells a running job to stop and resolves once it has given back what it held', async () => {
    const seen: number[] = [];
    let finished = false;
    const stop = startScheduler(
      [
        {
          name: 'digest',
          pattern: '0 0 1 1 *',
          run: async (_now, deadline) => {
            seen.push(deadline.remainingMs());
            // Work in small steps until told to stop, then "give back" what is held.
            while (deadline.remainingMs() > 0) await new Promise((r) => setTimeout(r, 5));
            await new Promise((r) => setTimeout(r, 50));
            finished = true;
            return { stopped: true };
          },
        },
      ],
      logger,
      { runAtStartAfterMs: 0 },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([Infinity]);
    await stop();
    expect(finished).toBe(true);
    expect(logs).toContain('job finished');
  });

  it('starts nothing once stopped', async () => {
    let runs = 0;
    const stop = startScheduler([{ name: 'poll', pattern: '0 0 1 1 *', run: async () => void runs++ }], logger, { runAtStartAfterMs: 20 });
    await stop();
    await new Promise((r) => setTimeout(r, 60));
    expect(runs).toBe(0);
  });

  it('schedules nothing until what it must wait for is done (the demo’s own poll and digest), and nothing at all if stopped first', async () => {
    let runs = 0;
    let done!: () => void;
    const startAfter = new Promise<void>((resolve) => (done = resolve));
    const stop = startScheduler([{ name: 'poll', pattern: '0 0 1 1 *', run: async () => void runs++ }], logger, { runAtStartAfterMs: 0, startAfter });
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(0);
    done();
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(1);
    await stop();

    let never!: () => void;
    const later = new Promise<void>((resolve) => (never = resolve));
    const stopFirst = startScheduler([{ name: 'digest', pattern: '0 0 1 1 *', run: async () => void runs++ }], logger, { runAtStartAfterMs: 0, startAfter: later });
    await stopFirst();
    never();
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(1);
  });

  it('runs the jobs at start one after another, in order: the digest reads what the poll stored', async () => {
    const events: string[] = [];
    const job = (name: string, ms: number) => ({
      name,
      pattern: '0 0 1 1 *',
      run: async () => {
        events.push(`${name} started`);
        await new Promise((r) => setTimeout(r, ms));
        events.push(`${name} finished`);
      },
    });
    const stop = startScheduler([job('poll', 40), job('digest', 1)], logger, { runAtStartAfterMs: 0 });
    await new Promise((r) => setTimeout(r, 120));
    await stop();
    expect(events).toEqual(['poll started', 'poll finished', 'digest started', 'digest finished']);
  });
});
