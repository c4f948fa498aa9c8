/**
 * One poll cycle's context: what every step of one run shares — the dependencies, the cycle's
 * instant, the fetch slots, what alerting has already read, and the writer that keeps stories
 * ahead of the feed states that follow them.
 */
import { createAlertSession, type AlertSession } from '../alerts/send-alerts.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import { NO_DEADLINE, type RunDeadline } from '../run-deadline.js';
import { createHostLimiter, type HostLimiter } from './host-limiter.js';
import type { PollDeps } from './poll-deps.js';
import { createCycleWriter, type CycleWriter } from './steps/store.js';

export interface PollCycle {
  deps: PollDeps;
  /** The instant the cycle runs at (a test's fixed instant, or the schedule's). */
  now: Date;
  /** Fetch slots: bounded in total and per host. */
  limiter: HostLimiter;
  /** Requests in flight at once. */
  concurrency: number;
  /** Subscribers, suppressions, interviews, companies and stories already read or found this run. */
  alerts: AlertSession;
  /** Sends the cycle's alerts (and those earlier runs left), one mail at a time. */
  sender: OutboxSender;
  /** When the cycle must stop taking new work (the Lambda's remaining time, or a stop request). */
  deadline: RunDeadline;
  writer: CycleWriter;
  /** Real milliseconds since the cycle began (`now` may stand still in a test). */
  elapsedMs(): number;
  /** A number in [0, 1) for backoff jitter. */
  random(): number;
  /** Runs a CPU-bound step in its own turn of the event loop. */
  cpu: CpuTurns;
}

/**
 * Requests in flight at once, and to one host. Every company's news search is on one host
 * (news.google.com), so the per-host bound sets the pace of a cycle: 16 kept-alive connections
 * (the safe fetcher's agent keeps that many per host) ask 300 feeds at 300 ms in about 6 s,
 * while one at a time would take 90 s; it is a small share of what an HTTP/2 client multiplexes
 * over one connection, and each feed is still asked at most once an hour.
 */
export const DEFAULT_CONCURRENCY = 32;
export const DEFAULT_PER_HOST_CONCURRENCY = 16;

/**
 * A company is started only while this much time is left: a news search and its fallback fetched
 * at their 20 s caps, and the writes after them (the cycle's senders keep their own reserve).
 */
export const POLL_STOP_RESERVE_MS = 45_000;

export function startCycle(deps: PollDeps, now: Date, deadline: RunDeadline = NO_DEADLINE): PollCycle {
  const started = performance.now();
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  return {
    deps,
    now,
    limiter: createHostLimiter({ total: concurrency, perHost: deps.perHostConcurrency ?? DEFAULT_PER_HOST_CONCURRENCY }),
    concurrency,
    alerts: createAlertSession(),
    sender: deps.sender ?? new OutboxSender(deps, { deadline }),
    deadline,
    writer: createCycleWriter(deps.repos),
    elapsedMs: () => Math.round(performance.now() - started),
    random: deps.random ?? Math.random,
    cpu: createCpuTurns(),
  };
}

/**
 * Runs CPU-bound steps (one feed's parse, one company's dedupe or classification) one per turn of
 * the event loop. In local mode the API shares this process with the poll cycle: when many feeds
 * answer at once their parses would otherwise run back to back in one turn, and a request would
 * wait for all of them; now it waits for one step at most.
 */
export type CpuTurns = <T>(step: () => T | Promise<T>) => Promise<T>;

export function createCpuTurns(): CpuTurns {
  let last: Promise<void> = Promise.resolve();
  return async (step) => {
    const previous = last;
    let release!: () => void;
    last = new Promise<void>((resolve) => (release = resolve));
    await previous;
    // Scheduled after the previous step, so it runs in the next turn, after pending I/O.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      return await step();
    } finally {
      release();
    }
  };
}
