/**
 * The poll cycle (DESIGN.md §2, §5) as a pipeline of named steps over one cycle context
 * (./cycle.ts), each in ./steps:
 *
 *   plan due sources → lease → fetch (conditional GET) → parse → normalize → keep relevant →
 *   match with seen → classify → store → alert → record feed state
 *
 * Each company's sources are fetched once per cycle for all their watchers, with bounded
 * concurrency and per-host politeness; a 304 writes no items; one failing source or company never
 * stops the others; only new, relevant, fresh, positive stories lead to alerts. The summary is
 * derived from what the steps returned (./summary.ts).
 *
 * Triggers are at-least-once (scheduler retries, SQS redelivery, a local `poll --once` beside the
 * scheduler), so each due source is leased before it is fetched (./steps/lease.ts).
 *
 * On AWS, `planPolls` runs on the hourly schedule and sends one SQS message per batch;
 * `pollSources` handles a message. Locally and in tests, `runPollCycle` does both.
 */
import type { FeedSource } from '../../domain/feed-source.js';
import { DAY_MS } from '../../domain/durations.js';
import type { WatchedCompany } from '../../domain/company.js';
import { startCycle, yieldToEventLoop, type PollCycle } from './cycle.js';
import { settleAll } from './host-limiter.js';
import type { PollDeps } from './poll-deps.js';
import { alertGoodNews, whoHearsOfIt } from './steps/alert.js';
import { classifyNews, type StoryChange } from './steps/classify.js';
import { fetchSource } from './steps/fetch.js';
import { leaseSources } from './steps/lease.js';
import { MATCH_STORIES_LIMIT, MATCH_WINDOW_DAYS, matchWithSeen } from './steps/match.js';
import { sourcedItems } from './steps/normalize.js';
import { readAttempt, type SourceRead } from './steps/parse.js';
import { groupByCompany, isDue, toBatches, type PollBatch } from './steps/plan.js';
import { feedStates, statesAfterStoreFailure } from './steps/record-state.js';
import { keepRelevant } from './steps/relevance.js';
import { noNews, summarizeCycle, type CompanyPoll, type NewsTally, type PollSummary } from './summary.js';

export type { PollBatch, PollDeps, PollSummary };
export { POLL_LEASE_MS } from './steps/lease.js';

/** The due sources, grouped by company (one SQS message per group on AWS). */
export async function planPolls(deps: Pick<PollDeps, 'repos'>, now: Date): Promise<PollBatch[]> {
  return toBatches(await deps.repos.sources.listDue(now));
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

/** Polls sources already loaded and due, company by company. */
async function pollDueSources(deps: PollDeps, due: FeedSource[], now: Date): Promise<PollSummary> {
  const cycle = startCycle(deps, now);
  const companies = groupByCompany(due);
  // More companies in progress than fetch slots, so storing one company overlaps fetching others.
  const polls = await settleAll(companies, (deps.concurrency ?? 8) * 2, (sources) => pollCompany(cycle, sources));
  for (const p of polls) {
    if (p.status === 'rejected') deps.logger?.error('polling a company failed', { error: errorText(p.reason) });
  }
  let lastWritesFailed = false;
  try {
    await cycle.writer.flush();
  } catch (err) {
    lastWritesFailed = true;
    deps.logger?.error('writing the last stories or feed states failed', { error: errorText(err) });
  }
  return summarizeCycle(due.length, polls, lastWritesFailed);
}

/** One company: lease → fetch → parse → find its news → store with the feed states → alert. */
async function pollCompany(cycle: PollCycle, due: FeedSource[]): Promise<CompanyPoll> {
  const { leased, leasedElsewhere } = await leaseSources(cycle, due);
  const reads = await Promise.all(
    leased.map(async (source) => {
      const attempt = await fetchSource(cycle, source);
      await yieldToEventLoop();
      return readAttempt(attempt, cycle.deps.logger);
    }),
  );
  const result = (news: NewsTally, failed = false): CompanyPoll => ({ due: due.length, leasedElsewhere, reads, news, failed });
  if (leased.length === 0) return result(noNews());

  const company = { key: leased[0]!.companyKey, name: leased[0]!.companyName };
  const states = feedStates(reads, cycle.now, cycle.random);
  let found: FoundNews;
  try {
    found = await findNews(cycle, company, reads);
    await cycle.writer.commit({ stories: found.changes.map((c) => c.after), states });
  } catch (err) {
    cycle.deps.logger?.error('polling a company failed', { companyKey: company.key, error: errorText(err) });
    await cycle.writer.commit({ stories: [], states: statesAfterStoreFailure(reads, cycle.now, cycle.random) });
    return result(noNews(sourcedItems(reads).length), true);
  }
  const plans = whoHearsOfIt(found.changes, found.watchers, cycle.now);
  const alerts = await alertGoodNews(cycle.deps, plans, cycle.now, cycle.alerts);
  return result({
    ...found.tally,
    newStories: found.changes.filter((c) => c.before === null).length,
    itemWrites: found.changes.length,
    positiveStories: new Set(plans.map((p) => p.view.id)).size,
    alerts,
  });
}

/** What a company's reads hold that is news: new stories, and known ones with copies from new sources. */
interface FoundNews {
  watchers: WatchedCompany[];
  changes: StoryChange[];
  tally: Pick<NewsTally, 'itemsSeen' | 'staleItems' | 'relevantItems'>;
}

/** normalize → keep relevant → match with seen → classify. */
async function findNews(cycle: PollCycle, company: { key: string; name: string }, reads: readonly SourceRead[]): Promise<FoundNews> {
  const { deps, now } = cycle;
  const items = sourcedItems(reads);
  const nothing = (watchers: WatchedCompany[], tally: Partial<FoundNews['tally']> = {}): FoundNews => ({
    watchers,
    changes: [],
    tally: { itemsSeen: items.length, staleItems: 0, relevantItems: 0, ...tally },
  });
  if (items.length === 0) return nothing([]);
  const watchers = await deps.repos.companies.listWatchers(company.key);
  if (watchers.length === 0) return nothing(watchers);

  await yieldToEventLoop();
  const { relevant, stale } = keepRelevant(items, watchers, now);
  if (relevant.length === 0) return nothing(watchers, { staleItems: stale });

  const stored = await deps.repos.news.listSince(company.key, new Date(now.getTime() - MATCH_WINDOW_DAYS * DAY_MS), MATCH_STORIES_LIMIT);
  // New to us (not among the stored ones). A concurrent poller may write the same ids; that is the
  // same story, and the alert claims keep alerts to one each.
  const matched = matchWithSeen(company.key, relevant, stored);
  await yieldToEventLoop();
  const changes = classifyNews(deps, company, matched, watchers, now);
  await yieldToEventLoop();
  return { watchers, changes, tally: { itemsSeen: items.length, staleItems: stale, relevantItems: relevant.length } };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
