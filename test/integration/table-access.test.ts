/**
 * The table permissions (lib/table-access.ts, turned into IAM `dynamodb:LeadingKeys` conditions)
 * checked against what the code really does: each function's use cases run against dynalite
 * through a recording proxy, and every request — action, table or index, partition key — must be
 * one its grant allows. When a use case starts touching a new kind of item, this test names the
 * function and the partition to add, before AWS would answer AccessDenied.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: the API's schemas extend zod, which must happen before any other schema is built.
import { createHttpApp } from '../../functions/wiring/http-app.js';
import { PARTITION, type Partition } from '../../functions/adapters/dynamodb/keys.js';
import { signOutEverywhere } from '../../functions/app/account/api-tokens.js';
import { runDigestJob } from '../../functions/app/digest/digest-job.js';
import { planPolls, pollBatch, pollDepsFrom, pollSources } from '../../functions/app/poll/index.js';
import { isBatchMessage, type PollMessage } from '../../functions/app/poll/poll-message.js';
import { handleSesEvent } from '../../functions/app/suppression/handle-ses-event.js';
import type { Services } from '../../functions/app/services.js';
import { createServices } from '../../functions/wiring/services.js';
import { TABLE_ACCESS, type HandlerName } from '../../lib/table-access.js';
import { classifyWins, plainNote, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

interface Access {
  fn: HandlerName;
  /** The IAM action the request needs. */
  action: string;
  /** Undefined for the table itself. */
  index?: string;
  /** The partition key values the request names (table requests only). */
  partitions: string[];
}

type AttributeValue = { S?: string };
type Json = Record<string, any>;

/** What IAM sees of one DynamoDB request: its action, the index, and the leading keys. */
function describeRequest(target: string, body: Json): Omit<Access, 'fn'> {
  const action = `dynamodb:${target.replace(/^DynamoDB_\d+\./, '')}`;
  const pk = (key: Json | undefined) => (key?.PK as AttributeValue | undefined)?.S;
  switch (action) {
    case 'dynamodb:GetItem':
    case 'dynamodb:DeleteItem':
    case 'dynamodb:UpdateItem':
      return { action, partitions: [pk(body.Key)].filter(Boolean) as string[] };
    case 'dynamodb:PutItem':
      return { action, partitions: [pk(body.Item)].filter(Boolean) as string[] };
    case 'dynamodb:Query': {
      if (body.IndexName) return { action, index: body.IndexName, partitions: [] };
      // "PK = :pk ..." (or through a name placeholder): the value the partition key must equal.
      const expression: string = body.KeyConditionExpression ?? '';
      const names: Record<string, string> = body.ExpressionAttributeNames ?? {};
      const match = [...expression.matchAll(/(#?\w+)\s*=\s*(:\w+)/g)].find(([, n]) => (names[n!] ?? n) === 'PK');
      return { action, partitions: [(body.ExpressionAttributeValues?.[match?.[2] ?? ''] as AttributeValue | undefined)?.S ?? '?'] };
    }
    case 'dynamodb:BatchGetItem':
      return { action, partitions: Object.values(body.RequestItems as Json).flatMap((r: Json) => (r.Keys as Json[]).map((k) => pk(k)!)) };
    case 'dynamodb:BatchWriteItem':
      return {
        action,
        partitions: Object.values(body.RequestItems as Json).flatMap((requests: Json[]) =>
          requests.map((r) => pk(r.PutRequest?.Item ?? r.DeleteRequest?.Key)!),
        ),
      };
    default:
      return { action, partitions: [] };
  }
}

/** Whether the function's grant allows the request (what lib/constructs/afterview-function.ts grants). */
function allowed(access: Access): boolean {
  const grant = TABLE_ACCESS[access.fn];
  if (access.action === 'dynamodb:DescribeTable' || access.action === 'dynamodb:CreateTable') return false;
  if (access.index) return access.action === 'dynamodb:Query' && grant.indexes.includes(access.index as never);
  const reading = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'].includes(access.action);
  const partitions: Partition[] = reading ? grant.reads : grant.writes;
  if (!reading && grant.writeActions && !grant.writeActions.includes(access.action as never)) return false;
  if (!reading && !['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'].includes(access.action)) return false;
  const matches = (value: string) => partitions.some((p) => (PARTITION[p].endsWith('#') ? value.startsWith(PARTITION[p]) : value === PARTITION[p]));
  return access.partitions.length > 0 && access.partitions.every(matches);
}

/** A proxy in front of dynalite that records each request for the function running now. */
async function startRecordingProxy(target: string): Promise<{ url: string; record: Access[]; as(fn: HandlerName): void; close(): Promise<void> }> {
  const record: Access[] = [];
  let current: HandlerName = 'api';
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      if (amzTarget) record.push({ fn: current, ...describeRequest(amzTarget, JSON.parse(body.toString('utf8') || '{}') as Json) });
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    record,
    as: (fn) => void (current = fn),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

const PUBLIC_URL = 'http://afterview.test';
const NOW = new Date('2026-11-04T10:00:00.000Z');
const tag = Math.random().toString(36).slice(2, 8);
const email = `access-${tag}@example.com`;

let stack: TestStack;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let feedServer: NewsFeedServer;
let services: Services;

beforeAll(async () => {
  feedServer = await startNewsFeedServer();
  stack = await createTestStack({ AFTERVIEW_PUBLIC_URL: PUBLIC_URL, AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', LOG_LEVEL: 'SILENT' });
  proxy = await startRecordingProxy(stack.config.dynamodbEndpoint!);
  const config = { ...stack.config, dynamodbEndpoint: proxy.url, newsBaseUrl: feedServer.base };
  let now = NOW.getTime();
  services = createServices(config, { service: 'table-access-test', clock: { now: () => new Date(now) } });
  const app = createHttpApp({ ...services, accountResponseFloorMs: 0 });
  const call = async (method: string, path: string, o: { token?: string; body?: unknown; form?: Record<string, string>; cookie?: string } = {}) => {
    const headers: Record<string, string> = { origin: PUBLIC_URL };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.cookie) headers.cookie = o.cookie;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] = 'application/json';
    } else if (o.form) {
      body = new URLSearchParams(o.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    return app.request(`${PUBLIC_URL}${path}`, { method, headers, body, redirect: 'manual' }, { requestContext: { http: { sourceIp: '2001:db8::7' } } });
  };
  const tokenIn = async (path: string) => {
    const text = (await mailTo(stack.sesEndpoint, email)).at(-1)?.body.text ?? '';
    return decodeURIComponent(text.match(new RegExp(`${path.replace(/\//g, '\\/')}\\?token=([A-Za-z0-9_.%-]+)`))![1]!);
  };

  // ── the API and the web app: everything a person does ──
  proxy.as('api');
  const news = [{ title: `Acme Robotics ${tag} wins Innovation Award`, publisher: 'Reuters', publishedAt: '2026-11-04T08:00:00Z' }];
  feedServer.feeds.set(`"Acme Robotics ${tag}"`, news);
  feedServer.feeds.set('extra', news);
  await call('GET', '/health');
  await call('POST', '/v1/subscriptions', { body: { email, timeZone: 'UTC' } });
  await call('GET', `/v1/subscriptions/confirm?token=${encodeURIComponent(await tokenIn('/v1/subscriptions/confirm'))}`);
  const confirmed = await call('POST', '/v1/subscriptions/confirm', { body: { token: await tokenIn('/v1/subscriptions/confirm') } });
  const { apiToken } = (await confirmed.json()) as { apiToken: string };
  const company = (await (await call('POST', '/v1/companies', { token: apiToken, body: { name: `Acme Robotics ${tag}`, feeds: [`${feedServer.base}/rss/search?q=extra`] } })).json()) as { id: string };
  await call('PATCH', `/v1/companies/${company.id}`, { token: apiToken, body: { exclude: ['Acme Anvils'] } });
  const interview = (await (
    await call('POST', '/v1/interviews', {
      token: apiToken,
      body: { company: `Acme Robotics ${tag}`, role: 'Analyst', interviewer: { name: 'Dana Lee', email: 'dana@acme.example' }, interviewedAt: '2026-10-28T15:00:00Z' },
    })
  ).json()) as { id: string };
  await call('POST', `/v1/interviews/${interview.id}/events`, { token: apiToken, body: { type: 'thank-you-sent', at: '2026-10-29T10:00:00Z' } });
  await call('PATCH', `/v1/interviews/${interview.id}`, { token: apiToken, body: { role: 'Senior Analyst' } });
  for (const path of ['/v1/plan', '/v1/me', '/v1/me/export', '/v1/companies', '/v1/interviews', '/v1/tokens']) await call('GET', path, { token: apiToken });
  await call('PATCH', '/v1/me', { token: apiToken, body: { digestHour: 10 } });
  await call('POST', '/v1/sign-in', { body: { email } });
  const signIn = await tokenIn('/v1/sign-in/confirm');
  await call('GET', `/v1/sign-in/confirm?token=${encodeURIComponent(signIn)}`);
  const second = (await (await call('POST', '/v1/sign-in/confirm', { body: { token: signIn } })).json()) as { apiToken: string };
  const tokens = (await (await call('GET', '/v1/tokens', { token: second.apiToken })).json()) as { tokens: { id: string; current: boolean }[] };
  await call('DELETE', `/v1/tokens/${tokens.tokens.find((t) => !t.current)!.id}`, { token: second.apiToken });
  const subscriberId = (await services.repos.subscribers.findByEmail(email))!.id;
  const link = (purpose: 'interview-event' | 'not-relevant' | 'stop-watching' | 'unsubscribe', data: Record<string, string>) =>
    services.links.sign({ purpose, subscriberId, data }, new Date(now));
  // Recorded on another interview: this one must still allow a congratulations note for the poll below.
  const other = (await (
    await call('POST', '/v1/interviews', {
      token: apiToken,
      body: { company: `Globex ${tag}`, role: 'Analyst', interviewer: { name: 'Sam Roe' }, interviewedAt: '2026-10-20T15:00:00Z' },
    })
  ).json()) as { id: string };
  const eventLink = await link('interview-event', { interviewId: other.id, type: 'heard-back' });
  await call('GET', `/v1/actions?token=${encodeURIComponent(eventLink)}`);
  await call('POST', `/v1/actions?token=${encodeURIComponent(eventLink)}`, { form: {} });
  const notRelevant = await link('not-relevant', { companyKey: 'acme', storyId: 's1' });
  await call('POST', `/v1/actions?token=${encodeURIComponent(notRelevant)}`, { form: {} });
  // The web app: sign in by link, the pages, sign out everywhere.
  await call('POST', '/v1/sign-in', { body: { email } });
  const webSignIn = await tokenIn('/sign-in/confirm');
  const landing = await call('GET', `/sign-in/confirm?token=${encodeURIComponent(webSignIn)}`);
  const preSession = landing.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = (await landing.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
  const signedIn = await call('POST', '/sign-in/confirm', { form: { token: webSignIn, _csrf: csrf }, cookie: preSession });
  const session = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  for (const path of ['/', '/interviews', `/interviews/${interview.id}`, '/companies', '/settings']) await call('GET', path, { cookie: session });
  now += 2 * 3_600_000;
  await call('GET', '/v1/plan', { token: second.apiToken });

  // ── the hourly jobs ──
  proxy.as('poll-planner');
  const batches = await planPolls(services, new Date(now));
  proxy.as('poll-company');
  const pollDeps = pollDepsFrom(services, { classify: classifyWins, writeNote: plainNote });
  const poll = (messages: PollMessage[]) =>
    Promise.all(messages.map((m) => (isBatchMessage(m) ? pollBatch(pollDeps, m.batch, m.sourceIds, new Date(now)) : pollSources(pollDeps, m.sourceIds, new Date(now)))));
  await poll(batches);
  // An alert a poll run recorded and died before sending (its story not stored yet): the hour's
  // first batch and the mail run compose it, reading the story.
  const watched = (await services.repos.companies.get(subscriberId, company.id))!;
  await services.repos.outbox.record(subscriberId, { kind: 'alert', companyKey: watched.key, storyId: 'not-stored-yet', companyId: company.id }, new Date(now));
  // An hour later the feeds are on their schedule: batch messages, leased in the hour's plan.
  now += 3_600_000;
  proxy.as('poll-planner');
  const hourLater = await planPolls(services, new Date(now));
  proxy.as('poll-company');
  await poll(hourLater);
  // Another left pending (the poll above gave up on the first one: its story never came).
  await services.repos.outbox.record(subscriberId, { kind: 'alert', companyKey: watched.key, storyId: 'not-stored-either', companyId: company.id }, new Date(now));
  proxy.as('digest-sender');
  await services.repos.subscribers.scheduleNextDigest(subscriberId, new Date(now - 60_000).toISOString());
  await runDigestJob(services, new Date(now));
  proxy.as('ses-events');
  await handleSesEvent(
    { source: 'aws.ses', detail: { eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: `bounced-${tag}@example.com` }] } } },
    { suppressions: services.repos.suppressions, clock: services.clock, logger: services.logger },
  );

  // ── back to the API: unsubscribe, sign out everywhere, stop watching, delete ──
  proxy.as('api');
  await call('POST', `/v1/unsubscribe?token=${encodeURIComponent(await link('unsubscribe', {}))}`, { form: { 'List-Unsubscribe': 'One-Click' } });
  await call('POST', `/v1/actions?token=${encodeURIComponent(await link('stop-watching', { companyId: company.id }))}`, { form: {} });
  await signOutEverywhere(services, subscriberId, new Date(now));
  await call('DELETE', '/v1/me', { token: second.apiToken });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await feedServer?.close();
});

describe('table permissions hold for what each function really does', () => {
  it.each(Object.keys(TABLE_ACCESS) as HandlerName[])('%s', (fn) => {
    const mine = proxy.record.filter((r) => r.fn === fn);
    expect(mine.length, `${fn} made no table request: the flow did not run`).toBeGreaterThan(0);
    const refused = mine.filter((r) => !allowed(r)).map((r) => `${r.action}${r.index ? ` on ${r.index}` : ''} ${r.partitions.join(',')}`);
    expect([...new Set(refused)]).toEqual([]);
  });

  it('exercised the grants: every partition and index granted was used by some request (no grant is dead weight)', () => {
    for (const [fn, grant] of Object.entries(TABLE_ACCESS) as [HandlerName, (typeof TABLE_ACCESS)[HandlerName]][]) {
      const mine = proxy.record.filter((r) => r.fn === fn);
      const used = (p: Partition, reading: boolean) =>
        mine.some(
          (r) =>
            !r.index &&
            ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'].includes(r.action) === reading &&
            r.partitions.some((v) => (PARTITION[p].endsWith('#') ? v.startsWith(PARTITION[p]) : v === PARTITION[p])),
        );
      for (const p of grant.reads) expect(used(p, true), `${fn} reads ${p}`).toBe(true);
      for (const p of grant.writes) expect(used(p, false), `${fn} writes ${p}`).toBe(true);
      for (const index of grant.indexes) expect(mine.some((r) => r.index === index), `${fn} queries ${index}`).toBe(true);
    }
  });

  it('the checker refuses what the grants do not allow (it can fail)', () => {
    expect(allowed({ fn: 'ses-events', action: 'dynamodb:PutItem', partitions: ['SUB#x'] })).toBe(false);
    expect(allowed({ fn: 'ses-events', action: 'dynamodb:UpdateItem', partitions: ['SUPPRESS#x'] })).toBe(false);
    expect(allowed({ fn: 'ses-events', action: 'dynamodb:PutItem', partitions: ['SUPPRESS#x'] })).toBe(true);
    expect(allowed({ fn: 'digest-sender', action: 'dynamodb:GetItem', partitions: ['TOKEN#x'] })).toBe(false);
    expect(allowed({ fn: 'poll-planner', action: 'dynamodb:Query', index: 'GSI2', partitions: [] })).toBe(false);
    expect(allowed({ fn: 'api', action: 'dynamodb:Scan', partitions: [] })).toBe(false);
  });
});
