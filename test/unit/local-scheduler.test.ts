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
});
