/**
 * The poll cycle (DESIGN.md §2, §5): plan → fetch → parse → normalize → relevance → dedupe/store →
 * classify → alert. Each company's sources are fetched once per cycle for all their watchers, with
 * bounded concurrency and per-host politeness; a 304 writes no items; one failing source never
 * stops the others; only new, relevant, fresh, positive stories lead to alerts.
 *
 * Triggers are at-least-once (scheduler retries, SQS redelivery, a local `poll --once` beside the
 * scheduler), so each due source is leased with one conditional write before it is fetched: of
 * two cycles running at once, only one fetches a given feed; the other counts it `leasedElsewhere`.
 *
 * On AWS, `planPolls` runs on the hourly schedule and sends one SQS message per batch;
 * `pollSources` handles a message. Locally and in tests, `runPollCycle` does both.
 */
import type { WatchedCompany } from '../../domain/company.js';
import type { FeedSource } from '../../domain/feed-source.js';
import { FeedParseError, parseFeed } from '../../domain/feed/parse-feed.js';
import { freshnessOf, isStale, STALE_AFTER_DAYS } from '../../domain/news-watch/freshness.js';
import { clusterStories, findStoredStory, type StoryCluster } from '../../domain/news-watch/dedupe.js';
import { afterPoll, type PollOutcome } from '../../domain/news-watch/feed-health.js';
import { foldedTextIsAbout, relevanceText } from '../../domain/news-watch/relevance.js';
import type { Classification, CompanyRef, Headline, NewsItem, Story } from '../../domain/news.js';
import type { ClassifyHeadline } from './collaborators.js';
import { alertWatchers, createAlertSession, type AlertDeps, type AlertSession, type AlertTally } from '../alerts/send-alerts.js';
import { AppError } from '../errors.js';
import type { CompanyRepository, FeedFetcher, FetchResult, NewsRepository, SourceRepository } from '../ports.js';
import { createHostLimiter, settleAll, type HostLimiter } from './host-limiter.js';
import { DAY_MS, MINUTE_MS } from '../../domain/durations.js';

/** Everything the poll cycle uses — what alerting needs, plus the feeds and the classifier; tests hand in fakes for any part. */
export interface PollDeps extends Omit<AlertDeps, 'repos' | 'config'> {
  repos: AlertDeps['repos'] & {
    sources: Pick<SourceRepository, 'get' | 'listDue' | 'saveMany' | 'lease'>;
    news: Pick<NewsRepository, 'putMany' | 'update' | 'listSince'>;
    companies: Pick<CompanyRepository, 'listWatchers'>;
  };
  config: AlertDeps['config'];
  classify: ClassifyHeadline;
  /** The safe feed fetcher (Services.fetchFeed). */
  fetchFeed: FeedFetcher;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Requests in flight to one host (default 6, what a browser allows itself). */
  perHostConcurrency?: number;
  /** Jitter source for backoff (default Math.random). */
  random?: () => number;
}

/** Sources of one company, polled together so their items are deduplicated together. */
export interface PollBatch {
  companyKey: string;
  sourceIds: string[];
}

/** What one cycle (or one batch) did: the figures `poll --once` prints. */
export interface PollSummary {
  sourcesDue: number;
  /** Due sources another cycle leased first: not fetched by this one. */
  leasedElsewhere: number;
  /** Feed requests made: one per due source, however many people watch its company. */
  requests: number;
  fetched: number;
  notModified: number;
  failures: number;
  throttled: number;
  gone: number;
  companies: number;
  itemsSeen: number;
  relevantItems: number;
  staleItems: number;
  newStories: number;
  /** Story writes: new stories plus known stories a new source also carried. */
  itemWrites: number;
  positiveStories: number;
  alertsSent: number;
  alertsSkipped: number;
  alertsFailed: number;
  /** Companies whose items could not be stored (their validators were not saved: retried next cycle). */
  companiesFailed: number;
}

const emptySummary = (): PollSummary => ({
  sourcesDue: 0,
  leasedElsewhere: 0,
  requests: 0,
  fetched: 0,
  notModified: 0,
  failures: 0,
  throttled: 0,
  gone: 0,
  companies: 0,
  itemsSeen: 0,
  relevantItems: 0,
  staleItems: 0,
  newStories: 0,
  itemWrites: 0,
  positiveStories: 0,
  alertsSent: 0,
  alertsSkipped: 0,
  alertsFailed: 0,
  companiesFailed: 0,
});

/**
 * How long a lease keeps other cycles off a source: the fetch time limit (20 s) plus waiting for a
 * slot, storing and saving, with a wide margin. A poller that dies mid-fetch leaves the source due
 * again after this, with no clean-up needed.
 */
export const POLL_LEASE_MS = 5 * MINUTE_MS;

/** Stored stories this recent are compared with new items (the freshness horizon plus the dedupe window). */
const MATCH_WINDOW_DAYS = STALE_AFTER_DAYS + 3;

/** The due sources, grouped by company (one SQS message per group on AWS). */
export async function planPolls(deps: Pick<PollDeps, 'repos'>, now: Date): Promise<PollBatch[]> {
  const due = await deps.repos.sources.listDue(now);
  const byCompany = new Map<string, string[]>();
  for (const source of due) {
    const ids = byCompany.get(source.companyKey) ?? [];
    ids.push(source.id);
    byCompany.set(source.companyKey, ids);
  }
  return [...byCompany].map(([companyKey, sourceIds]) => ({ companyKey, sourceIds }));
}

/** One plan + poll over everything due: what `poll --once`, the local scheduler and tests run. */
export async function runPollCycle(deps: PollDeps, now: Date): Promise<PollSummary> {
  const due = await deps.repos.sources.listDue(now);
  return pollDueSources(
    deps,
    due.filter((s) => isDue(s, now)),
    now,
  );
}

interface FetchedSource {
  source: FeedSource;
  outcome: PollOutcome;
  items: NewsItem[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

async function fetchSource(deps: PollDeps, limiter: HostLimiter, source: FeedSource, summary: PollSummary): Promise<FetchedSource> {
  summary.requests++;
  let result: FetchResult;
  try {
    result = await limiter.run(hostOf(source.url), () =>
      deps.fetchFeed(source.url, { validators: { etag: source.etag, lastModified: source.lastModified } }),
    );
  } catch (err) {
    summary.failures++;
    // The feed's health is shown to people: an unexpected error's own text stays in the log.
    const message = err instanceof AppError ? err.message : 'the feed could not be fetched because of an unexpected error; it will be tried again';
    deps.logger?.warn('feed fetch failed', { sourceId: source.id, companyKey: source.companyKey, error: err instanceof Error ? err.message : String(err) });
    return { source, outcome: { kind: 'failed', error: message, status: (err as { status?: number }).status }, items: [] };
  }
  switch (result.kind) {
    case 'not-modified':
      summary.notModified++;
      return { source, outcome: { kind: 'not-modified', etag: result.etag, lastModified: result.lastModified }, items: [] };
    case 'gone':
      summary.gone++;
      deps.logger?.warn('feed is gone (410): disabling it', { sourceId: source.id, companyKey: source.companyKey });
      return { source, outcome: { kind: 'gone' }, items: [] };
    case 'retry-later':
      summary.throttled++;
      deps.logger?.warn('feed asked to come back later', { sourceId: source.id, status: result.status, retryAfter: result.retryAfter?.toISOString() });
      return { source, outcome: { kind: 'retry-later', status: result.status, retryAfter: result.retryAfter }, items: [] };
    case 'ok':
      try {
        const feed = await parseFeed(result.text, { baseUrl: result.url });
        summary.fetched++;
        return { source, outcome: { kind: 'fetched', status: result.status, etag: result.etag, lastModified: result.lastModified }, items: feed.items };
      } catch (err) {
        summary.failures++;
        const message = err instanceof FeedParseError ? err.message : 'not a readable RSS/Atom feed';
        deps.logger?.warn('feed could not be parsed', { sourceId: source.id, error: err instanceof Error ? err.message : String(err) });
        return { source, outcome: { kind: 'failed', error: message, status: result.status }, items: [] };
      }
  }
}

/** The classifier's view of the company: its name and every other name its watchers use. */
function companyRef(name: string, watchers: readonly WatchedCompany[]): CompanyRef {
  const names = new Map<string, string>();
  for (const w of watchers) for (const n of [w.name, ...w.aliases]) if (n.toLowerCase() !== name.toLowerCase()) names.set(n.toLowerCase(), n);
  return { name, aliases: [...names.values()] };
}

function toStory(cluster: StoryCluster<NewsItem & { sourceId: string }>, companyKey: string, now: Date, classification: Classification): Story {
  const lead = cluster.lead;
  return {
    companyKey,
    id: cluster.id,
    title: lead.title,
    link: lead.link,
    publisher: lead.publisher,
    publishedAt: lead.publishedAt,
    summary: lead.summary,
    firstSeenAt: now.toISOString(),
    normalizedTitle: cluster.normalizedTitle,
    classification,
    sourceIds: [...new Set(cluster.copies.map((c) => c.sourceId))].sort(),
  };
}

/** A classifier failure must not lose the story: it is stored, and not congratulated. */
function classifySafely(deps: PollDeps, headline: Headline, ref: CompanyRef, now: Date): Classification {
  try {
    return deps.classify(headline, ref, { now });
  } catch (err) {
    deps.logger?.error('classifier failed', { error: err instanceof Error ? err.message : String(err) });
    return { polarity: 'neutral', event: null, congratulate: false, confidence: 0, reasons: ['classifier failed'] };
  }
}

/** Stores a company's new items as stories and alerts watchers about the positive ones. */
async function storeAndAlert(
  deps: PollDeps,
  companyKey: string,
  companyName: string,
  fetched: FetchedSource[],
  now: Date,
  summary: PollSummary,
  session: AlertSession,
  writer: CycleWriter,
): Promise<void> {
  const items = fetched.flatMap((f) => f.items.map((item) => ({ ...item, sourceId: f.source.id })));
  summary.itemsSeen += items.length;
  if (items.length === 0) return;
  const watchers = await deps.repos.companies.listWatchers(companyKey);
  if (watchers.length === 0) return;

  const fresh = items.filter((item) => {
    // Old news is never news again; undated items are kept (stored and shown, never congratulated).
    const old = freshnessOf(item.publishedAt, now) === 'stale';
    if (old) summary.staleItems++;
    return !old;
  });
  const relevant = fresh.filter((item) => {
    const text = relevanceText(item);
    return watchers.some((w) => foldedTextIsAbout(text, { name: w.name, aliases: w.aliases, exclude: w.exclude }));
  });
  summary.relevantItems += relevant.length;
  if (relevant.length === 0) return;

  const stored = await deps.repos.news.listSince(companyKey, new Date(now.getTime() - MATCH_WINDOW_DAYS * DAY_MS), 500);
  const ref = companyRef(companyName, watchers);
  const alertDeps: AlertDeps = deps;
  const newStories: Story[] = [];
  for (const cluster of clusterStories(companyKey, relevant)) {
    const known = findStoredStory(cluster, stored);
    if (known) {
      const newSources = cluster.copies.map((c) => c.sourceId).filter((id) => !known.sourceIds.includes(id));
      if (newSources.length > 0) {
        known.sourceIds = [...new Set([...known.sourceIds, ...newSources])].sort();
        await deps.repos.news.update(known);
        summary.itemWrites++;
      }
      continue;
    }
    // The same title far apart in time is two clusters but one id: the earliest copy names it.
    if (newStories.some((s) => s.id === cluster.id)) continue;
    const lead = cluster.lead;
    const classification = classifySafely(deps, { title: lead.title, summary: lead.summary, publishedAt: lead.publishedAt, link: lead.link }, ref, now);
    newStories.push(toStory(cluster, companyKey, now, classification));
  }
  if (newStories.length === 0) return;
  // New to us (not among the stored ones): written in batches, with other companies' new stories.
  // A concurrent poller may write the same ids; that is the same story, and the alert claims below
  // keep alerts to one each.
  await writer.addStories(newStories);
  summary.newStories += newStories.length;
  summary.itemWrites += newStories.length;
  const positive = newStories.filter((story) => story.classification?.congratulate && !isStale(story.publishedAt, now));
  summary.positiveStories += positive.length;
  // Newest first: when several good stories arrive at once, the most timely one gets the note.
  positive.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  for (const story of positive) {
    const tally: AlertTally = await alertWatchers(alertDeps, story, watchers, now, session);
    summary.alertsSent += tally.sent;
    summary.alertsSkipped += tally.skipped;
    summary.alertsFailed += tally.failed;
  }
}

/** Polls one company's sources: fetch all, store and alert, then record each source's health. */
async function pollCompany(
  deps: PollDeps,
  limiter: HostLimiter,
  sources: FeedSource[],
  now: Date,
  summary: PollSummary,
  session: AlertSession,
  writer: CycleWriter,
  cycle: CycleClock,
): Promise<void> {
  const random = deps.random ?? Math.random;
  const leased = await leaseSources(deps, sources, now, cycle, summary);
  if (leased.length === 0) return;
  const companyKey = leased[0]!.companyKey;
  const fetched = await Promise.all(leased.map((s) => fetchSource(deps, limiter, s, summary)));
  try {
    await storeAndAlert(deps, companyKey, leased[0]!.companyName, fetched, now, summary, session, writer);
  } catch (err) {
    // The new validators are not saved, so the next cycle fetches these items again.
    const failed = fetched.map((f) =>
      f.outcome.kind === 'fetched' ? { ...f, outcome: { kind: 'failed', error: 'storing its items failed' } as PollOutcome } : f,
    );
    await writer.addStates(failed.map((f) => ({ state: afterPoll(f.source, f.outcome, now, random()), fetched: false })));
    throw err;
  }
  // Recorded after the company's stories were handed to the writer, which writes stories before
  // the states that follow them: new validators are never saved before the items they cover.
  await writer.addStates(fetched.map((f) => ({ state: afterPoll(f.source, f.outcome, now, random()), fetched: f.outcome.kind === 'fetched' })));
}

/** Real time elapsed since the cycle began (the cycle's `now` may be a test's fixed instant). */
type CycleClock = () => number;

/**
 * Claims the company's sources for this cycle, each with one conditional write on the next attempt
 * it was loaded with. The lease runs from the moment it is taken, so late companies in a long cycle
 * are covered as well as the first. Only the sources this cycle won are fetched and saved.
 */
async function leaseSources(deps: PollDeps, sources: FeedSource[], now: Date, cycle: CycleClock, summary: PollSummary): Promise<FeedSource[]> {
  const leaseUntil = new Date(now.getTime() + cycle() + POLL_LEASE_MS);
  const won = await Promise.all(sources.map((s) => deps.repos.sources.lease(s.id, s.nextAttemptAt, leaseUntil)));
  const leased = sources.filter((_, i) => won[i]);
  summary.leasedElsewhere += sources.length - leased.length;
  if (leased.length < sources.length) {
    deps.logger?.debug('sources leased by another poll cycle', { companyKey: sources[0]!.companyKey, skipped: sources.length - leased.length });
  }
  return leased;
}

/**
 * The cycle's writes, batched 25 at a time across companies: new stories, then source states.
 * Stories always go out before the states queued after them. If a story batch fails, no source
 * that fetched new items saves its validators this cycle, so the next cycle fetches them again.
 */
interface CycleWriter {
  addStories(stories: Story[]): Promise<void>;
  addStates(states: Array<{ state: FeedSource; fetched: boolean }>): Promise<void>;
  flush(): Promise<void>;
}

const BATCH = 25;

function cycleWriter(deps: PollDeps): CycleWriter {
  let stories: Story[] = [];
  let states: Array<{ state: FeedSource; fetched: boolean }> = [];
  let storiesFailed = false;
  const flushStories = async () => {
    const batch = stories;
    stories = [];
    if (batch.length === 0) return;
    try {
      await deps.repos.news.putMany(batch);
    } catch (err) {
      storiesFailed = true;
      throw err;
    }
  };
  const flushStates = async () => {
    await flushStories();
    const batch = states.filter((s) => !(storiesFailed && s.fetched)).map((s) => s.state);
    states = [];
    if (batch.length > 0) await deps.repos.sources.saveMany(batch);
  };
  return {
    async addStories(more) {
      stories.push(...more);
      if (stories.length >= BATCH) await flushStories();
    },
    async addStates(more) {
      states.push(...more);
      if (states.length >= BATCH) await flushStates();
    },
    flush: flushStates,
  };
}

/** Polls sources already loaded and due, company by company: one failure never stops the rest. */
async function pollDueSources(deps: PollDeps, due: FeedSource[], now: Date): Promise<PollSummary> {
  const summary = emptySummary();
  summary.sourcesDue = due.length;
  const limiter = createHostLimiter({ total: deps.concurrency ?? 8, perHost: deps.perHostConcurrency ?? 6 });
  const byCompany = new Map<string, FeedSource[]>();
  for (const s of due) byCompany.set(s.companyKey, [...(byCompany.get(s.companyKey) ?? []), s]);
  summary.companies = byCompany.size;
  const session = createAlertSession();
  const writer = cycleWriter(deps);
  const started = performance.now();
  const cycle: CycleClock = () => Math.round(performance.now() - started);
  // More companies in progress than fetch slots, so storing one company overlaps fetching others.
  const results = await settleAll([...byCompany.values()], (deps.concurrency ?? 8) * 2, (sources) =>
    pollCompany(deps, limiter, sources, now, summary, session, writer, cycle),
  );
  for (const r of results) {
    if (r.status !== 'rejected') continue;
    summary.companiesFailed++;
    deps.logger?.error('polling a company failed', { error: r.reason instanceof Error ? r.reason.message : String(r.reason) });
  }
  try {
    await writer.flush();
  } catch (err) {
    summary.companiesFailed++;
    deps.logger?.error('writing the last stories or feed states failed', { error: err instanceof Error ? err.message : String(err) });
  }
  return summary;
}

/**
 * Polls the given sources (those not due any more, disabled or gone are skipped, so a redelivered
 * message does nothing new). Companies are handled independently: one failure never stops the rest.
 */
export async function pollSources(deps: PollDeps, sourceIds: readonly string[], now: Date): Promise<PollSummary> {
  const loaded = await settleAll([...new Set(sourceIds)], 16, (id) => deps.repos.sources.get(id));
  const due = loaded
    .map((r) => (r.status === 'fulfilled' ? r.value : null))
    .filter((s): s is FeedSource => s !== null && isDue(s, now));
  return pollDueSources(deps, due, now);
}

function isDue(source: FeedSource, now: Date): boolean {
  return !source.disabled && Date.parse(source.nextAttemptAt) <= now.getTime();
}
