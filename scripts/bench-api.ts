/**
 * Load test for the API: `npm run bench:api`.
 *
 * Starts the stack in a child process on free loopback ports — dynalite (in memory) and the API on
 * a Node server in one process, as local mode runs them — seeds subscribers with interviews, then
 * drives `GET /v1/plan` and `POST /v1/interviews/{id}/events` from this process with 50
 * concurrent clients for ~10 s each and prints p50/p99 latency and requests/s. The load generator
 * has its own process so it does not steal the server's event loop. Throttling stays on (each
 * request still pays its rate-limit write) with limits raised so the load is measured, not 429s.
 *
 * Options: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (50), BENCH_USERS (50), BENCH_INTERVIEWS (10 per user).
 * BENCH_PROFILE=<dir>: the server process (API + dynalite) writes a V8 CPU profile into <dir>
 * (open it in Chrome DevTools or speedscope); the load generator is not profiled.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { createApi } from '../functions/api/app.js';
import { hashToken, newApiToken } from '../functions/app/account/tokens.js';
import { createServices, prepareTable } from '../functions/wiring/local.js';
import { loadConfig } from '../functions/config/env.js';
import { companyKey } from '../functions/domain/company.js';
import { DEFAULT_SETTINGS } from '../functions/domain/subscriber.js';
import { nextDigestAt } from '../functions/domain/subscriber-schedule.js';
import { startLocalServers } from '../functions/local/servers.js';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive whole number`);
  return v;
};
const SECONDS = num('BENCH_SECONDS', 10);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const USERS = num('BENCH_USERS', 50);
const INTERVIEWS = num('BENCH_INTERVIEWS', 10);
const PROFILE_DIR = process.env.BENCH_PROFILE?.trim() || null;

const COMPANIES = ['Acme Robotics', 'Globex', 'Initech', 'Umbrella', 'Hooli'];

interface SeededUser {
  token: string;
  interviewIds: string[];
}

/** The child: stack + seed + API; reports {base, users} and stops when told. */
async function runServer(): Promise<void> {
  const servers = await startLocalServers({ dynamodbPort: 0, sesPort: 0, dataDir: null });
  const config = loadConfig({
    AFTERVIEW_DYNAMODB_PORT: String(servers.dynamodbPort),
    AFTERVIEW_SES_PORT: String(servers.sesPort),
    AFTERVIEW_TABLE_NAME: 'bench-api',
    AFTERVIEW_SCHEDULE: 'off',
    LOG_LEVEL: 'ERROR',
  });
  const services = createServices(config, { service: 'bench', logToStderr: true });
  await prepareTable(config);

  const started = Date.now();
  const now = new Date();
  const users: SeededUser[] = await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      const id = randomUUID();
      const settings = { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' };
      await services.repos.subscribers.save({
        ...settings,
        id,
        email: `bench-${u}@example.com`,
        status: 'confirmed',
        createdAt: now.toISOString(),
        confirmedAt: now.toISOString(),
        nextDigestAt: nextDigestAt(settings, now),
        tokenHashes: [],
      });
      const token = newApiToken();
      await services.repos.subscribers.addApiToken(id, hashToken(token), now);
      const companyIds = await Promise.all(
        COMPANIES.map(async (name) => {
          const companyId = randomUUID();
          await services.repos.companies.put({
            id: companyId,
            subscriberId: id,
            key: companyKey(name),
            name,
            aliases: [],
            exclude: [],
            feeds: [],
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
            sourceIds: [],
          });
          return companyId;
        }),
      );
      const interviewIds = await Promise.all(
        Array.from({ length: INTERVIEWS }, async (_, i) => {
          const interviewId = randomUUID();
          const interviewedAt = new Date(now.getTime() - (2 + i * 3) * 86_400_000);
          await services.repos.interviews.put({
            id: interviewId,
            subscriberId: id,
            companyId: companyIds[i % COMPANIES.length]!,
            company: COMPANIES[i % COMPANIES.length]!,
            role: 'Data Analyst',
            interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
            interviewedAt: interviewedAt.toISOString(),
            format: 'video',
            decisionExpectedBy: new Date(interviewedAt.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
            contactPolicy: 'ok',
            lastEmployerChannel: 'email',
            timeZone: 'America/New_York',
            events: i % 2 ? [{ type: 'thank-you-sent', at: new Date(interviewedAt.getTime() + 86_400_000).toISOString() }] : [],
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
          });
          return interviewId;
        }),
      );
      return { token, interviewIds };
    }),
  );
  process.stderr.write(`seeded ${USERS} subscribers × ${INTERVIEWS} interviews in ${Date.now() - started} ms\n`);

  const app = createApi({
    ...services,
    readiness: async () => ({ ok: true, problems: [] }),
    limits: { perSubscriber: { limit: 1_000_000, windowSeconds: 60 }, perClient: { limit: 1_000_000, windowSeconds: 60 } },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  process.send!({ base, users });
  process.on('message', async (msg) => {
    if (msg !== 'stop') return;
    // Let requests still in flight finish before the table goes away.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
    await servers.stop();
    process.exit(0);
  });
}

/** The parent: starts the child, drives the load, prints the figures. */
async function main(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_ROLE: 'server' },
    // --cpu-prof writes the profile when the child exits (it does, on 'stop').
    execArgv: PROFILE_DIR ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = await Promise.race([
    new Promise<{ base: string; users: SeededUser[] }>((resolve) => child.once('message', (m) => resolve(m as { base: string; users: SeededUser[] }))),
    exited.then((code) => {
      throw new Error(`the API process ended early (exit ${code})`);
    }),
  ]);
  const { base, users } = ready;

  // Each connection acts as one subscriber (round robin), as many real clients would.
  let nextUser = 0;
  const userOf = (context: Record<string, unknown>) => {
    context.user ??= nextUser++ % users.length;
    return users[context.user as number]!;
  };

  const runs: Array<{ route: string; request: autocannon.Request }> = [
    {
      route: 'GET /v1/plan',
      request: {
        method: 'GET',
        path: '/v1/plan',
        setupRequest: (req, context) => ({ ...req, headers: { authorization: `Bearer ${userOf(context as Record<string, unknown>).token}` } }),
      },
    },
    {
      route: 'POST /v1/interviews/{id}/events',
      request: {
        method: 'POST',
        setupRequest: (req, context) => {
          const ctx = context as Record<string, unknown>;
          const user = userOf(ctx);
          const n = ((ctx.n as number | undefined) ?? 0) + 1;
          ctx.n = n;
          return {
            ...req,
            path: `/v1/interviews/${user.interviewIds[n % user.interviewIds.length]}/events`,
            headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'check-in-sent' }),
          };
        },
      },
    },
  ];

  const results: Array<Record<string, unknown>> = [];
  try {
    for (const run of runs) {
      nextUser = 0;
      const result = await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: [run.request] });
      const summary = {
        route: run.route,
        connections: CONNECTIONS,
        seconds: result.duration,
        requests: result.requests.total,
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      };
      results.push(summary);
      process.stderr.write(
        `${run.route.padEnd(34)} ${String(summary.requestsPerSecond).padStart(6)} req/s   p50 ${summary.latencyMs.p50} ms   p99 ${summary.latencyMs.p99} ms   non-2xx ${summary.non2xx}   errors ${summary.errors}\n`,
      );
    }
  } finally {
    child.send('stop');
    await exited;
  }
  process.stdout.write(`${JSON.stringify({ users: USERS, interviewsPerUser: INTERVIEWS, results }, null, 2)}\n`);
}

(process.env.BENCH_ROLE === 'server' ? runServer() : main()).catch((err: unknown) => {
  process.stderr.write(`bench-api failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
