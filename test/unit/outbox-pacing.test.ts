/** How the outbox paces itself: the send-rate limiter, the retry backoff, and run deadlines. */
import { describe, expect, it } from 'vitest';
import { RETRY_BACKOFF, retryDelayMs, SendRateLimiter } from '../../functions/app/outbox/pacing.js';
import { deadlineIn, lambdaDeadline, NO_DEADLINE, stopOnAbort } from '../../functions/app/run-deadline.js';

function virtualLimiter(perSecond: number | null) {
  let now = 0;
  const starts: number[] = [];
  const limiter = new SendRateLimiter(perSecond, () => now, async (ms) => void (now += ms));
  const send = async () => {
    await limiter.take();
    starts.push(now);
  };
  return { limiter, starts, send, advance: (ms: number) => void (now += ms) };
}

describe('the send-rate limiter', () => {
  it('spaces sends evenly at the rate, with no burst', async () => {
    const { send, starts } = virtualLimiter(2);
    for (let i = 0; i < 5; i++) await send();
    expect(starts).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('does not make up for idle time with a burst', async () => {
    const { send, starts, advance } = virtualLimiter(1);
    await send();
    advance(10_000);
    await send();
    await send();
    expect(starts).toEqual([0, 10_000, 11_000]);
  });

  it('keeps concurrent callers apart too', async () => {
    const waits: number[] = [];
    const limiter = new SendRateLimiter(4, () => 0, async (ms) => void waits.push(ms));
    await Promise.all([limiter.take(), limiter.take(), limiter.take()]);
    expect(waits).toEqual([250, 500]);
  });

  it('halves the rate when throttled, down to one send per 10 s, and comes back to the set rate', async () => {
    const { limiter } = virtualLimiter(10);
    limiter.slowDown();
    expect(limiter.ratePerSecond).toBe(5);
    for (let i = 0; i < 20; i++) limiter.slowDown();
    expect(limiter.ratePerSecond).toBe(0.1);
    for (let i = 0; i < 40; i++) limiter.speedUp();
    expect(limiter.ratePerSecond).toBe(10);
  });

  it('has no limit where none is set, until throttled', async () => {
    const { limiter, send, starts } = virtualLimiter(null);
    await send();
    await send();
    expect(starts).toEqual([0, 0]);
    expect(limiter.ratePerSecond).toBe(Infinity);
    limiter.slowDown();
    expect(limiter.ratePerSecond).toBe(10);
    for (let i = 0; i < 30; i++) limiter.speedUp();
    expect(limiter.ratePerSecond).toBe(Infinity);
  });
});

describe('the retry backoff', () => {
  it.each([
    [1, 125, 250],
    [2, 250, 500],
    [3, 500, 1000],
    [5, 2000, 4000],
    [9, 2000, 4000],
  ])('waits between half and all of the step before retry %i', (retry, min, max) => {
    expect(retryDelayMs(retry, () => 0)).toBe(min);
    expect(retryDelayMs(retry, () => 0.999999)).toBeCloseTo(max, 0);
    expect(max).toBeLessThanOrEqual(RETRY_BACKOFF.maxMs);
  });
});

describe('run deadlines', () => {
  it('read a Lambda invocation\'s remaining time', () => {
    let left = 9_000;
    const deadline = lambdaDeadline({ getRemainingTimeInMillis: () => left });
    expect(deadline.remainingMs()).toBe(9_000);
    left = 100;
    expect(deadline.remainingMs()).toBe(100);
  });

  it('end at once when the run is asked to stop', () => {
    const stop = new AbortController();
    const deadline = stopOnAbort(stop.signal, deadlineIn(60_000));
    expect(deadline.remainingMs()).toBeGreaterThan(59_000);
    stop.abort();
    expect(deadline.remainingMs()).toBe(0);
    expect(stopOnAbort(new AbortController().signal).remainingMs()).toBe(NO_DEADLINE.remainingMs());
  });

  it('count a fixed budget down', () => {
    let now = 1_000;
    const deadline = deadlineIn(500, () => now);
    now = 1_400;
    expect(deadline.remainingMs()).toBe(100);
    now = 2_000;
    expect(deadline.remainingMs()).toBe(0);
  });
});
