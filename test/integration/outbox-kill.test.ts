/**
 * Done when: a digest run killed (SIGKILL, a real child process) at random points while it sends,
 * against the real local servers, then run again — every subscriber gets the day's digest, and at
 * most the one mail in flight at a kill goes out twice.
 *
 * The runs are the real command line (`digest --once`). Between it and the mail catcher sits a
 * small proxy that sees every send and kills the run at the chosen point: as the k-th mail is
 * about to reach the mail service, right after the service accepted it but before the run hears
 * so (the one window where a repeat is allowed), or a few milliseconds after the run heard.
 * Property-style over kill points, with a fixed seed.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { REPO_ROOT } from '../support/cli.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

const SEED = 20261126;
const RUNS = 4;
const SUBSCRIBERS = 8;
/** Short leases, so a killed run's message is due again within the test (attempts get a quarter). */
const LEASE_SECONDS = 4;

// 08:00 in New York on 26 November 2026: every subscriber's digest hour; later runs are hourly.
const EIGHT_AM = Date.parse('2026-11-26T13:00:00Z');
const HOUR = 3600_000;

type Phase = 'before-accepted' | 'accepted-unheard' | 'after-heard';
interface KillPoint {
  /** The run dies at its k-th mail (counted from 1 within that run). */
  mail: number;
  phase: Phase;
  /** For after-heard: how long after the run heard the answer. */
  delayMs: number;
}

const figures = { runs: 0, childRuns: 0, killPoints: 0, kills: 0, subscribers: 0, lost: 0, repeated: 0, repeatedInWindow: 0 };

afterAll(() => {
  // The figures the issue asks for, printed with the test run.
  console.info(`outbox kill test: ${JSON.stringify(figures)}`);
});

/** One accepted mail, as the proxy saw it go through. */
interface Receipt {
  to: string;
  at: number;
}

/**
 * The proxy in front of the mail catcher: forwards everything, records what the catcher accepted,
 * and carries out the current run's kill point.
 */
class KillingMailProxy {
  readonly receipts: Receipt[] = [];
  readonly kills: Array<{ at: number; phase: Phase }> = [];
  private server!: Server;
  private sendsThisRun = 0;
  private plan: (KillPoint & { kill: () => void }) | null = null;

  constructor(private readonly target: URL) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Arms the next run: kill it (by `kill`) at `point`, or never when null. */
  arm(point: KillPoint | null, kill: () => void): void {
    this.sendsThisRun = 0;
    this.plan = point ? { ...point, kill } : null;
  }

  private killNow(phase: Phase): void {
    if (!this.plan) return;
    this.plan.kill();
    this.kills.push({ at: Date.now(), phase });
    this.plan = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const isSend = req.method === 'POST' && (req.url ?? '').includes('outbound-emails');
    const nth = isSend ? ++this.sendsThisRun : 0;
    const point = this.plan && nth === this.plan.mail ? this.plan : null;
    if (point?.phase === 'before-accepted') {
      this.killNow(point.phase);
      res.destroy();
      return;
    }
    const answer = await forward(this.target, req, body);
    if (isSend && answer.status === 200) {
      const to = (JSON.parse(body.toString('utf8')) as { Destination: { ToAddresses: string[] } }).Destination.ToAddresses[0]!;
      this.receipts.push({ to, at: Date.now() });
    }
    if (point?.phase === 'accepted-unheard') {
      this.killNow(point.phase);
      res.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
    if (point?.phase === 'after-heard') setTimeout(() => this.killNow(point.phase), point.delayMs);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        void readBody(answer).then((b) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(answer.headers)) if (typeof v === 'string' && k !== 'content-length') headers[k] = v;
          resolve({ status: answer.statusCode ?? 502, headers, body: b });
        }, reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

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

/**
 * Runs `digest --once` as of `now` in one process (node with tsx as a loader, so the process
 * killed is the one sending, not a launcher); resolves when it has ended, however it ended.
 */
function digestRun(env: Record<string, string>, now: number, proxy: KillingMailProxy, point: KillPoint | null, signal: NodeJS.Signals = 'SIGKILL') {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/afterview.ts', 'digest', '--once', '--now', new Date(now).toISOString()], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  proxy.arm(point, () => child.kill(signal));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, output })),
  );
}

const killPoint: fc.Arbitrary<KillPoint> = fc.record({
  mail: fc.integer({ min: 1, max: SUBSCRIBERS }),
  phase: fc.constantFrom<Phase>('before-accepted', 'accepted-unheard', 'after-heard'),
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
          const proxy = new KillingMailProxy(new URL(sesEndpoint));
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
              // Aim inside what this run will send: not yet delivered, and not held by the last killed run.
              const sendable = SUBSCRIBERS - new Set(proxy.receipts.map((r) => r.to)).size - (i > 0 ? 1 : 0);
              if (sendable < 1) break;
              figures.killPoints++;
              figures.childRuns++;
              const killsBefore = proxy.kills.length;
              const run = await digestRun(env, EIGHT_AM + i * HOUR, proxy, { ...point, mail: 1 + ((point.mail - 1) % sendable) });
              if (proxy.kills.length > killsBefore) {
                // Killed for real, mid-run: it never got to print its summary.
                expect(run.signal).toBe('SIGKILL');
                expect(run.output).not.toContain('"outbox"');
              }
            }
            await new Promise((r) => setTimeout(r, LEASE_SECONDS * 1000 + 250));
            figures.childRuns++;
            const last = await digestRun(env, EIGHT_AM + points.length * HOUR, proxy, null);
            expect(last.code, last.output).toBe(0);
            figures.kills += proxy.kills.length;
            figures.subscribers += subs.length;

            // Every subscriber has the day's digest in the mail catcher.
            const mailed = await Promise.all(subs.map(async (s) => (await mailTo(sesEndpoint, s.email)).length));
            figures.lost += mailed.filter((n) => n === 0).length;
            expect(mailed.every((n) => n >= 1)).toBe(true);

            // A repeat is only ever the last mail accepted before a kill, and one per kill at most.
            const repeats = proxy.receipts.filter((r, i) => proxy.receipts.findIndex((x) => x.to === r.to) !== i);
            figures.repeated += repeats.length;
            for (const repeat of repeats) {
              const first = proxy.receipts.find((r) => r.to === repeat.to)!;
              const kill = proxy.kills.find((k) => k.at >= first.at);
              expect(kill, `${repeat.to} went twice without a kill in between`).toBeDefined();
              const lastBeforeKill = proxy.receipts.filter((r) => r.at <= kill!.at).at(-1);
              expect(lastBeforeKill?.to).toBe(repeat.to);
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
    const proxy = new KillingMailProxy(new URL(sesEndpoint));
    const env = {
      AFTERVIEW_DYNAMODB_PORT: new URL(inject('dynamodbEndpoint')).port,
      AFTERVIEW_SES_PORT: String(await proxy.start()),
      AFTERVIEW_TABLE_NAME: stack.tableName,
      AFTERVIEW_SCHEDULE: 'off',
      LOG_LEVEL: 'ERROR',
    };
    try {
      // SIGTERM as the mail service accepts the second mail, before the run hears so.
      const stopped = await digestRun(env, EIGHT_AM, proxy, { mail: 2, phase: 'after-heard', delayMs: 0 }, 'SIGTERM');
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
