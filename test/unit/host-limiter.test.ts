/**
 * Politeness per host (DESIGN.md §2, "fetch like a good citizen"): the poll never has more than
 * `total` requests in flight, nor more than `perHost` to one host, and a busy host never holds
 * back the others. settleAll runs a bounded number of workers and never rejects.
 */
import { describe, expect, it } from 'vitest';
import { createHostLimiter, settleAll } from '../../functions/app/poll/host-limiter.js';

/** A task that runs until the test releases it, with a record of what ran at the same time. */
function harness() {
  const running = new Map<string, number>();
  const peaks = { total: 0, byHost: new Map<string, number>() };
  const started: string[] = [];
  const releases = new Map<string, (outcome?: Error) => void>();
  let inFlight = 0;
  const task = (host: string, name: string) => () =>
    new Promise<string>((resolve, reject) => {
      started.push(name);
      inFlight++;
      running.set(host, (running.get(host) ?? 0) + 1);
      peaks.total = Math.max(peaks.total, inFlight);
      peaks.byHost.set(host, Math.max(peaks.byHost.get(host) ?? 0, running.get(host)!));
      releases.set(name, (failure) => {
        inFlight--;
        running.set(host, running.get(host)! - 1);
        if (failure) reject(failure);
        else resolve(name);
      });
    });
  const release = async (name: string, failure?: Error) => {
    releases.get(name)!(failure);
    // Let the limiter's settle handlers run and start what waits.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { task, release, settle, started, peaks };
}

describe('createHostLimiter', () => {
  it('never has more than `total` tasks in flight, and runs them all', async () => {
    const h = harness();
    const limiter = createHostLimiter({ total: 3, perHost: 10 });
    const names = Array.from({ length: 8 }, (_, i) => `t${i}`);
    const results = names.map((name, i) => limiter.run(`host-${i}`, h.task(`host-${i}`, name)));
    await h.settle();
    expect(h.started).toEqual(['t0', 't1', 't2']);
    for (const name of names) await h.release(name);
    await expect(Promise.all(results)).resolves.toEqual(names);
    expect(h.peaks.total).toBe(3);
  });

  it('never has more than `perHost` tasks on one host', async () => {
    const h = harness();
    const limiter = createHostLimiter({ total: 10, perHost: 2 });
    const names = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const results = names.map((name) => limiter.run('news.example', h.task('news.example', name)));
    await h.settle();
    expect(h.started).toEqual(['a1', 'a2']);
    for (const name of names) await h.release(name);
    await Promise.all(results);
    expect(h.peaks.byHost.get('news.example')).toBe(2);
    expect(h.started).toEqual(names);
  });

  it('starts the next task of another host while one host is busy, then the waiting ones in arrival order', async () => {
    const h = harness();
    const limiter = createHostLimiter({ total: 2, perHost: 1 });
    const runs = [
      limiter.run('slow.example', h.task('slow.example', 'slow-1')),
      limiter.run('slow.example', h.task('slow.example', 'slow-2')),
      limiter.run('fast.example', h.task('fast.example', 'fast-1')),
      limiter.run('fast.example', h.task('fast.example', 'fast-2')),
    ];
    await h.settle();
    // slow-2 waits for its host; fast-1 takes the free slot although it came later.
    expect(h.started).toEqual(['slow-1', 'fast-1']);
    await h.release('fast-1');
    expect(h.started).toEqual(['slow-1', 'fast-1', 'fast-2']);
    await h.release('slow-1');
    expect(h.started).toEqual(['slow-1', 'fast-1', 'fast-2', 'slow-2']);
    await h.release('fast-2');
    await h.release('slow-2');
    await Promise.all(runs);
    expect(h.peaks.total).toBe(2);
    expect([...h.peaks.byHost.values()]).toEqual([1, 1]);
  });

  it('rejects only the failed task and frees its slot for the next', async () => {
    const h = harness();
    const limiter = createHostLimiter({ total: 1, perHost: 1 });
    const first = limiter.run('a.example', h.task('a.example', 'broken'));
    const second = limiter.run('b.example', h.task('b.example', 'next'));
    await h.settle();
    expect(h.started).toEqual(['broken']);
    await h.release('broken', new Error('connection reset'));
    await expect(first).rejects.toThrow('connection reset');
    expect(h.started).toEqual(['broken', 'next']);
    await h.release('next');
    await expect(second).resolves.toBe('next');
  });

  it('treats a limit below one as one', async () => {
    const h = harness();
    const limiter = createHostLimiter({ total: 0, perHost: 0 });
    const runs = [limiter.run('a.example', h.task('a.example', 'one')), limiter.run('b.example', h.task('b.example', 'two'))];
    await h.settle();
    expect(h.started).toEqual(['one']);
    await h.release('one');
    await h.release('two');
    await expect(Promise.all(runs)).resolves.toEqual(['one', 'two']);
  });
});

describe('settleAll', () => {
  it('gives every result in input order, fulfilled or rejected, and never rejects', async () => {
    const results = await settleAll([30, 0, 10, 20], 2, async (ms) => {
      await new Promise((r) => setTimeout(r, ms));
      if (ms === 10) throw new Error('ten');
      return ms * 2;
    });
    expect(results).toEqual([
      { status: 'fulfilled', value: 60 },
      { status: 'fulfilled', value: 0 },
      { status: 'rejected', reason: new Error('ten') },
      { status: 'fulfilled', value: 40 },
    ]);
  });

  it('runs at most `limit` workers at once', async () => {
    let inFlight = 0;
    let peak = 0;
    await settleAll(Array.from({ length: 12 }, (_, i) => i), 3, async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    });
    expect(peak).toBe(3);
  });

  it('handles no items, a limit larger than the items, and a limit below one', async () => {
    expect(await settleAll([], 4, async (x: number) => x)).toEqual([]);
    expect(await settleAll([1, 2], 10, async (x) => x + 1)).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 3 },
    ]);
    let peak = 0;
    let inFlight = 0;
    const results = await settleAll([1, 2, 3], 0, async (x) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      inFlight--;
      return x;
    });
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(peak).toBe(1);
  });
});
