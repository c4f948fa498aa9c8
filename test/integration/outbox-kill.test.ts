/**
 * Done when: a digest run killed (SIGKILL, a real child process) at random points while it sends,
 * against the real local servers, then run again — every subscriber gets the day's digest, and at
 * most the one mail in flight at a kill goes out twice.
 *
 * The runs are the real command line (`digest --once`). Between it and the mail catcher sits a
 * small proxy (test/support/kill-proxy.ts) that sees every send and kills the run at the chosen
 * point: as the k-th mail is about to reach the mail service, right after the service accepted it
 * but before the run hears so (the one window where a repeat is allowed), or a few milliseconds
 * after the run heard. Property-style over kill points, with a fixed seed.
 *
 * Leases are the production length's third (20 s), so an attempt may take the production 5 s: on a
 * loaded machine a local send has taken over a second, and an attempt abandoned as timed out while
 * the catcher still took the mail is a repeat no kill explains (the test failed 1 run in 3 so with
 * 4 s leases and 1 s attempts). The last run happens a lease later by its own clock
 * (test/support/clock-ahead.mjs) instead of the test sleeping through the killed runs' leases.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { KillingProxy, mailSends, runKillable, type KillPhase, type KillPoint } from '../support/kill-proxy.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

const SEED = 20261126;
const RUNS = 4;
const SUBSCRIBERS = 8;
/** Leases short enough that the last run need only be a lease later; attempts get a quarter (5 s). */
const LEASE_SECONDS = 20;

// 08:00 in New York on 26 November 2026: every subscriber's digest hour; later runs are hourly.
const EIGHT_AM = Date.parse('2026-11-26T13:00:00Z');
const HOUR = 3600_000;

const figures = { runs: 0, childRuns: 0, killPoints: 0, kills: 0, subscribers: 0, lost: 0, repeated: 0, repeatedInWindow: 0 };

afterAll(() => {
  // The figures the issue asks for, printed with the test run.
  console.info(`outbox kill test: ${JSON.stringify(figures)}`);
});

type MailProxy = KillingProxy<'mail'>;

/** The mails the catcher accepted, in order. */
const receipts = (proxy: MailProxy) => proxy.events.filter((e) => e.status === 200).map((e) => ({ to: e.detail, at: e.at }));

async function seedSubscribers(stack: TestStack, tag: string): Promise<Subscriber[]> {
  const subs: Subscriber[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const sub = newSubscriber({ timeZone: 'America/New_York', dailyEvenIfEmpty: true });
    sub.email = `kill-${tag}-${i}@example.test`;
    sub.nextDigestAt = new Date(EIGHT_AM).toISOString();
    await stack.repos.subscribers.createIfAbsent(sub);
    const company = newWatchedCompany(sub.id, 'Acme Robotics');
    await stack.repos.companies.put(company);
    await stack.repos.interviews.put(newStoredInterview(company));
    subs.push(sub);
  }
  return subs;
}

/** Runs `digest --once` as of `now` (the installed command, one process); resolves when it has ended, however it ended. */
function digestRun(env: Record<string, string>, now: number, proxy: MailProxy, point: KillPoint<'mail'> | null, options: { signal?: NodeJS.Signals; clockAheadMs?: number } = {}) {
  return runKillable(['digest', '--once', '--now', new Date(now).toISOString()], env, (kill) => proxy.arm(point, kill), options);
}

const killPoint: fc.Arbitrary<KillPoint<'mail'>> = fc.record({
  kind: fc.constant('mail' as const),
  nth: fc.integer({ min: 1, max: SUBSCRIBERS }),
  phase: fc.constantFrom<KillPhase>('before', 'after-unheard', 'after-heard'),
  delayMs: fc.integer({ min: 0, max: 40 }),
});

describe('digest runs killed while sending', () => {
  it(
    'every subscriber gets the day\'s digest; only the mail in flight at a kill may go twice',
    async () => {
      const sesEndpoint = inject('sesEndpoint');
      const dynamodbPort = new URL(inject('dynamodbEndpoint')).port;
      await fc.assert(
        fc.asyncProperty(fc.array(killPoint, { minLength: 2, maxLength: 3 }), async (points) => {
          figures.runs++;
          const stack = await createTestStack();
          const subs = await seedSubscribers(stack, randomUUID().slice(0, 8));
          const proxy: MailProxy = new KillingProxy(new URL(sesEndpoint), mailSends);
          const env = {
            AFTERVIEW_DYNAMODB_PORT: dynamodbPort,
            AFTERVIEW_SES_PORT: String(await proxy.start()),
            AFTERVIEW_TABLE_NAME: stack.tableName,
            AFTERVIEW_OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
            AFTERVIEW_SCHEDULE: 'off',
            LOG_LEVEL: 'ERROR',
          };
          try {
            // The killed runs, hourly from 08:00; then, once their leases have run out, one more.
            for (const [i, point] of points.entries()) {
              // Aim inside what this run will send: not yet delivered, and not held by an earlier killed run.
              const sendable = SUBSCRIBERS - new Set(receipts(proxy).map((r) => r.to)).size - proxy.kills.length;
              if (sendable < 1) break;
              figures.killPoints++;
              figures.childRuns++;
              const killsBefore = proxy.kills.length;
              const run = await digestRun(env, EIGHT_AM + i * HOUR, proxy, { ...point, nth: 1 + ((point.nth - 1) % sendable) });
              if (run.signal !== 'SIGKILL') {
                // It ended before the kill came (a kill a few milliseconds after its last mail): no kill happened.
                expect(run.code, run.output).toBe(0);
                proxy.kills.splice(killsBefore);
              }
            }
            // The last run comes once the killed runs' leases have run out (by its clock).
            figures.childRuns++;
            const last = await digestRun(env, EIGHT_AM + points.length * HOUR, proxy, null, { clockAheadMs: LEASE_SECONDS * 1000 + 1000 });
            expect(last.code, last.output).toBe(0);
            figures.kills += proxy.kills.length;
            figures.subscribers += subs.length;

            // Every subscriber has the day's digest in the mail catcher.
            const mailed = await Promise.all(subs.map(async (s) => (await mailTo(sesEndpoint, s.email)).length));
            figures.lost += mailed.filter((n) => n === 0).length;
            expect(mailed.every((n) => n >= 1)).toBe(true);

            // A repeat is only ever the mail in flight at a kill, and one per kill at most.
            const accepted = receipts(proxy);
            const repeats = accepted.filter((r, i) => accepted.findIndex((x) => x.to === r.to) !== i);
            figures.repeated += repeats.length;
            for (const repeat of repeats) {
              const first = accepted.find((r) => r.to === repeat.to)!;
              const kill = proxy.kills.find((k) => k.at >= first.at);
              expect(kill, `${repeat.to} went twice without a kill in between`).toBeDefined();
              // The mail in flight at the kill: the last one the run handed over before it died.
              const lastBeforeKill = proxy.events.filter((e) => e.at <= kill!.at).at(-1);
              expect(lastBeforeKill?.detail).toBe(repeat.to);
              figures.repeatedInWindow++;
            }
            expect(repeats.length).toBeLessThanOrEqual(proxy.kills.length);
            const repeatedPerKill = new Set(repeats.map((r) => r.to));
            expect(repeatedPerKill.size).toBe(repeats.length);
          } finally {
            await proxy.close();
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      expect(figures.kills).toBeGreaterThan(0);
      expect(figures.lost).toBe(0);
    },
    180_000,
  );
});

describe('a digest run asked to stop (SIGTERM)', () => {
  it('finishes the mail in hand, takes no new one, prints its summary, and the next run sends the rest', async () => {
    const sesEndpoint = inject('sesEndpoint');
    const stack = await createTestStack();
    const subs = await seedSubscribers(stack, randomUUID().slice(0, 8));
    const proxy: MailProxy = new KillingProxy(new URL(sesEndpoint), mailSends);
    const env = {
      AFTERVIEW_DYNAMODB_PORT: new URL(inject('dynamodbEndpoint')).port,
      AFTERVIEW_SES_PORT: String(await proxy.start()),
      AFTERVIEW_TABLE_NAME: stack.tableName,
      AFTERVIEW_SCHEDULE: 'off',
      LOG_LEVEL: 'ERROR',
    };
    try {
      // SIGTERM as the mail service accepts the second mail, before the run hears so.
      const stopped = await digestRun(env, EIGHT_AM, proxy, { kind: 'mail', nth: 2, phase: 'after-heard', delayMs: 0 }, { signal: 'SIGTERM' });
      expect(stopped.code, stopped.output).toBe(0);
      const summary = JSON.parse(stopped.output.split('\n').find((l) => l.startsWith('{'))!) as {
        sent: number;
        outbox: { stopped: string | null; pending: number; sent: number };
        notReached: number;
      };
      expect(summary.outbox.stopped).toBe('deadline');
      expect(summary.sent).toBeGreaterThanOrEqual(2);
      expect(summary.sent).toBeLessThan(SUBSCRIBERS);
      // What it did not send is pending in the outbox or still due: nothing is held.
      expect(summary.sent + summary.outbox.pending + summary.notReached).toBe(SUBSCRIBERS);

      const next = await digestRun(env, EIGHT_AM + HOUR, proxy, null);
      expect(next.code, next.output).toBe(0);
      const mailed = await Promise.all(subs.map(async (s) => (await mailTo(sesEndpoint, s.email)).length));
      expect(mailed).toEqual(subs.map(() => 1));
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
