/**
 * Digest job throughput in local mode: `npm run bench:digest`.
 *
 * Starts dynalite (in memory) and the mail catcher on free loopback ports, seeds BENCH_SUBSCRIBERS
 * confirmed subscribers (default 2,000) with BENCH_INTERVIEWS interviews each (default 3, at
 * different stages, all due a digest this hour), then runs one hourly digest cycle through the
 * real SES path and prints its time and the emails the catcher received. A second run in the same
 * hour shows that nothing is sent twice. It also times the outbox's repeat window: from the mail
 * service's answer reaching the run to the message recorded sent (a run that dies inside it sends
 * that one mail again).
 */
import { randomUUID } from 'node:crypto';
import { runDigestCycle } from '../functions/app/digest/run-digest-cycle.js';
import { createServices, prepareTable } from '../functions/wiring/local.js';
import { loadConfig } from '../functions/config/env.js';
import { companyKey, type WatchedCompany } from '../functions/domain/company.js';
import type { InterviewEvent, StoredInterview } from '../functions/domain/interview.js';
import type { Subscriber } from '../functions/domain/subscriber.js';
import { startLocalServers } from '../functions/local/servers.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive whole number`);
  return v;
};
const SUBSCRIBERS = num('BENCH_SUBSCRIBERS', 2000);
const INTERVIEWS = num('BENCH_INTERVIEWS', 3);
// 10:00 in New York, 09:00 in Chicago, 15:00 in London, 20:30 in Kolkata: everyone's 08:00 has come.
const NOW = new Date('2026-11-26T15:00:00Z');
const ZONES = ['America/New_York', 'America/Chicago', 'Europe/London', 'Asia/Kolkata'];
const COMPANIES = ['Acme Robotics', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay'];

/** Interviews at different stages: thank-you due, waiting, follow-up due. */
function stage(i: number): { interviewedAt: string; decisionExpectedBy: string | null; events: InterviewEvent[] } {
  switch (i % 3) {
    case 0:
      return { interviewedAt: '2026-11-25T15:00:00Z', decisionExpectedBy: '2026-12-10', events: [] };
    case 1:
      return { interviewedAt: '2026-11-18T15:00:00Z', decisionExpectedBy: '2026-12-05', events: [{ type: 'thank-you-sent', at: '2026-11-19T14:00:00Z' }] };
    default:
      return { interviewedAt: '2026-11-02T15:00:00Z', decisionExpectedBy: '2026-11-16', events: [{ type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' }] };
  }
}

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

async function main(): Promise<void> {
  const servers = await startLocalServers({ dynamodbPort: 0, sesPort: 0, dataDir: null });
  const config = loadConfig({
    AFTERVIEW_DYNAMODB_PORT: String(servers.dynamodbPort),
    AFTERVIEW_SES_PORT: String(servers.sesPort),
    AFTERVIEW_SCHEDULE: 'off',
    LOG_LEVEL: 'ERROR',
  });
  const services = createServices(config, { service: 'bench-digest' });
  await prepareTable(config);

  const seedStart = Date.now();
  await pool(Array.from({ length: SUBSCRIBERS }, (_, n) => n), 32, async (n) => {
    const id = randomUUID();
    const timeZone = ZONES[n % ZONES.length]!;
    const sub: Subscriber = {
      id,
      email: `bench-${n}@example.test`,
      status: 'confirmed',
      timeZone,
      digestHour: 8,
      alerts: 'instant',
      dailyEvenIfEmpty: false,
      createdAt: '2026-10-01T00:00:00.000Z',
      // Everyone is due this run, whatever their zone: the run catches up missed hours.
      nextDigestAt: '2026-11-26T00:00:00.000Z',
      tokenHashes: [],
    };
    await services.repos.subscribers.createIfAbsent(sub);
    for (let i = 0; i < INTERVIEWS; i++) {
      const name = COMPANIES[(n + i) % COMPANIES.length]!;
      const company: WatchedCompany = {
        id: randomUUID(), subscriberId: id, key: companyKey(name), name, aliases: [], exclude: [], feeds: [],
        createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-01T00:00:00.000Z', sourceIds: [],
      };
      await services.repos.companies.put(company);
      const interview: StoredInterview = {
        id: randomUUID(), subscriberId: id, companyId: company.id, company: name, role: 'Data Analyst',
        interviewer: { name: 'Dana Lee', email: 'dana@example.test' }, format: 'video', contactPolicy: 'ok',
        lastEmployerChannel: 'email', timeZone, createdAt: '2026-11-20T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z',
        ...stage(n + i),
      };
      await services.repos.interviews.put(interview);
    }
  });
  const seedSeconds = (Date.now() - seedStart) / 1000;

  // The repeat window: the run sends one mail at a time, so each "marked sent" follows its own answer.
  const windows: number[] = [];
  let answeredAt = 0;
  const send = services.mailer.send.bind(services.mailer);
  services.mailer.send = async (email) => {
    const sent = await send(email);
    answeredAt = performance.now();
    return sent;
  };
  const markSent = services.repos.outbox.markSent.bind(services.repos.outbox);
  services.repos.outbox.markSent = async (...args) => {
    const marked = await markSent(...args);
    windows.push(performance.now() - answeredAt);
    return marked;
  };

  const countMail = async () => ((await (await fetch(`http://127.0.0.1:${servers.sesPort}/store`)).json()) as { emails: unknown[] }).emails.length;
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const first = await runDigestCycle(services, NOW);
  const seconds = (Date.now() - started) / 1000;
  const emails = await countMail();
  // Everyone made due again (as a retried or overlapping scheduler would see them): nothing is sent twice.
  const all = await services.repos.subscribers.listDueForDigest(new Date('2026-11-28T00:00:00Z'));
  await pool(all, 32, (s) => services.repos.subscribers.scheduleNextDigest(s.id, '2026-11-26T00:00:00.000Z'));
  const again = await runDigestCycle(services, new Date(NOW.getTime() + 30 * 60_000));
  const emailsAfterSecondRun = await countMail();

  console.log(JSON.stringify({
    subscribers: SUBSCRIBERS,
    interviewsPerSubscriber: INTERVIEWS,
    seedSeconds,
    hourlyRun: { seconds, digestsPerSecond: Math.round(first.sent / seconds), ...first },
    emailsInInbox: emails,
    secondRunSameDay: { due: again.due, sent: again.sent, emailsInInboxAfter: emailsAfterSecondRun },
    repeatWindowMs: percentiles(windows),
    rssMiB: Math.round(Math.max(rssBefore, process.memoryUsage().rss) / 1048576),
  }, null, 2));
  await servers.stop();
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(`bench:digest failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
