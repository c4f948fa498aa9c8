/**
 * `npm run bench:poll` — the news watch's poll cycle against a local Google-News-style feed
 * server (~50 ms latency, ETag/304 support) and dynalite + the mail catcher, all started by the script
 * in child processes of their own:
 *
 * - a few hundred company feeds of ~30 items, a few hundred subscriptions with overlap;
 * - cycle time cold and unchanged, requests vs unique companies, 304 share, item writes, peak RSS;
 * - the same feeds through a naive sequential fetch+parse loop, and the rss2email reference
 *   (~72 ms per feed per cycle at 50 ms latency);
 * - `fetch-feed` against a 28 MB response: cut off at the cap, peak RSS of that process.
 *
 * Options: --companies N (300) --subscribers N (250) --items N (30) --latency MS (50)
 *          --per-host N / --concurrency N (override the poller's limits) --json
 *          --digest-only (every subscriber reads news in the digest: the cycle without alert mail)
 *          --big-feed: instead, local mode's composition in one process (API, dynalite, mail catcher,
 *          poll cycle) with the usual companies plus a subscriber's 20,000-item, 3 MB feed: the
 *          cycle's time and GET /health p50/p99 while it runs (probed from another process);
 *          with --stack-apart, dynalite and the mail catcher run in a child instead.
 *          --day: instead, a simulated day of hourly cycles on a realistic mix of feeds: requests
 *          and table writes per day against asking every feed hourly, and story-to-alert p50/p95.
 * BENCH_PROFILE=<file> writes a CPU profile of the cold cycle.
 */
// First: the API's schemas extend zod before the domain's are first built (--big-feed serves the API).
import { createHttpApp } from '../functions/wiring/http-app.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.js';
import { createRepositories, type Repositories } from '../functions/adapters/dynamodb/index.js';
import { ensureTable } from '../functions/adapters/dynamodb/table.js';
import { createSafeFetcher, safeFetch } from '../functions/adapters/http/safe-fetch.js';
import { SesMailer } from '../functions/adapters/ses/mailer.js';
import { syncCompanySources } from '../functions/app/poll/company-sources.js';
import { settleAll } from '../functions/app/poll/host-limiter.js';
import { runPollCycle, type PollDeps, type PollSummary } from '../functions/app/poll/poll-cycle.js';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_HOST_CONCURRENCY } from '../functions/app/poll/cycle.js';
import { HmacLinkSigner } from '../functions/app/signed-links.js';
import { loadConfig, type Config } from '../functions/config/env.js';
import { classifyHeadline } from '../functions/domain/classifier/index.js';
import { companyKey, type WatchedCompany } from '../functions/domain/company.js';
import { companySources } from '../functions/domain/news-watch/sources.js';
import { parseFeed } from '../functions/domain/feed/parse-feed.js';
import { Interview, type StoredInterview } from '../functions/domain/interview.js';
import { writeCongratulations } from '../functions/domain/notes/congratulations.js';
import type { Subscriber } from '../functions/domain/subscriber.js';
import { startLocalServers } from '../functions/local/servers.js';
import { pollDepsFrom } from '../functions/app/poll/index.js';
import { createServices } from '../functions/wiring/services.js';
import { createAdaptorServer } from '@hono/node-server';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const RSS2EMAIL_MS_PER_FEED = 72;
const HUGE_BYTES = 28 * 1024 * 1024;
const BIG_FEED_ITEMS = 20_000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}

// ── the feed server (child process, so its work never competes with the poller's event loop) ──

const VERBS_GOOD = ['wins industry award for', 'signs multi-year contract with', 'opens new office in', 'launches', 'partners with', 'raises funding to expand'];
const VERBS_OTHER = ['reports quarterly results', 'faces lawsuit over', 'names new CFO', 'shares slip after', 'to cut jobs in', 'comments on'];
const OBJECTS = ['Austin', 'the city of Leeds', 'Globex', 'its robot arm', 'Europe', 'a logistics giant', 'Ohio', 'Singapore', 'its analytics suite', 'a hospital network'];
const OUTLETS = ['Reuters', 'AP', 'Bloomberg', 'CNBC', 'Forbes', 'Business Wire', 'TechCrunch', 'Yahoo Finance', 'MarketWatch', 'Axios'];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A company's search feed: ~30 items over the last ~60 days; each story syndicated by 1–3 outlets. */
function companyFeed(name: string, items: number, now: number, seed: number, generation: number): string {
  const out: string[] = [];
  let n = 0;
  for (let story = 0; n < items; story++) {
    const k = (seed * 31 + story * 17) % 997;
    const good = k % 4 === 0;
    const verb = good ? VERBS_GOOD[k % VERBS_GOOD.length]! : VERBS_OTHER[k % VERBS_OTHER.length]!;
    const title = `${name} ${verb} ${OBJECTS[(k >> 2) % OBJECTS.length]}${story < generation ? '' : ''}`;
    // Story 0 is the newest; stories spread over ~60 days, so about a quarter are fresh (< 14 days).
    const at = now - story * 2.1 * 86_400_000 - (k % 12) * 3_600_000;
    const copies = 1 + (k % 3);
    for (let c = 0; c < copies && n < items; c++, n++) {
      const outlet = OUTLETS[(k + c) % OUTLETS.length]!;
      const id = createHash('sha1').update(`${name}|${story}|${outlet}`).digest('base64url').slice(0, 22);
      const shown = c === 1 ? `UPDATE 1-${title}` : title;
      out.push(
        `<item><title>${xmlEscape(`${shown} - ${outlet}`)}</title><link>https://news.google.com/rss/articles/CBMi${id}?oc=5</link>` +
          `<guid isPermaLink="false">CBMi${id}</guid><pubDate>${new Date(at + c * 1_800_000).toUTCString()}</pubDate>` +
          `<description>${xmlEscape(`<a href="https://news.google.com/rss/articles/CBMi${id}?oc=5" target="_blank">${shown}</a>&nbsp;&nbsp;<font color="#6f6f6f">${outlet}</font>`)}</description>` +
          `<source url="https://www.${outlet.toLowerCase().replace(/\W/g, '')}.com">${xmlEscape(outlet)}</source></item>`,
      );
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss xmlns:media="http://search.yahoo.com/mrss/" version="2.0"><channel><generator>NFE/5.0</generator><title>${xmlEscape(name)} - Google News</title><link>https://news.google.com/</link><language>en-US</language><description>Google News</description>${out.join('')}</channel></rss>`;
}

/** 20,000 items, one a minute, about 3 MB: the feed issue 11 found stalling a cycle for 158 s of CPU. */
function bigFeedBody(now: number): string {
  const items = Array.from(
    { length: BIG_FEED_ITEMS },
    (_, i) => `<item><title>Acme Robotics update ${i} on widget ${i % 97}</title><link>https://spam.example/${i}</link><pubDate>${new Date(now - (i + 1) * 60_000).toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>flood</title><link>https://spam.example/</link>${items.join('')}</channel></rss>`;
}

/**
 * A realistic mix for the simulated day (--day): how often companies people interview with are
 * in the news. About 10 % are big (eight stories a day), 25 % mid-sized (one a day), 65 % small
 * (one or two a week); stories come at random times (Poisson), each carried by one to three
 * outlets within the hour.
 */
const ACTIVITY_MIX = [
  { share: 0.1, perDay: 8, label: 'big' },
  { share: 0.25, perDay: 1, label: 'mid-sized' },
  { share: 0.65, perDay: 0.2, label: 'small' },
] as const;

interface DayStory {
  id: string;
  at: number;
  title: string;
  copies: number;
}

/** One company's stories from 30 days before `start` to two days after, deterministic per company. */
function storyTimeline(name: string, start: number): DayStory[] {
  const seed = parseInt(createHash('sha1').update(name).digest('hex').slice(0, 8), 16);
  const random = rng(seed);
  const pick = random();
  let share = 0;
  const perDay = ACTIVITY_MIX.find((m) => pick < (share += m.share))?.perDay ?? 0.2;
  const stories: DayStory[] = [];
  for (let at = start - 30 * 86_400_000, n = 0; at < start + 2 * 86_400_000; n++) {
    at += (-Math.log(1 - random()) / perDay) * 86_400_000;
    const k = Math.floor(random() * 997);
    const good = k % 4 === 0;
    const verb = good ? VERBS_GOOD[k % VERBS_GOOD.length]! : VERBS_OTHER[k % VERBS_OTHER.length]!;
    stories.push({ id: `${n}`, at: Math.round(at), title: `${name} ${verb} ${OBJECTS[(k >> 2) % OBJECTS.length]} (${n})`, copies: 1 + (k % 3) });
  }
  return stories;
}

/** The company's search feed as it reads at `now`: its newest 30 items. */
function dayFeed(name: string, stories: readonly DayStory[], now: number): { body: string; shown: DayStory[] } {
  const shown = stories.filter((s) => s.at <= now).slice(-12).reverse();
  const items = shown.flatMap((story) =>
    Array.from({ length: story.copies }, (_, c) => {
      const outlet = OUTLETS[(story.id.length + c) % OUTLETS.length]!;
      const id = createHash('sha1').update(`${name}|${story.id}|${outlet}`).digest('base64url').slice(0, 22);
      return `<item><title>${xmlEscape(`${story.title} - ${outlet}`)}</title><link>https://news.google.com/rss/articles/CBMi${id}?oc=5</link><guid isPermaLink="false">CBMi${id}</guid><pubDate>${new Date(story.at + c * 1_200_000).toUTCString()}</pubDate><source url="https://www.${outlet.toLowerCase().replace(/\W/g, '')}.com">${xmlEscape(outlet)}</source></item>`;
    }),
  );
  return {
    shown,
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${xmlEscape(name)} - Google News</title><link>https://news.google.com/</link>${items.slice(0, 30).join('')}</channel></rss>`,
  };
}

function serveFeeds(latencyMs: number, items: number, now: number): void {
  const cache = new Map<string, { body: string; etag: string }>();
  let bigFeed: string | undefined;
  // --day: the feeds as they read at the simulated instant, and when each story was first served.
  let simulatedNow: number | null = null;
  const timelines = new Map<string, DayStory[]>();
  const firstServed = new Map<string, { at: number; publishedAt: number }>();
  let requests = 0;
  let notModified = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/stats') {
      res.end(JSON.stringify({ requests, notModified }));
      return;
    }
    if (url.pathname === '/reset') {
      requests = 0;
      notModified = 0;
      res.end('{}');
      return;
    }
    if (url.pathname === '/clock') {
      simulatedNow = Number(url.searchParams.get('at'));
      res.end('{}');
      return;
    }
    if (url.pathname === '/latency') {
      // Minutes from each story's publication to the first time a feed served it, for stories
      // published in (from, to]; and what asking every feed every hour (on the hour) would give.
      const from = Number(url.searchParams.get('from'));
      const to = Number(url.searchParams.get('to'));
      const measured: number[] = [];
      const hourly: number[] = [];
      for (const stories of timelines.values()) {
        for (const story of stories) {
          if (story.at <= from || story.at > to) continue;
          hourly.push((Math.ceil((story.at - from) / 3_600_000) * 3_600_000 + from - story.at) / 60_000);
          const served = firstServed.get(story.title);
          measured.push(served ? (served.at - story.at) / 60_000 : Infinity);
        }
      }
      res.end(JSON.stringify({ measured, hourly }));
      return;
    }
    if (url.pathname === '/huge') {
      // 28 MB, chunked (no Content-Length): only a cap counted while streaming can stop it.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title>');
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const pump = () => {
        while (sent < HUGE_BYTES && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end('</channel></rss>');
      };
      pump();
      return;
    }
    if (url.pathname === '/big') {
      // A subscriber's 20,000-item feed of about 3 MB (under the 5 MB cap), newest first.
      bigFeed ??= bigFeedBody(now);
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', etag: '"big"' }).end(bigFeed);
      return;
    }
    requests++;
    setTimeout(() => {
      const q = url.searchParams.get('q') ?? '';
      const name = /^"([^"]+)"/.exec(q)?.[1];
      if (url.pathname !== '/rss/search' || !name) {
        res.writeHead(404).end();
        return;
      }
      let entry = cache.get(name);
      if (simulatedNow !== null) {
        let stories = timelines.get(name);
        if (!stories) timelines.set(name, (stories = storyTimeline(name, now)));
        const feed = dayFeed(name, stories, simulatedNow);
        entry = { body: feed.body, etag: `"${createHash('sha1').update(feed.body).digest('hex').slice(0, 16)}"` };
        if (req.headers['if-none-match'] !== entry.etag) {
          for (const story of feed.shown) if (!firstServed.has(story.title)) firstServed.set(story.title, { at: simulatedNow, publishedAt: story.at });
        }
      } else if (!entry) {
        const seed = parseInt(createHash('sha1').update(name).digest('hex').slice(0, 6), 16);
        const body = companyFeed(name, items, now, seed, 0);
        entry = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
        cache.set(name, entry);
      }
      if (req.headers['if-none-match'] === entry.etag) {
        notModified++;
        res.writeHead(304, { etag: entry.etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', etag: entry.etag }).end(entry.body);
    }, latencyMs);
  });
  server.keepAliveTimeout = 5000;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
}

/** Starts this script in another mode as a child process and reads the JSON line it prints when ready. */
async function startChild<T>(args: string[]): Promise<{ ready: T; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<T>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n') && line) resolve(JSON.parse(line) as T);
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code})`)));
  });
  return { ready, child };
}

async function startFeedServer(latencyMs: number, items: number, now: number): Promise<{ base: string; child: ChildProcess }> {
  const { ready, child } = await startChild<{ port: number }>(['--feed-server', String(latencyMs), String(items), String(now)]);
  return { base: `http://127.0.0.1:${ready.port}`, child };
}

/**
 * dynalite and the mail catcher, started by this script in a child process of their own: like
 * DynamoDB and SES in production, the store's CPU is not the poller's, and the poller's peak
 * memory is its own rather than the in-memory database's.
 */
function serveStack(): void {
  void startLocalServers({ dynamodbPort: 0, sesPort: 0, dataDir: null }).then((s) => {
    process.stdout.write(`${JSON.stringify({ dynamodbPort: s.dynamodbPort, sesPort: s.sesPort })}\n`);
  });
}

// ── the workload ─────────────────────────────────────────────────────────────────────────────

const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay', 'Aperture', 'Massive', 'Oscorp', 'Nakatomi', 'Gringotts', 'Dunder', 'Pied', 'Prestige'];
const COMPANY_SUFFIX = ['Robotics', 'Analytics', 'Logistics', 'Health', 'Energy', 'Foods', 'Labs', 'Systems', 'Capital', 'Motors', 'Media', 'Networks', 'Bio', 'Aerospace', 'Retail'];

function companyName(i: number): string {
  return `${COMPANY_WORDS[i % COMPANY_WORDS.length]} ${COMPANY_SUFFIX[Math.floor(i / COMPANY_WORDS.length) % COMPANY_SUFFIX.length]}${i >= COMPANY_WORDS.length * COMPANY_SUFFIX.length ? ` ${i}` : ''}`;
}

/** Deterministic pseudo-random numbers (so runs are comparable). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The options every mode reads. */
function benchOptions() {
  const asJson = process.argv.includes('--json');
  return {
    companies: option('companies', 300),
    subscribers: option('subscribers', 250),
    items: option('items', 30),
    latency: option('latency', 50),
    asJson,
    log: (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`),
  };
}

/** The stack's configuration: its own table on the given local servers, news from the bench's feed server. */
function benchConfig(newsBaseUrl: string, servers: { dynamodbPort: number; sesPort: number }): Config {
  return {
    ...loadConfig({ AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: newsBaseUrl, LOG_LEVEL: 'ERROR' }),
    tableName: `bench-${randomUUID().slice(0, 8)}`,
    dynamodbEndpoint: `http://127.0.0.1:${servers.dynamodbPort}`,
    sesEndpoint: `http://127.0.0.1:${servers.sesPort}`,
  };
}

/** The poller as production builds it, with the bench's limits when given (--per-host, --concurrency). */
function benchPollDeps(config: Config, repos: Repositories): PollDeps {
  return {
    repos,
    mailer: new SesMailer(config),
    // A key of its own for this run: the bench signs alert links and keeps nothing.
    links: new HmacLinkSigner({ load: async () => ({ current: randomBytes(32), previous: [] }) }),
    config,
    classify: classifyHeadline,
    writeNote: writeCongratulations,
    fetchFeed: createSafeFetcher({ allowHosts: config.allowHosts }),
    ...(process.argv.includes('--per-host') ? { perHostConcurrency: option('per-host', 16) } : {}),
    ...(process.argv.includes('--concurrency') ? { concurrency: option('concurrency', 32) } : {}),
  };
}

async function main(): Promise<void> {
  const { companies, subscribers, items, latency, asJson, log } = benchOptions();
  const now = new Date();

  const stack = await startChild<{ dynamodbPort: number; sesPort: number }>(['--stack']);
  const servers = stack.ready;
  const feedServer = await startFeedServer(latency, items, now.getTime());
  try {
    const config = benchConfig(feedServer.base, servers);
    const db = createDocumentClient(config);
    // Counts DynamoDB calls by command, to show where a cycle's requests to the table go.
    const dbCalls = new Map<string, number>();
    const send = db.send.bind(db);
    (db as unknown as { send: unknown }).send = (cmd: { constructor: { name: string } }, ...rest: unknown[]) => {
      const name = cmd.constructor.name.replace(/Command$/, '');
      dbCalls.set(name, (dbCalls.get(name) ?? 0) + 1);
      return (send as (...a: unknown[]) => Promise<unknown>)(cmd, ...rest);
    };
    const takeCalls = () => {
      const calls = Object.fromEntries(dbCalls);
      dbCalls.clear();
      return calls;
    };
    await ensureTable(db, config.tableName);
    const repos = createRepositories(db, config.tableName);

    log(`seeding ${subscribers} subscribers watching ${companies} companies…`);
    const seedStarted = Date.now();
    const { watchedBy, watches } = await seedWorkload({ repos, config }, { companies, subscribers }, now);
    log(`  ${watches} subscriptions over ${watchedBy.size} unique companies (max ${Math.max(...watchedBy.values())} watchers on one) in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const deps = benchPollDeps(config, repos);
    const stats = async () => (await (await fetch(`${feedServer.base}/stats`)).json()) as { requests: number; notModified: number };
    const reset = () => fetch(`${feedServer.base}/reset`);

    const cpuMs: number[] = [];
    const storeCpuMs: number[] = [];
    const timeCycle = async (at: Date): Promise<{ ms: number; summary: PollSummary; server: { requests: number; notModified: number } }> => {
      await reset();
      const cpu = process.cpuUsage();
      const store = processCpuMs(stack.child.pid);
      const started = performance.now();
      const summary = await runPollCycle(deps, at);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      cpuMs.push(Math.round((used.user + used.system) / 1000));
      storeCpuMs.push(processCpuMs(stack.child.pid) - store);
      return { ms, summary, server: await stats() };
    };
    takeCalls();
    log('poll cycle, cold…');
    const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
    const cold = await timeCycle(now);
    if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
    const coldCalls = takeCalls();
    log('poll cycle, unchanged (an hour later)…');
    const unchanged = await timeCycle(new Date(now.getTime() + 3_600_000));
    const unchangedCalls = takeCalls();
    const maxRssMb = process.resourceUsage().maxRSS / 1024;

    // The naive loop: one feed after another, fetch + parse, nothing stored (what a per-feed poller does).
    const urls = [...watchedBy.keys()].map((c) => `${feedServer.base}/rss/search?q=${encodeURIComponent(`"${companyName(c)}"`)}&hl=en-US&gl=US&ceid=US:en`);
    const etags = new Map<string, string | undefined>();
    const sequential = async (conditional: boolean): Promise<number> => {
      await reset();
      const started = performance.now();
      for (const url of urls) {
        const result = await safeFetch(url, { allowHosts: ['127.0.0.1'], validators: conditional ? { etag: etags.get(url) } : undefined });
        if (result.kind === 'ok') {
          etags.set(url, result.etag);
          await parseFeed(result.text);
        }
      }
      return performance.now() - started;
    };
    log('naive sequential loop, cold and unchanged…');
    const seqCold = await sequential(false);
    const seqUnchanged = await sequential(true);

    log('fetch-feed against a 28 MB response…');
    const huge = await measureHugeFetch(`${feedServer.base}/huge`);

    const feeds = urls.length;
    const rss2email = feeds * RSS2EMAIL_MS_PER_FEED;
    const result = {
      setup: {
        companies: feeds,
        subscribers,
        subscriptions: watches,
        itemsPerFeed: items,
        latencyMs: latency,
        perHost: deps.perHostConcurrency ?? `default (${DEFAULT_PER_HOST_CONCURRENCY})`,
        concurrency: deps.concurrency ?? `default (${DEFAULT_CONCURRENCY})`,
      },
      cold: { ms: Math.round(cold.ms), pollerCpuMs: cpuMs[0], localStoreCpuMs: storeCpuMs[0], ...cold.summary, serverRequests: cold.server.requests, dynamodbCalls: coldCalls },
      unchanged: {
        ms: Math.round(unchanged.ms),
        ...unchanged.summary,
        serverRequests: unchanged.server.requests,
        share304: unchanged.summary.requests ? unchanged.summary.notModified / unchanged.summary.requests : 0,
        pollerCpuMs: cpuMs[1],
        localStoreCpuMs: storeCpuMs[1],
        dynamodbCalls: unchangedCalls,
      },
      naiveSequential: { coldMs: Math.round(seqCold), unchangedMs: Math.round(seqUnchanged), msPerFeed: +(seqCold / feeds).toFixed(1) },
      rss2emailReference: { msPerFeed: RSS2EMAIL_MS_PER_FEED, cycleMs: rss2email },
      speedup: {
        coldVsRss2email: +(rss2email / cold.ms).toFixed(1),
        unchangedVsRss2email: +(rss2email / unchanged.ms).toFixed(1),
        coldVsNaive: +(seqCold / cold.ms).toFixed(1),
        unchangedVsNaive: +(seqUnchanged / unchanged.ms).toFixed(1),
      },
      peakRssMb: Math.round(maxRssMb),
      fetch28MB: huge,
    };
    if (asJson) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
      log('');
      log(`feeds: ${feeds} unique companies, ${watches} subscriptions by ${subscribers} subscribers, ${items} items each, ${latency} ms latency, per-host limit ${result.setup.perHost}`);
      log(`cold cycle:       ${(cold.ms / 1000).toFixed(2)} s  requests ${cold.summary.requests} (server saw ${cold.server.requests}) for ${feeds} companies; item writes ${cold.summary.itemWrites} (${cold.summary.newStories} new stories from ${cold.summary.itemsSeen} items, ${cold.summary.staleItems} stale); alerts sent ${cold.summary.alertsSent}`);
      log(`                  table writes ${cold.summary.tableWrites} ${JSON.stringify(cold.summary.tableWritesBy)}; poller CPU ${((cpuMs[0] ?? 0) / 1000).toFixed(2)} s (${((cpuMs[0] ?? 0) / feeds).toFixed(1)} ms per feed)`);
      log(`                  DynamoDB calls ${JSON.stringify(coldCalls)}; the local DynamoDB and SES stand-ins used ${((storeCpuMs[0] ?? 0) / 1000).toFixed(2)} s of CPU answering them`);
      log(`unchanged cycle:  ${(unchanged.ms / 1000).toFixed(2)} s  requests ${unchanged.summary.requests}, 304s ${unchanged.summary.notModified} (${pct(result.unchanged.share304)}), item writes ${unchanged.summary.itemWrites}, alerts ${unchanged.summary.alertsSent}`);
      log(`                  table writes ${unchanged.summary.tableWrites} ${JSON.stringify(unchanged.summary.tableWritesBy)} (${(unchanged.summary.tableWrites / Math.max(1, unchanged.summary.requests)).toFixed(3)} per feed asked); poller CPU ${((cpuMs[1] ?? 0) / 1000).toFixed(2)} s (${((cpuMs[1] ?? 0) / feeds).toFixed(1)} ms per feed)`);
      log(`                  DynamoDB calls ${JSON.stringify(unchangedCalls)}`);
      log(`naive sequential: cold ${(seqCold / 1000).toFixed(2)} s (${result.naiveSequential.msPerFeed} ms/feed), unchanged ${(seqUnchanged / 1000).toFixed(2)} s`);
      log(`rss2email ref:    ${(rss2email / 1000).toFixed(2)} s (${RSS2EMAIL_MS_PER_FEED} ms/feed)`);
      log(`speed-up:         cold ×${result.speedup.coldVsRss2email} / unchanged ×${result.speedup.unchangedVsRss2email} vs rss2email; cold ×${result.speedup.coldVsNaive} / unchanged ×${result.speedup.unchangedVsNaive} vs the naive loop`);
      log(`peak memory:      ${result.peakRssMb} MB (maxRSS of the polling process; dynalite and the mail catcher run in a child)`);
      log(`fetch-feed 28 MB: exit ${huge.exitCode}, ${huge.message}; peak RSS ${huge.peakRssMb} MB (${huge.measuredWith}) in ${huge.ms} ms`);
    }
  } finally {
    feedServer.child.kill();
    stack.child.kill();
  }
}

function benchSubscriber(label: string, now: Date): Subscriber {
  return { id: randomUUID(), email: `${label}@example.com`, status: 'confirmed', timeZone: 'UTC', digestHour: 8, alerts: 'instant', dailyEvenIfEmpty: false, createdAt: now.toISOString(), tokenHashes: [] };
}

function benchCompany(subscriberId: string, name: string, now: Date): WatchedCompany {
  const at = now.toISOString();
  return { id: randomUUID(), subscriberId, key: companyKey(name), name, aliases: [], exclude: [], feeds: [], createdAt: at, updatedAt: at, sourceIds: [] };
}

/**
 * Subscriptions with overlap: every company is watched at least once; big employers by many.
 * Interviews are in the states real ones are in: most open, some closed, moved on, under
 * no-contact, or just contacted — only those the rules allow (R6, R8) may get an alert.
 */
async function seedWorkload(
  { repos, config }: { repos: Repositories; config: Config },
  { companies, subscribers }: { companies: number; subscribers: number },
  now: Date,
): Promise<{ watchedBy: Map<number, number>; watches: number }> {
  const random = rng(42);
  const watchedBy = new Map<number, number>();
  let watches = 0;
  const plans: Array<{ s: number; picks: number[] }> = [];
  for (let s = 0; s < subscribers; s++) {
    const picks = new Set<number>();
    for (let c = s; c < companies; c += subscribers) picks.add(c); // everyone's first picks cover every company
    const extra = Math.floor(random() * 2.2);
    for (let k = 0; k < extra; k++) picks.add(Math.floor(companies * random() ** 2));
    plans.push({ s, picks: [...picks] });
  }
  const day = 86_400_000;
  const interviewStates: Array<Partial<Interview>> = [
    {}, {}, {}, {}, {},
    { contactPolicy: 'no-contact' },
    { events: [{ type: 'thank-you-sent', at: new Date(now.getTime() - 11 * day).toISOString() }, { type: 'rejected', at: new Date(now.getTime() - 2 * day).toISOString() }] },
    { events: [{ type: 'thank-you-sent', at: new Date(now.getTime() - 11 * day).toISOString() }, { type: 'heard-back', at: new Date(now.getTime() - 1 * day).toISOString() }] },
  ];
  await settleAll(plans, 8, async ({ s, picks }) => {
    // --digest-only: nobody wants instant alerts, to time the cycle without alert mail.
    const digestOnly = process.argv.includes('--digest-only');
    const sub: Subscriber = { ...benchSubscriber(`bench-${s}`, now), alerts: digestOnly || s % 4 === 0 ? 'digest' : 'instant' };
    const id = sub.id;
    await repos.subscribers.save(sub);
    for (const c of picks) {
      watchedBy.set(c, (watchedBy.get(c) ?? 0) + 1);
      watches++;
      const name = companyName(c);
      const company = benchCompany(id, name, now);
      await repos.companies.put(await syncCompanySources({ repos, config }, company, now));
      const interview: StoredInterview = {
        ...Interview.parse({
          company: name,
          role: 'Analyst',
          interviewer: { name: 'Dana Lee', email: 'dana@example.com' },
          interviewedAt: new Date(now.getTime() - 12 * day).toISOString(),
          events: [{ type: 'thank-you-sent', at: new Date(now.getTime() - 11 * day).toISOString() }],
          ...interviewStates[(s + c) % interviewStates.length],
        }),
        id: randomUUID(),
        subscriberId: id,
        companyId: company.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repos.interviews.put(interview);
    }
  });

  return { watchedBy, watches };
}

/** CPU time a child process has used (Linux /proc; 0 where it cannot be read), in milliseconds. */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Math.round(((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
  } catch {
    return 0;
  }
}

/** A CPU profile of one phase (BENCH_PROFILE=<file>), for finding where the poller spends its time. */
async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Runs `afterview fetch-feed` in its own process against the 28 MB stream and reads its peak RSS. */
async function measureHugeFetch(url: string): Promise<{ exitCode: number | null; message: string; peakRssMb: number; measuredWith: string; ms: number }> {
  const tsx = `${REPO}node_modules/.bin/tsx`;
  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const command = useTime ? timeBin : process.execPath;
  const args = useTime ? ['-f', 'MAXRSS_KB=%M', tsx, `${REPO}bin/afterview.ts`, 'fetch-feed', url] : [...process.execArgv, `${REPO}bin/afterview.ts`, 'fetch-feed', url];
  const started = Date.now();
  const child = spawn(command, args, { env: { ...process.env, AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdoutBytes = 0;
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout!.on('data', (c: Buffer) => (stdoutBytes += c.length));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN);
  const message = stderr.split('\n').find((l) => l.startsWith('afterview:'))?.trim() ?? (stdoutBytes ? `printed ${stdoutBytes} bytes` : 'no message');
  return {
    exitCode,
    message,
    peakRssMb: Number.isFinite(kb) ? Math.round(kb / 1024) : NaN,
    measuredWith: useTime ? '/usr/bin/time -f %M, tsx and node included' : 'unavailable',
    ms: Date.now() - started,
  };
}

// ── --day: a simulated day of hourly cycles on a realistic mix of feeds ─────────────────────

const percentile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/**
 * One simulated day: the feeds follow ACTIVITY_MIX, a cold cycle sets every feed's schedule from
 * its history, then 24 hourly cycles run at simulated hours. Reports requests and table writes
 * per day against asking every feed every hour, and the minutes from a story's publication to
 * the cycle that found it (the alert goes out in that cycle) — p50/p95, next to hourly polling.
 */
async function benchDay(): Promise<void> {
  const { companies, subscribers, latency, asJson, log } = benchOptions();
  const start = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const stack = await startChild<{ dynamodbPort: number; sesPort: number }>(['--stack']);
  const feedServer = await startFeedServer(latency, 30, start);
  try {
    const config = benchConfig(feedServer.base, stack.ready);
    const db = createDocumentClient(config);
    await ensureTable(db, config.tableName);
    const repos = createRepositories(db, config.tableName);
    log(`seeding ${subscribers} subscribers watching ${companies} companies…`);
    const { watchedBy } = await seedWorkload({ repos, config }, { companies, subscribers }, new Date(start));
    const feeds = watchedBy.size;
    const deps = benchPollDeps(config, repos);
    const at = (hours: number) => new Date(start + hours * 3_600_000);
    const cycleAt = async (hours: number) => {
      await fetch(`${feedServer.base}/clock?at=${at(hours).getTime()}`);
      await fetch(`${feedServer.base}/reset`);
      const summary = await runPollCycle(deps, at(hours));
      const served = (await (await fetch(`${feedServer.base}/stats`)).json()) as { requests: number };
      return { summary, requests: served.requests };
    };
    log('cold cycle (every feed read once, its schedule set from its history)…');
    await cycleAt(0);
    log('24 hourly cycles…');
    const hours = [];
    for (let h = 1; h <= 24; h++) hours.push(await cycleAt(h));
    const latencies = (await (await fetch(`${feedServer.base}/latency?from=${start}&to=${at(24).getTime()}`)).json()) as { measured: number[]; hourly: number[] };
    const intervals = new Map<number, number>();
    const searchIds = [...watchedBy.keys()].map((c) => companySources({ name: companyName(c), aliases: [], feeds: [] }, config.newsBaseUrl)[0]!.id);
    for (const source of await repos.sources.getMany(searchIds)) {
      intervals.set(source.intervalHours ?? 0, (intervals.get(source.intervalHours ?? 0) ?? 0) + 1);
    }
    const requests = hours.reduce((n, c) => n + c.requests, 0);
    const writes = hours.reduce((n, c) => n + c.summary.tableWrites, 0);
    const found = latencies.measured.filter(Number.isFinite);
    const result = {
      setup: { feeds, mix: ACTIVITY_MIX, latencyMs: latency },
      day: {
        requests,
        everyFeedHourly: feeds * 24,
        saved: +(1 - requests / (feeds * 24)).toFixed(3),
        tableWrites: writes,
        tableWritesBy: hours.reduce((sum, c) => ({ leases: sum.leases + c.summary.tableWritesBy.leases, feedStates: sum.feedStates + c.summary.tableWritesBy.feedStates, stories: sum.stories + c.summary.tableWritesBy.stories, alerts: sum.alerts + c.summary.tableWritesBy.alerts }), { leases: 0, feedStates: 0, stories: 0, alerts: 0 }),
        newStories: hours.reduce((n, c) => n + c.summary.newStories, 0),
        alertsSent: hours.reduce((n, c) => n + c.summary.alertsSent, 0),
      },
      storyToAlertMinutes: {
        stories: latencies.measured.length,
        foundWithinTheDay: found.length,
        p50: +percentile(latencies.measured, 0.5).toFixed(0),
        p95: +percentile(latencies.measured, 0.95).toFixed(0),
        hourlyPollingP50: +percentile(latencies.hourly, 0.5).toFixed(0),
        hourlyPollingP95: +percentile(latencies.hourly, 0.95).toFixed(0),
      },
      intervalsAfterTheDay: Object.fromEntries([...intervals].sort((a, b) => a[0] - b[0]).map(([h, n]) => [`${h}h`, n])),
    };
    if (asJson) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      log('');
      log(`feeds: ${feeds}; mix ${ACTIVITY_MIX.map((m) => `${Math.round(m.share * 100)} % ${m.label} (${m.perDay}/day)`).join(', ')}`);
      log(`requests per day: ${requests} (every feed hourly: ${feeds * 24}; ${Math.round(result.day.saved * 100)} % fewer); table writes per day ${writes} ${JSON.stringify(result.day.tableWritesBy)}`);
      log(`story → alert:    p50 ${result.storyToAlertMinutes.p50} min, p95 ${result.storyToAlertMinutes.p95} min over ${latencies.measured.length} stories (hourly polling: p50 ${result.storyToAlertMinutes.hourlyPollingP50}, p95 ${result.storyToAlertMinutes.hourlyPollingP95})`);
      log(`intervals after the day: ${JSON.stringify(result.intervalsAfterTheDay)}`);
    }
  } finally {
    feedServer.child.kill();
    stack.child.kill();
  }
}

// ── --big-feed: the 20,000-item feed in a cycle, and GET /health while it runs, in local mode ──

/**
 * GETs `url` one request after another (5 ms apart) until stdin closes, then prints the latencies'
 * count, p50, p99 and maximum. It runs in its own process, so its timers are not those of the
 * event loop it measures.
 */
function probeHealth(url: string): void {
  const latencies: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let stopping = false;
  const once = () => {
    if (stopping) return;
    const started = performance.now();
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          setTimeout(once, 5);
        });
      })
      .on('error', () => setTimeout(once, 5));
  };
  process.stdin.on('data', () => undefined);
  process.stdin.on('end', () => {
    stopping = true;
    process.stdout.write(`${JSON.stringify(latencyStats(latencies))}\n`);
    process.exit(0);
  });
  process.stdout.write(`${JSON.stringify({ probing: url })}\n`);
  once();
}

interface LatencyStats {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function latencyStats(latencies: number[]): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1);
  return { requests: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

/** Probes /health for as long as `during` runs. */
async function healthDuring<T>(url: string, during: () => Promise<T>): Promise<{ result: T; health: LatencyStats }> {
  const probe = spawn(process.execPath, [...process.execArgv, SCRIPT, '--health-probe', url], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buf = '';
  const ready = new Promise<void>((resolve) =>
    probe.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines.push(...parts);
      if (lines.length > 0) resolve();
    }),
  );
  await ready;
  const result = await during();
  const exited = new Promise((resolve) => probe.once('exit', resolve));
  probe.stdin!.end();
  await exited;
  if (buf) lines.push(buf);
  return { result, health: JSON.parse(lines.at(-1)!) as LatencyStats };
}

/**
 * Local mode's composition in this one process — dynalite and the mail catcher, the API, and the
 * poll cycle the scheduler runs — with the usual companies plus one subscriber's 20,000-item feed.
 */
async function benchBigFeed(): Promise<void> {
  const { companies, subscribers, items, latency, asJson, log } = benchOptions();
  const now = new Date();
  // --stack-apart: dynalite and the mail catcher in a child process, as DynamoDB and SES are on
  // AWS, to tell the poll cycle's own blocking from the in-process database's.
  const apart = process.argv.includes('--stack-apart') ? await startChild<{ dynamodbPort: number; sesPort: number }>(['--stack']) : null;
  const servers = apart ? { ...apart.ready, stop: async () => void apart.child.kill() } : await startLocalServers({ dynamodbPort: 0, sesPort: 0, dataDir: null });
  const feedServer = await startFeedServer(latency, items, now.getTime());
  let api: http.Server | undefined;
  try {
    const config = benchConfig(feedServer.base, servers);
    const services = createServices(config, { service: 'bench', mailCatcherUrl: config.sesEndpoint });
    await ensureTable(createDocumentClient(config), config.tableName);
    log(`seeding ${subscribers} subscribers watching ${companies} companies, and one more with a ${BIG_FEED_ITEMS}-item feed…`);
    await seedWorkload({ repos: services.repos, config }, { companies, subscribers }, now);
    const mallory = benchSubscriber('mallory', now);
    await services.repos.subscribers.save(mallory);
    const flooded = { ...benchCompany(mallory.id, companyName(0), now), feeds: [`${feedServer.base}/big`] };
    await services.repos.companies.put(await syncCompanySources({ repos: services.repos, config }, flooded, now));

    api = createAdaptorServer({ fetch: createHttpApp(services).fetch }) as http.Server;
    await new Promise<void>((resolve) => api!.listen(0, '127.0.0.1', resolve));
    const healthUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/health`;

    log('GET /health while idle (2 s)…');
    const idle = await healthDuring(healthUrl, () => new Promise((r) => setTimeout(r, 2_000)));
    log('GET /health during a cold cycle with the big feed…');
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
    loop.enable();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const during = await healthDuring(healthUrl, () => runPollCycle(pollDepsFrom(services), now));
    const cycleMs = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    loop.disable();
    if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
    const loopDelay = { p50Ms: +(loop.percentile(50) / 1e6).toFixed(1), p99Ms: +(loop.percentile(99) / 1e6).toFixed(1), maxMs: +(loop.max / 1e6).toFixed(1) };
    const summary = during.result;
    const result = {
      setup: {
        companies,
        subscribers,
        bigFeedItems: BIG_FEED_ITEMS,
        latencyMs: latency,
        inOneProcess: apart ? 'API and the poll cycle (dynalite and the mail catcher apart)' : 'API, dynalite, mail catcher and the poll cycle, as in local mode',
      },
      cycle: { ms: cycleMs, cpuMs: Math.round((used.user + used.system) / 1000), requests: summary.requests, itemsSeen: summary.itemsSeen, newStories: summary.newStories, failures: summary.failures },
      healthIdle: idle.health,
      healthDuringCycle: during.health,
      eventLoopDelayDuringCycle: loopDelay,
    };
    if (asJson) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      log('');
      log(`in one process:   ${result.setup.inOneProcess}`);
      log(`big-feed cycle:   ${(cycleMs / 1000).toFixed(2)} s wall, ${(result.cycle.cpuMs / 1000).toFixed(2)} s CPU (this process); ${summary.requests} requests, ${summary.itemsSeen} items read (the big feed: its newest 200), ${summary.newStories} new stories`);
      log(`GET /health idle: p50 ${idle.health.p50Ms} ms, p99 ${idle.health.p99Ms} ms, max ${idle.health.maxMs} ms (${idle.health.requests} requests)`);
      log(`during the cycle: p50 ${during.health.p50Ms} ms, p99 ${during.health.p99Ms} ms, max ${during.health.maxMs} ms (${during.health.requests} requests)`);
      log(`event-loop delay during the cycle: p50 ${loopDelay.p50Ms} ms, p99 ${loopDelay.p99Ms} ms, max ${loopDelay.maxMs} ms`);
    }
  } finally {
    if (api) await new Promise((r) => api!.close(r));
    feedServer.child.kill();
    await servers.stop();
  }
}

if (process.argv[2] === '--feed-server') {
  serveFeeds(Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5]));
} else if (process.argv[2] === '--stack') {
  serveStack();
} else if (process.argv[2] === '--health-probe') {
  probeHealth(process.argv[3]!);
} else {
  (process.argv.includes('--big-feed') ? benchBigFeed() : process.argv.includes('--day') ? benchDay() : main()).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench-poll: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
