/**
 * What the outbox changes for people, against dynalite and the mail catcher: a digest whose run
 * died goes out with the next hourly run the same local day, or is dropped (and counted) once the
 * day has passed; a run told to stop leaves everyone still due; a confirmation the mail service
 * could not take goes out with the next mail run, with a ticket that works — and the outbox never
 * holds an address, a link or a ticket.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportAccount } from '../../functions/app/account/me.js';
import { confirmSubscription, requestSubscription } from '../../functions/app/account/subscriptions.js';
import { runDigestJob } from '../../functions/app/digest/digest-job.js';
import { runDigestCycle, type DigestDeps } from '../../functions/app/digest/run-digest-cycle.js';
import { MailDeliveryError } from '../../functions/app/errors.js';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { createServices } from '../../functions/wiring/services.js';
import { VirtualTime } from '../support/mail-service.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

let stack: TestStack;
// A table per test: the digest and outbox indexes span the whole table.
beforeEach(async () => {
  stack = await createTestStack({ AFTERVIEW_PUBLIC_URL: 'https://afterview.example' });
});

// 08:00 in New York on 26 November 2026 (EST, UTC-5), and the runs after it.
const EIGHT_AM = Date.parse('2026-11-26T13:00:00Z');
const HOUR = 3600_000;

function deps(time: VirtualTime): DigestDeps {
  return { repos: stack.repos, mailer: stack.mailer, links: stack.links, config: stack.config, clock: time.clock };
}

async function seedDueSubscriber(): Promise<Subscriber> {
  const sub = newSubscriber({ timeZone: 'America/New_York', dailyEvenIfEmpty: true });
  sub.email = `outbox-${sub.id.slice(0, 8)}@example.test`;
  sub.nextDigestAt = new Date(EIGHT_AM).toISOString();
  await stack.repos.subscribers.createIfAbsent(sub);
  const company = newWatchedCompany(sub.id, 'Acme Robotics');
  await stack.repos.companies.put(company);
  await stack.repos.interviews.put(newStoredInterview(company));
  return sub;
}

/**
 * What a run that died mid-send leaves: today's digest recorded and leased (never marked), and the
 * subscriber's next digest already moved to tomorrow.
 */
async function runThatDied(sub: Subscriber, time: VirtualTime): Promise<void> {
  await stack.repos.outbox.record(sub.id, { kind: 'digest', localDate: '2026-11-26' }, time.clock.now());
  const lease = { id: 'dead-run', until: new Date(time.ms + stack.config.outbox.leaseSeconds * 1000) };
  expect(await stack.repos.outbox.lease({ subscriberId: sub.id, kind: 'digest', key: '2026-11-26' }, lease, time.clock.now())).not.toBeNull();
  await stack.repos.subscribers.scheduleNextDigest(sub.id, new Date(EIGHT_AM + 24 * HOUR).toISOString());
}

describe('digests through the outbox', () => {
  it('sends a digest whose run died with the next hourly run, the same local day', async () => {
    const time = new VirtualTime(Date.parse('2026-11-30T09:00:00Z'));
    const sub = await seedDueSubscriber();
    await runThatDied(sub, time);
    time.advance(HOUR);
    const summary = await runDigestCycle(deps(time), new Date(EIGHT_AM + HOUR));

    expect(summary).toMatchObject({ sent: 1, recovered: 1, dropped: 0, pending: 0 });
    expect(summary.outbox).toMatchObject({ leased: 1, expired: 1, sent: 1 });
    expect(await mailTo(stack.sesEndpoint, sub.email)).toHaveLength(1);
    expect((await stack.repos.outbox.get({ subscriberId: sub.id, kind: 'digest', key: '2026-11-26' }, time.clock.now()))?.state).toBe('sent');
    // The subscriber's export lists it, with no lease or index attributes.
    const exported = await exportAccount({ repos: stack.repos, clock: time.clock, companySources: { sync: async () => {} } as never }, sub.id);
    expect(exported.digestsSent).toMatchObject([{ kind: 'digest', key: '2026-11-26', state: 'sent', leases: 2 }]);
    expect(JSON.stringify(exported.mail)).not.toMatch(/GSI1|leaseId/);
  });

  it('drops it, and counts it, once the subscriber\'s local day has passed — and sends the new day\'s', async () => {
    const time = new VirtualTime(Date.parse('2026-11-30T09:00:00Z'));
    const sub = await seedDueSubscriber();
    await runThatDied(sub, time);
    // Every run that day failed; the next one is tomorrow at 08:00 New York time.
    time.advance(24 * HOUR);
    const summary = await runDigestCycle(deps(time), new Date(EIGHT_AM + 24 * HOUR));

    expect(summary).toMatchObject({ dropped: 1, sent: 1, recovered: 0 });
    expect(summary.outbox).toMatchObject({ dropped: 1, sent: 1 });
    const yesterday = await stack.repos.outbox.get({ subscriberId: sub.id, kind: 'digest', key: '2026-11-26' }, time.clock.now());
    expect(yesterday).toMatchObject({ state: 'dropped', reason: 'its local day has passed' });
    const mails = await mailTo(stack.sesEndpoint, sub.email);
    expect(mails).toHaveLength(1);
    expect((await stack.repos.outbox.get({ subscriberId: sub.id, kind: 'digest', key: '2026-11-27' }, time.clock.now()))?.state).toBe('sent');
  });

  it('takes no one new when told to stop, and leaves them due for the next run', async () => {
    const time = new VirtualTime(Date.parse('2026-11-30T09:00:00Z'));
    const subs = [await seedDueSubscriber(), await seedDueSubscriber()];
    const summary = await runDigestCycle(deps(time), new Date(EIGHT_AM), { deadline: { remainingMs: () => 0 } });

    expect(summary.sent).toBe(0);
    expect(summary.notReached).toBeGreaterThanOrEqual(2);
    expect(summary.outbox.stopped).toBe('deadline');
    const due = (await stack.repos.subscribers.listDueForDigest(new Date(EIGHT_AM))).map((s) => s.id);
    for (const sub of subs) expect(due).toContain(sub.id);
  });
});

describe('account mail through the outbox', () => {
  it('sends a confirmation the mail service could not take with the next mail run, with a ticket that works, and stores no secret', async () => {
    const email = `confirm-${Math.random().toString(36).slice(2, 10)}@example.test`;
    const quiet = { ...stack.config, logLevel: 'SILENT' as const };
    const throttled = createServices(quiet, {
      service: 'test',
      mailer: {
        send: async () => {
          throw new MailDeliveryError('SES TooManyRequestsException (429)', 'transient', true);
        },
      },
    });
    // The request still answers as always; the mail waits in the outbox.
    await requestSubscription(throttled, { email }, { network: '198.51.100.7' });
    expect(await mailTo(stack.sesEndpoint, email)).toHaveLength(0);
    const subscriber = await stack.repos.subscribers.findByEmail(email);
    const pending = (await stack.repos.outbox.listDue(new Date())).filter((m) => m.subscriberId === subscriber!.id);
    expect(pending).toMatchObject([{ kind: 'confirmation', state: 'pending', attempts: 2 }]);

    // The next mail run (the hourly digest job) sends it.
    const working = createServices(quiet, { service: 'test', mailer: stack.mailer });
    const summary = await runDigestJob(working, new Date());
    expect(summary.outbox.sent).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = await mailTo(stack.sesEndpoint, email);
    expect(more).toHaveLength(0);
    const token = decodeURIComponent(/\/v1\/subscriptions\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(mail!.body.text ?? '')![1]!);
    expect((await confirmSubscription(working, token)).subscriberId).toBe(subscriber!.id);

    // The outbox item names the subscriber and the purpose: never the address, a link or the ticket.
    const { Items } = await stack.client.send(new ScanCommand({ TableName: stack.tableName }));
    const outboxItems = (Items ?? []).filter((i) => i.entity === 'outbox-message' && i.subscriberId === subscriber!.id);
    expect(outboxItems).toHaveLength(1);
    const stored = JSON.stringify(outboxItems);
    expect(stored).not.toContain(email);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('token=');
  });
});
