/**
 * What the kill tests share: a proxy in front of a real local server (the mail catcher, the
 * DynamoDB-compatible server) that sees every request a run makes and kills the run — a real
 * child process, SIGKILL — at a chosen one: before the server sees it, after the server acted on it
 * but before the run hears the answer, or a few milliseconds after the run heard it.
 */
import { spawn } from 'node:child_process';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_ENTRY, REPO_ROOT } from './cli.js';

export type KillPhase = 'before' | 'after-unheard' | 'after-heard';

/** Kill the run at its n-th request of one kind (counted from 1 within that run). */
export interface KillPoint<K extends string = string> {
  kind: K;
  nth: number;
  phase: KillPhase;
  /** For after-heard: how long after the run heard the answer. */
  delayMs: number;
}

/** A request the proxy counts, as it went (listed in the order they arrived). */
export interface ProxyEvent<K extends string = string> {
  kind: K;
  /** What it was about (a mail's recipient, a table write's first key), for the assertions. */
  detail: string;
  /** The server's status, or null when the run was killed before the server saw it. */
  status: number | null;
  /**
   * When the run handed it over (it reached the proxy). A run dies at a kill, so whatever reached
   * the proxy before a kill was handed over before it — even when the server's answer came after.
   */
  at: number;
}

/** Which requests count, and what each is about. */
export type Classify<K extends string> = (req: IncomingMessage, body: Buffer) => { kind: K; detail: string } | null;

export class KillingProxy<K extends string = string> {
  readonly events: Array<ProxyEvent<K>> = [];
  readonly kills: Array<{ at: number; kind: K; phase: KillPhase; detail: string }> = [];
  private server!: Server;
  private counts = new Map<K, number>();
  private plan: (KillPoint<K> & { kill: () => void }) | null = null;

  constructor(
    private readonly target: URL,
    private readonly classify: Classify<K>,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolvePromise) => this.server.listen(0, '127.0.0.1', resolvePromise));
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolvePromise) => this.server.close(() => resolvePromise()));
  }

  /** Arms the next run: kill it (by `kill`) at `point`, or never when null. */
  arm(point: KillPoint<K> | null, kill: () => void): void {
    this.counts.clear();
    this.plan = point ? { ...point, kill } : null;
  }

  /** Whether the armed kill point has been carried out. */
  get fired(): boolean {
    return this.plan === null;
  }

  private killNow(kind: K, phase: KillPhase, detail: string): void {
    if (!this.plan) return;
    this.plan.kill();
    this.kills.push({ at: Date.now(), kind, phase, detail });
    this.plan = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const arrived = Date.now();
    const classified = this.classify(req, body);
    // Listed as it arrives; its status is filled in once the server answered.
    const event: ProxyEvent<K> | null = classified ? { ...classified, status: null, at: arrived } : null;
    if (event) this.events.push(event);
    const nth = event ? (this.counts.get(event.kind) ?? 0) + 1 : 0;
    if (event) this.counts.set(event.kind, nth);
    const point = event && this.plan && this.plan.kind === event.kind && this.plan.nth === nth ? this.plan : null;
    if (point?.phase === 'before') {
      this.killNow(event!.kind, point.phase, event!.detail);
      res.destroy();
      return;
    }
    let answer: Answer;
    try {
      answer = await forward(this.target, req, body);
    } catch {
      res.destroy();
      return;
    }
    if (event) event.status = answer.status;
    if (point?.phase === 'after-unheard') {
      this.killNow(event!.kind, point.phase, event!.detail);
      res.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
    if (point?.phase === 'after-heard') setTimeout(() => this.killNow(event!.kind, point.phase, event!.detail), point.delayMs);
  }
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolvePromise(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        void readBody(answer).then((b) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(answer.headers)) if (typeof v === 'string' && k !== 'content-length') headers[k] = v;
          resolvePromise({ status: answer.statusCode ?? 502, headers, body: b });
        }, reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

/** A mail handed to the SES-compatible catcher (SESv2 SendEmail): its recipient. */
export const mailSends: Classify<'mail'> = (req, body) => {
  if (req.method !== 'POST' || !(req.url ?? '').includes('outbound-emails')) return null;
  const to = (JSON.parse(body.toString('utf8')) as { Destination: { ToAddresses: string[] } }).Destination.ToAddresses[0]!;
  return { kind: 'mail', detail: to };
};

const TABLE_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

/** A write to the DynamoDB-compatible server: its operation and the first key it names. */
export const tableWrites: Classify<'write'> = (req, body) => {
  const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
  if (!TABLE_WRITES.has(operation)) return null;
  const input = JSON.parse(body.toString('utf8')) as {
    Item?: { PK?: { S?: string }; SK?: { S?: string } };
    Key?: { PK?: { S?: string }; SK?: { S?: string } };
    RequestItems?: Record<string, Array<{ PutRequest?: { Item: { PK?: { S?: string }; SK?: { S?: string } } } }>>;
  };
  const first = input.Item ?? input.Key ?? Object.values(input.RequestItems ?? {})[0]?.[0]?.PutRequest?.Item;
  return { kind: 'write', detail: `${operation} ${first?.PK?.S ?? ''} ${first?.SK?.S ?? ''}`.trim() };
};

/** Preloaded into a run that is to happen later than now (a lease's length later) without the test waiting. */
export const CLOCK_AHEAD = pathToFileURL(resolve(REPO_ROOT, 'test/support/clock-ahead.mjs')).href;

/**
 * Runs the real command line (`bin/afterview.js`, the installed entry; one process, so the process
 * killed is the one sending) with `args`; the proxies are armed to kill it at `point` (SIGKILL),
 * or it is sent `signal` when a proxy fires. Resolves when it has ended, however it ended.
 */
export function runKillable(
  args: string[],
  env: Record<string, string>,
  arm: (kill: () => void) => void,
  options: { signal?: NodeJS.Signals; clockAheadMs?: number } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; output: string }> {
  const preload = options.clockAheadMs ? ['--import', CLOCK_AHEAD] : [];
  const child = spawn(process.execPath, [...preload, CLI_ENTRY, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, ...(options.clockAheadMs ? { TEST_CLOCK_AHEAD_MS: String(options.clockAheadMs) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let output = '';
  child.stdout.on('data', (d) => ((stdout += d), (output += d)));
  child.stderr.on('data', (d) => (output += d));
  arm(() => child.kill(options.signal ?? 'SIGKILL'));
  return new Promise((resolvePromise) => child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, output })));
}
