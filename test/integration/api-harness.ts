/**
 * Shared set-up for the API tests: the real app (createHttpApp over createServices) on a fresh table
 * of the test dynalite, the real mail catcher, a clock the test moves, and every log line kept
 * so tests can check that no token ever reaches a log.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiDependencies } from '../../functions/api/app.js';
import type { Services } from '../../functions/app/services.js';
import { createHttpApp } from '../../functions/wiring/http-app.js';
import { createServices } from '../../functions/wiring/services.js';
import { createTestStack, mailTo, type CaughtEmail, type TestStack } from '../support/stack.js';

export const PUBLIC_URL = 'http://afterview.test';

export interface ApiHarness {
  stack: TestStack;
  services: Services;
  app: ReturnType<typeof createHttpApp>;
  clock: { now(): Date; set(iso: string): void; advance(ms: number): void };
  logs: string[];
  /** app.request with JSON conveniences. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string>; ip?: string }): Promise<Response>;
  /** Every item in the test table, for "nothing left" and "no token stored" checks. */
  scanTable(): Promise<Record<string, unknown>[]>;
  mailTo(address: string): Promise<CaughtEmail[]>;
  /** Subscribes, confirms through the emailed link, and returns the API token. */
  signUp(email: string, timeZone?: string): Promise<{ token: string; subscriberId: string }>;
}

export async function createApiHarness(
  options: { env?: Record<string, string>; overrides?: Partial<ApiDependencies>; startAt?: string } = {},
): Promise<ApiHarness> {
  const stack = await createTestStack({ AFTERVIEW_PUBLIC_URL: PUBLIC_URL, LOG_LEVEL: 'DEBUG', ...options.env });
  let now = Date.parse(options.startAt ?? '2026-11-02T12:00:00Z');
  const clock = {
    now: () => new Date(now),
    set: (iso: string) => void (now = Date.parse(iso)),
    advance: (ms: number) => void (now += ms),
  };
  const services = createServices(stack.config, { service: 'api-test', clock });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  (services.logger as unknown as { console: Console }).console = new Console({ stdout: sink, stderr: sink });
  const app = createHttpApp({
    ...services,
    readiness: async () => ({ ok: true, problems: [] }),
    accountResponseFloorMs: 0,
    // Tests share one client address and a clock that stands still; throttling has its own test.
    limits: { perClient: { limit: 10_000, windowSeconds: 60 }, perSubscriber: { limit: 10_000, windowSeconds: 60 } },
    ...options.overrides,
  });

  const call: ApiHarness['call'] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    // What API Gateway hands the Lambda adapter: the caller's address.
    const env = { requestContext: { http: { sourceIp: o.ip ?? '198.51.100.7' } } };
    return Promise.resolve(app.request(`${PUBLIC_URL}${path}`, { method, headers, body }, env));
  };

  const harness: ApiHarness = {
    stack,
    services,
    app,
    clock,
    logs,
    call,
    async scanTable() {
      const items: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await stack.client.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey }));
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items;
    },
    mailTo: (address) => mailTo(stack.sesEndpoint, address),
    async signUp(email, timeZone) {
      const res = await call('POST', '/v1/subscriptions', { body: timeZone ? { email, timeZone } : { email } });
      if (res.status !== 202) throw new Error(`subscribe answered ${res.status}`);
      const link = linkIn((await harness.mailTo(email)).at(-1), '/v1/subscriptions/confirm');
      const confirm = await call('POST', '/v1/subscriptions/confirm', { body: { token: tokenOf(link) } });
      if (confirm.status !== 200) throw new Error(`confirm answered ${confirm.status}: ${await confirm.text()}`);
      const { apiToken } = (await confirm.json()) as { apiToken: string };
      const subscriberId = await services.repos.subscribers.findIdByApiToken((await import('../../functions/app/account/tokens.js')).hashToken(apiToken));
      return { token: apiToken, subscriberId: subscriberId! };
    },
  };
  return harness;
}

/** The first link in a mail's text that goes to `path`. */
export function linkIn(email: CaughtEmail | undefined, path: string): string {
  const text = email?.body.text ?? '';
  const match = text.match(new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}${path.replace(/[/]/g, '\\/')}\\?token=[A-Za-z0-9_.%-]+`));
  if (!match) throw new Error(`no ${path} link in mail: ${text.slice(0, 300)}`);
  return match[0];
}

export function tokenOf(link: string): string {
  return decodeURIComponent(new URL(link).searchParams.get('token') ?? '');
}

/** A unique address per test, so tests sharing the mail catcher never see each other's mail. */
export function uniqueEmail(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;
}

export const sampleInterview = (overrides: Record<string, unknown> = {}) => ({
  company: 'Acme Robotics',
  role: 'Data Analyst',
  interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
  interviewedAt: '2026-10-28T15:00:00Z',
  format: 'in-person',
  decisionExpectedBy: '2026-11-10',
  contactPolicy: 'ok',
  lastEmployerChannel: 'email',
  timeZone: 'America/New_York',
  ...overrides,
});
