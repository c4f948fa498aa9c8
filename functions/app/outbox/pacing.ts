/**
 * How fast the outbox sends and how patiently it retries: a send-rate limiter that keeps one
 * process under the mail account's rate, and the backoff between attempts after a transient fault.
 */

import type { Clock } from '../ports.js';

export type Sleep = (ms: number) => Promise<void>;

export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Leases and due times follow real time, whatever instant a run stands for (a scheduled run
 * retried later still leases for the seconds it really holds a message).
 */
export const realClock: Clock = { now: () => new Date() };

/** After throttling, the spacing doubles, up to one send per this many milliseconds. */
const SLOWEST_SPACING_MS = 10_000;
/** Where slowing down starts when no rate was set (local mode sends as fast as it can). */
const FIRST_SPACING_WHEN_UNLIMITED_MS = 100;

/**
 * Spaces sends evenly at `perSecond` or fewer, with no burst: SES counts its maximum send rate per
 * second, so a quota of one a second means one each second, not ten at once and then a pause.
 * `perSecond` null: no limit (local mode).
 */
export class SendRateLimiter {
  private readonly baseSpacingMs: number;
  private spacingMs: number;
  private nextAt = 0;

  constructor(
    perSecond: number | null,
    private readonly now: () => number,
    private readonly wait: Sleep = sleep,
  ) {
    this.baseSpacingMs = perSecond && perSecond > 0 ? 1000 / perSecond : 0;
    this.spacingMs = this.baseSpacingMs;
  }

  /** Waits until the next send may start. */
  async take(): Promise<void> {
    if (this.spacingMs === 0) return;
    const now = this.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.spacingMs;
    if (at > now) await this.wait(at - now);
  }

  /** The service throttled us anyway (another sender shares the quota): half the rate. */
  slowDown(): void {
    this.spacingMs = Math.min(SLOWEST_SPACING_MS, this.spacingMs === 0 ? FIRST_SPACING_WHEN_UNLIMITED_MS : this.spacingMs * 2);
  }

  /** A mail went through: back a little toward the set rate. */
  speedUp(): void {
    const spacing = this.spacingMs * 0.8;
    this.spacingMs = spacing < Math.max(this.baseSpacingMs, 10) ? this.baseSpacingMs : spacing;
  }

  /** Sends per second now allowed (Infinity without a limit). */
  get ratePerSecond(): number {
    return this.spacingMs === 0 ? Infinity : 1000 / this.spacingMs;
  }
}

/** Retries after a transient fault wait about 0.25 s, 0.5 s, 1 s, … up to 4 s. */
export const RETRY_BACKOFF = { firstMs: 250, maxMs: 4_000 } as const;

/**
 * The wait before retry number `retry` (1 for the first retry): exponential, with "equal jitter" —
 * half fixed, half random — so retries from many senders spread out but never come back at once.
 */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_BACKOFF.maxMs, RETRY_BACKOFF.firstMs * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
