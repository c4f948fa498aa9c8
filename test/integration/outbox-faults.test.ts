/**
 * The outbox against a mail service that throttles, fails, hangs, refuses and pauses (a stand-in
 * on a virtual clock) with the real table on dynalite: nothing lost, nothing twice, no tight
 * retry loops (attempts and time counted), the send rate respected, and runs that stop in time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { deliverDueMessages, type Composers } from '../../functions/app/outbox/deliver-due.js';
import { DEFAULT_MAX_ATTEMPTS, OutboxSender, type SenderDeps } from '../../functions/app/outbox/outbox-sender.js';
import { RETRY_BACKOFF } from '../../functions/app/outbox/pacing.js';
import type { RunDeadline } from '../../functions/app/run-deadline.js';
import type { OutboxSettings } from '../../functions/config/env.js';
import type { OutgoingEmail } from '../../functions/app/ports.js';
import { StandInMailService, VirtualTime, type Answer, type MailCall } from '../support/mail-service.js';
import { createTestStack, type TestStack } from '../support/stack.js';

const START = Date.parse('2026-11-30T08:00:00.000Z');
const HOUR = 3600_000;
/** The shortest wait the backoff allows before a retry (half its first step). */
const SHORTEST_RETRY_WAIT = RETRY_BACKOFF.firstMs / 2;

let stack: TestStack;
let time: VirtualTime;
beforeEach(async () => {
  // A table per test: the due index spans the whole table.
  stack = await createTestStack();
  time = new VirtualTime(START);
});

const recipient = (subscriberId: string) => `${subscriberId}@example.test`;

/** Messages of one kind with a trivial composer: the outbox itself is under test here. */
const composers: Composers = {
  confirmation: async (message) => ({
    send: { to: recipient(message.subscriberId), subject: 'Confirm', text: 'text', html: '<p>html</p>', kind: 'confirmation' },
  }),
};

async function recordMessages(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `s-${String(i + 1).padStart(2, '0')}`);
  for (const id of ids) await stack.repos.outbox.record(id, { kind: 'confirmation', requestId: 'r1' }, time.clock.now());
  return ids;
}

function settings(overrides: Partial<OutboxSettings> = {}): OutboxSettings {
  return { leaseSeconds: 60, attemptTimeoutMs: 5_000, sendRate: null, ...overrides };
}

/** One mail run: a new sender, every due message. */
async function run(mail: StandInMailService, outbox: OutboxSettings, deadline?: RunDeadline) {
  const deps: SenderDeps = { repos: stack.repos, mailer: mail, config: { outbox }, clock: time.clock };
  const sender = new OutboxSender(deps, { sleep: time.sleep, random: () => 0.5, deadline });
  const results = await deliverDueMessages(deps, sender, composers, time.clock.now());
  return { results, tally: sender.tally };
}

/** Runs hourly until nothing is due (at most `maxRuns`), as the schedule would. */
async function runUntilDone(mail: StandInMailService, outbox: OutboxSettings, maxRuns = 6) {
  const tallies = [];
  for (let i = 0; i < maxRuns; i++) {
    if ((await stack.repos.outbox.listDue(time.clock.now())).length === 0) break;
    tallies.push((await run(mail, outbox)).tally);
    time.advance(HOUR);
  }
  return tallies;
}

/** Gaps between one recipient's consecutive calls. */
const gapsFor = (mail: StandInMailService, to: string) =>
  mail.callsTo(to).slice(1).map((c, i) => c.at - mail.callsTo(to)[i]!.at);

function expectEachDeliveredOnce(mail: StandInMailService, ids: string[]) {
  expect([...mail.delivered].sort()).toEqual(ids.map(recipient));
}

describe('the outbox when the mail service misbehaves', () => {
  it('rides out a throttling storm: nothing lost, nothing twice, backoff between attempts, the quota never exceeded', async () => {
    const ids = await recordMessages(20);
    // SES at 2 mails a second, refusing everything for the first three seconds.
    const mail = new StandInMailService(time, (c) => (c.at < START + 3_000 ? 'throttle' : 'accept'), 2);
    const tallies = await runUntilDone(mail, settings({ sendRate: 'account' }));

    expectEachDeliveredOnce(mail, ids);
    expect(tallies).toHaveLength(1);
    const [tally] = tallies;
    expect(tally).toMatchObject({ sent: 20, leased: 20, pending: 0, dropped: 0, refused: 0 });
    // Only the first message met the storm: three retries, each after a growing wait.
    expect(tally!.retried).toBe(3);
    expect(mail.calls.filter((c) => c.answer === 'throttle')).toHaveLength(3);
    const waits = gapsFor(mail, mail.calls[0]!.to);
    expect(waits.every((w) => w >= SHORTEST_RETRY_WAIT)).toBe(true);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(mail.overQuota()).toBe(false);
  });

  it('gives up for the run after the retries a lease allows, and the next hourly run sends everything', async () => {
    const ids = await recordMessages(12);
    // Throttling that lasts ten minutes: longer than any run keeps trying.
    const mail = new StandInMailService(time, (c) => (c.at < START + 10 * 60_000 ? 'throttle' : 'accept'));
    const tallies = await runUntilDone(mail, settings());

    expectEachDeliveredOnce(mail, ids);
    expect(tallies).toHaveLength(2);
    // First run: one message tried DEFAULT_MAX_ATTEMPTS times, then no further calls at all.
    expect(tallies[0]).toMatchObject({ sent: 0, leased: 1, attempts: DEFAULT_MAX_ATTEMPTS, pending: 12, stopped: 'mail-service' });
    expect(mail.calls.filter((c) => c.at < START + HOUR)).toHaveLength(DEFAULT_MAX_ATTEMPTS);
    expect(tallies[1]).toMatchObject({ sent: 12, attempts: 12, retried: 0, pending: 0, stopped: null });
    // The message the first run gave back was due again at once (not after its lease) and went out.
    const tried = mail.calls[0]!.to.replace('@example.test', '');
    expect(await stack.repos.outbox.get({ subscriberId: tried, kind: 'confirmation', key: 'r1' }, time.clock.now())).toMatchObject({
      state: 'sent',
      leases: 2,
      attempts: DEFAULT_MAX_ATTEMPTS + 1,
    });
  });

  it('retries 5xx answers inside the run with backoff and sends everything in that run', async () => {
    const ids = await recordMessages(12);
    const mail = new StandInMailService(time, (c) => (c.index % 3 === 1 ? 'server-error' : 'accept'));
    const [tally, ...more] = await runUntilDone(mail, settings());

    expectEachDeliveredOnce(mail, ids);
    expect(more).toHaveLength(0);
    const failures = mail.calls.filter((c) => c.answer === 'server-error').length;
    expect(failures).toBeGreaterThan(3);
    expect(tally).toMatchObject({ sent: 12, retried: failures, attempts: 12 + failures, pending: 0 });
    mail.calls.forEach((c, i) => {
      if (c.answer === 'server-error') expect(mail.calls[i + 1]!.at - c.at).toBeGreaterThanOrEqual(SHORTEST_RETRY_WAIT);
    });
  });

  it('abandons an attempt the service does not answer in time, and sends the mail later', async () => {
    const ids = await recordMessages(5);
    let outage = true;
    const mail = new StandInMailService(time, () => (outage ? 'hang' : 'accept'));
    const outbox = settings({ attemptTimeoutMs: 100 });
    const started = Date.now();
    const first = await run(mail, outbox);
    const elapsed = Date.now() - started;

    // Each attempt waited its 100 ms and no longer; then the run stopped sending.
    expect(first.tally).toMatchObject({ sent: 0, attempts: DEFAULT_MAX_ATTEMPTS, pending: 5, stopped: 'mail-service' });
    expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_MAX_ATTEMPTS * 100 - 20);
    expect(elapsed).toBeLessThan(3_000);
    outage = false;
    time.advance(HOUR);
    const second = await run(mail, outbox);
    expect(second.tally).toMatchObject({ sent: 5, pending: 0 });
    expectEachDeliveredOnce(mail, ids);
  });

  it('ends a message the service refuses for good at once, records why, and never tries it again', async () => {
    const ids = await recordMessages(6);
    const mail = new StandInMailService(time, (c) => (c.to === recipient('s-03') ? 'reject' : 'accept'));
    const tallies = await runUntilDone(mail, settings());

    expect(tallies).toHaveLength(1);
    expect(tallies[0]).toMatchObject({ sent: 5, refused: 1, retried: 0, pending: 0 });
    expect(mail.callsTo(recipient('s-03'))).toHaveLength(1);
    const refused = await stack.repos.outbox.get({ subscriberId: 's-03', kind: 'confirmation', key: 'r1' }, time.clock.now());
    expect(refused).toMatchObject({ state: 'refused', attempts: 1 });
    expect(refused?.reason).toContain('MessageRejected');
    expect([...mail.delivered].sort()).toEqual(ids.filter((id) => id !== 's-03').map(recipient));
  });

  it('stops at once when sending is paused for the account, and loses nothing', async () => {
    const ids = await recordMessages(8);
    let paused = true;
    const mail = new StandInMailService(time, () => (paused ? 'pause' : 'accept'));
    const first = await run(mail, settings());
    expect(first.tally).toMatchObject({ attempts: 1, sent: 0, pending: 8, stopped: 'mail-service' });
    paused = false;
    time.advance(HOUR);
    expect((await run(mail, settings())).tally).toMatchObject({ sent: 8, pending: 0 });
    expectEachDeliveredOnce(mail, ids);
  });
});

describe('the send rate', () => {
  const spacings = (calls: MailCall[]) => calls.slice(1).map((c, i) => c.at - calls[i]!.at);

  it.each([
    ['the account\'s rate as the mail service reports it (sandbox: 1 a second)', 'account' as const, 1, 1000],
    ['a rate set in the configuration', 4, null, 250],
    ['one a second when the account\'s rate is unknown', 'account' as const, null, 1000],
  ])('keeps to %s', async (_name, sendRate, quota, spacing) => {
    const ids = await recordMessages(10);
    const mail = new StandInMailService(time, () => 'accept' satisfies Answer, quota);
    const { tally } = await run(mail, settings({ sendRate }));
    expect(tally.sent).toBe(10);
    expectEachDeliveredOnce(mail, ids);
    expect(Math.min(...spacings(mail.calls))).toBeGreaterThanOrEqual(spacing);
    // And no slower than needed: a big hour does not crawl.
    expect(mail.calls.at(-1)!.at - mail.calls[0]!.at).toBeLessThanOrEqual(9 * spacing + 50);
  });

  it('sends as fast as it can where no rate applies (local mode)', async () => {
    await recordMessages(10);
    const mail = new StandInMailService(time, () => 'accept');
    await run(mail, settings({ sendRate: null }));
    expect(mail.calls.at(-1)!.at - mail.calls[0]!.at).toBe(0);
  });

  it('slows down when throttled anyway, and comes back toward the set rate', async () => {
    await recordMessages(30);
    // The quota is shared: the second and third calls are throttled.
    const mail = new StandInMailService(time, (c) => (c.index === 1 || c.index === 2 ? 'throttle' : 'accept'));
    const { tally } = await run(mail, settings({ sendRate: 10 }));
    expect(tally.sent).toBe(30);
    const gaps = spacings(mail.calls);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(400);
    expect(gaps.at(-1)).toBeLessThan(150);
  });
});

describe('runs that stop in time', () => {
  it('takes no new message once the time left cannot fit one attempt, and leaves the rest pending for the next run', async () => {
    const ids = await recordMessages(10);
    const mail = new StandInMailService(time, () => 'accept', 1);
    // Six seconds of run time at one mail a second; each attempt may take up to one second.
    const deadline: RunDeadline = { remainingMs: () => START + 6_000 - time.ms };
    const first = await run(mail, settings({ sendRate: 'account', attemptTimeoutMs: 1_000 }), deadline);
    expect(first.tally.stopped).toBe('deadline');
    expect(first.tally.sent).toBeGreaterThanOrEqual(4);
    expect(first.tally.sent + first.tally.pending).toBe(10);
    // Nothing was held when it stopped: every message left is due for the next run.
    expect(await stack.repos.outbox.listDue(time.clock.now())).toHaveLength(first.tally.pending);
    time.advance(HOUR);
    expect((await run(mail, settings({ sendRate: 'account' }))).tally.sent).toBe(first.tally.pending);
    expectEachDeliveredOnce(mail, ids);
  });
});

describe('messages recorded with the sender’s own lease (what a poll run records and sends at once)', () => {
  const payload = (i: number) => ({ kind: 'alert' as const, companyKey: 'acme', storyId: `s${i}`, companyId: 'c1' });
  const refOf = (i: number) => ({ subscriberId: `held-${i}`, kind: 'alert' as const, key: `acme#s${i}` });
  const email = (i: number): OutgoingEmail => ({ to: recipient(`held-${i}`), subject: 'Good news', text: 't', html: '<p>h</p>', kind: 'alert' });

  it('are sent with no lease write of their own; the sender hands out leases only for what it will reach in time', async () => {
    const mail = new StandInMailService(time, () => 'accept', 1);
    let leaseWrites = 0;
    const outbox = Object.assign(Object.create(stack.repos.outbox) as typeof stack.repos.outbox, {
      lease: (...args: Parameters<typeof stack.repos.outbox.lease>) => (leaseWrites++, stack.repos.outbox.lease(...args)),
    });
    const deps: SenderDeps = { repos: { outbox }, mailer: mail, config: { outbox: settings({ sendRate: 'account' }) }, clock: time.clock };
    const sender = new OutboxSender(deps, { sleep: time.sleep, random: () => 0.5 });
    // At one mail a second, a 60 s lease covers what it reaches in 30 s: 30 messages, not 31.
    const leases = Array.from({ length: 31 }, () => sender.leaseForNewMessage());
    expect(leases.filter((l) => l !== null)).toHaveLength(30);
    for (const [i, held] of leases.slice(0, 3).entries()) await stack.repos.outbox.record(`held-${i}`, payload(i), time.clock.now(), held!);
    const results = await Promise.all(leases.slice(0, 3).map((held, i) => sender.deliver(refOf(i), email(i), time.clock.now().toISOString(), held!)));
    expect(results.map((r) => r.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(leaseWrites).toBe(0);
    expect(sender.tally).toMatchObject({ leased: 3, sent: 3 });
    expect(await stack.repos.outbox.get(refOf(0), time.clock.now())).toMatchObject({ state: 'sent', leases: 1 });
  });

  it('are given back, due at once, by a sender that has stopped', async () => {
    const mail = new StandInMailService(time, () => 'accept');
    const deps: SenderDeps = { repos: stack.repos, mailer: mail, config: { outbox: settings() }, clock: time.clock };
    let remaining = Infinity;
    const sender = new OutboxSender(deps, { sleep: time.sleep, deadline: { remainingMs: () => remaining } });
    const held = sender.leaseForNewMessage()!;
    await stack.repos.outbox.record('held-9', payload(9), time.clock.now(), held);
    remaining = 0;
    expect(await sender.deliver(refOf(9), email(9), time.clock.now().toISOString(), held)).toMatchObject({ outcome: 'pending' });
    expect(mail.calls).toHaveLength(0);
    expect(sender.tally).toMatchObject({ pending: 1, leased: 0 });
    expect((await stack.repos.outbox.listDue(time.clock.now())).map((m) => m.subscriberId)).toContain('held-9');
  });
});

