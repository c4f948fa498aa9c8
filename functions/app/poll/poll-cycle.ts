/**
 * The poll cycle (DESIGN.md §2, §5) as a pipeline of named steps over one cycle context
 * (./cycle.ts), each in ./steps:
 *
 *   plan due sources → lease → fetch (conditional GET) → parse → normalize → keep relevant →
 *   match with seen → classify → alert: record → store → record feed state → alert: send
 *
 * A company's alerts are recorded in the outbox before its stories and feed states are written
 * (so no crash leaves a stored story whose alerts were never recorded), then sent by the cycle's
 * one sender while other companies are polled; at the end it sends what earlier runs left.
 *
 * Each company's sources are fetched once per cycle for all their watchers, with bounded
 * concurrency and per-host politeness; healthy feeds are asked on their schedule, as often as
 * they publish; an unchanged feed writes nothing; a news search that keeps failing is stood in for
 * by its fallback (./steps/fallback.ts); one failing source or company never stops the others;
 * only new, relevant, fresh, positive stories lead to alerts, each to the people whose own source
 * carried it. The summary is derived from what the steps returned (./summary.ts), and counts
 * every write the cycle made (./table-writes.ts).
 *
 * Triggers are at-least-once (scheduler retries, SQS redelivery, a local `poll --once` beside the
 * scheduler), so due sources are leased before they are fetched (./steps/lease.ts).
 *
 * On AWS, `planPolls` runs on the hourly schedule and sends one SQS message per batch of scheduled
 * sources and one per company with new or failing sources; `pollBatch` and `pollSources` handle
 * them. Locally and in tests, `runPollCycle` does all of it.
 */
import type { WatchedCompany } from '../../domain/company.js';
import { DAY_MS } from '../../domain/durations.js';
import type { FeedSource } from '../../domain/feed-source.js';
import { batchesFor, pollLane, slotFromName, slotName } from '../../domain/news-watch/poll-schedule.js';
import { alertComposer } from '../alerts/send-alerts.js';
import { deliverDueMessages, listDueMessages } from '../outbox/deliver-due.js';
import type { MessageRef } from '../outbox/ports.js';
import type { RunDeadline } from '../run-deadline.js';
import { POLL_STOP_RESERVE_MS, startCycle, type PollCycle } from './cycle.js';
import { settleAll } from './host-limiter.js';
import type { PollDeps } from './poll-deps.js';
import type { BatchPollMessage, PollMessage } from './poll-message.js';
import { addTallies, NO_ALERTS, recordGoodNews, sendRecorded, whoHearsOfIt, type AlertPlan, type RecordedAlerts } from './steps/alert.js';
import { classifyNews, type StoryChange } from './steps/classify.js';
import { startFallbacks, recovered, stoodDown } from './steps/fallback.js';
import { fetchSource } from './steps/fetch.js';
import { finishSlot, holdSlot, leaseSources, resumeSlot, type SlotHold } from './steps/lease.js';
import { feedsWithNewCopies, MATCH_STORIES_LIMIT, MATCH_WINDOW_DAYS, matchWithSeen } from './steps/match.js';
import { sourcedItems } from './steps/normalize.js';
import { readAttempt, type SourceRead } from './steps/parse.js';
import { byBatch, groupByCompany, isDue, notYetAsked, planDueSources } from './steps/plan.js';
import { feedStates, statesAfterStoreFailure } from './steps/record-state.js';
import { keepRelevant } from './steps/relevance.js';
import { noNews, summarizeCycle, type CompanyPoll, type NewsTally, type PollSummary } from './summary.js';
import { countingTableWrites, type TableWrites } from './table-writes.js';

export type { PollDeps, PollSummary };
export { POLL_LEASE_MS } from './steps/lease.js';

/**
 * One plan + poll over everything due, then the alerts earlier runs left pending: what `poll
 * --once`, the local scheduler and tests run. `deadline`: when to stop taking new work.
 */
export async function runPollCycle(deps: PollDeps, now: Date, deadline?: RunDeadline): Promise<PollSummary> {
  const { deps: counting, writes } = countingTableWrites(deps);
  const cycle = startCycle(counting, now, deadline);
  const due = await planDueSources(counting.repos.sources, now);
  // A cycle of the last hour that died, or is still running, leaves its batches to be dealt with first.
  const dueNow = [...due.scheduled, ...due.instant];
  const previous = await resumeSlot(cycle, due.slot - 1, new Set(dueNow.map((s) => s.id)));
  const current = await holdSlot(cycle, due.slot, dueNow.filter((s) => !previous.busy.has(s.id)), { wholeSlot: true });
  // What came due after its batch was done this hour is leased on its own; a scheduled feed there was asked.
  const cameDueSince = current.inDoneBatches.filter((s) => pollLane(s) === 'instant');
  return pollLeased(cycle, writes, {
    sourcesDue: current.leased.length + current.leasedElsewhere + cameDueSince.length + previous.hold.leased.length,
    leasedElsewhere: current.leasedElsewhere,
    leased: [...current.leased, ...previous.hold.leased],
    toLease: cameDueSince,
    holds: [current, previous.hold],
    deliverLeftovers: true,
  });
}

/**
 * The hourly planner on AWS: the messages to queue — one per batch of the hour's scheduled sources
 * (the planner reads only the poll index; the first poller to take a batch creates the hour's plan
 * with the planner's number of batches), one per company with new or failing sources. Run again
 * for the same hour it sends the same batches, and a poller finds those already done.
 */
export async function planPolls(deps: Pick<PollDeps, 'repos'> & { repos: { sources: Pick<PollDeps['repos']['sources'], 'listDue' | 'listScheduled'> } }, now: Date): Promise<PollMessage[]> {
  const due = await planDueSources(deps.repos.sources, now);
  const slot = slotName(due.slot);
  const batches = batchesFor(due.scheduled.length);
  const batchMessages: BatchPollMessage[] = [...byBatch(due.scheduled, batches)].map(([index, sources]) => ({
    batch: { slot, index, of: batches },
    sourceIds: sources.map((s) => s.id),
  }));
  const companies = groupByCompany(due.instant).map((group) => ({ companyKey: group[0]!.companyKey, sourceIds: group.map((s) => s.id) }));
  return [...batchMessages, ...companies];
}

/**
 * One batch of a slot's scheduled sources (a queue message): leased as a whole, or left to whoever
 * holds it. The poller of the hour's first batch also sends the alerts earlier runs left pending
 * (one poller, not every one, queries for them; the hourly mail run does too).
 */
export async function pollBatch(deps: PollDeps, batch: BatchPollMessage['batch'], sourceIds: readonly string[], now: Date, deadline?: RunDeadline): Promise<PollSummary> {
  const { deps: counting, writes } = countingTableWrites(deps);
  const cycle = startCycle(counting, now, deadline);
  const slot = slotFromName(batch.slot);
  const loaded = slot === null ? [] : await counting.repos.sources.getMany(sourceIds);
  const due = loaded.filter((s) => pollLane(s) === 'scheduled' && notYetAsked(s, slot!, now));
  const hold = slot === null ? null : await holdSlot(cycle, slot, due, { wholeSlot: false, only: batch.index, batches: batch.of });
  return pollLeased(cycle, writes, {
    sourcesDue: due.length - (hold?.inDoneBatches.length ?? 0),
    leasedElsewhere: hold?.leasedElsewhere ?? 0,
    leased: hold?.leased ?? [],
    toLease: [],
    holds: hold ? [hold] : [],
    deliverLeftovers: batch.index === 0,
  });
}

/**
 * Polls the given new or failing sources (one company's queue message); those not due any more,
 * healthy (on their schedule), disabled or gone are skipped, so a redelivered message does
 * nothing new.
 */
export async function pollSources(deps: PollDeps, sourceIds: readonly string[], now: Date, deadline?: RunDeadline): Promise<PollSummary> {
  const { deps: counting, writes } = countingTableWrites(deps);
  const cycle = startCycle(counting, now, deadline);
  const due = (await counting.repos.sources.getMany(sourceIds)).filter((s) => isDue(s, now));
  return pollLeased(cycle, writes, { sourcesDue: due.length, leasedElsewhere: 0, leased: [], toLease: due, holds: [], deliverLeftovers: false });
}

/** What a cycle is to poll: sources it already holds, and sources still to lease one by one. */
interface CycleWork {
  sourcesDue: number;
  leasedElsewhere: number;
  leased: FeedSource[];
  toLease: FeedSource[];
  holds: SlotHold[];
  /** Also send the alerts earlier runs left pending. */
  deliverLeftovers: boolean;
}

/**
 * Polls company by company (one failure never stops the rest), writes what is left, finishes the
 * batches held, and sends the alerts: this cycle's, then those earlier runs left. Once its deadline
 * nears it starts no new company and gives back the batches it did not get to.
 */
async function pollLeased(cycle: PollCycle, writes: TableWrites, work: CycleWork): Promise<PollSummary> {
  const { deps } = cycle;
  const held = new Set(work.leased.map((s) => s.id));
  const companies = groupByCompany([...work.leased, ...work.toLease]).map((sources) => ({
    leased: sources.filter((s) => held.has(s.id)),
    toLease: sources.filter((s) => !held.has(s.id)),
  }));
  // What earlier runs left is listed now, while the feeds are fetched, and sent at the end.
  const leftoversDue = work.deliverLeftovers
    ? listDueMessages(deps).catch((err: unknown) => {
        deps.logger?.error('listing the alerts earlier runs left failed; the next run sends them', { error: errorText(err) });
        return [];
      })
    : null;
  const notAsked = new Set<string>();
  let notReached = 0;
  // More companies in progress than fetch slots, so storing one company overlaps fetching others.
  const polls = await settleAll(companies, cycle.concurrency * 2, async (company) => {
    if (cycle.deadline.remainingMs() < POLL_STOP_RESERVE_MS) {
      notReached++;
      for (const s of [...company.leased, ...company.toLease]) notAsked.add(s.id);
      return null;
    }
    return pollCompany(cycle, company);
  });
  const reached = polls.flatMap((p): PromiseSettledResult<CompanyPoll>[] => (p.status === 'fulfilled' && p.value === null ? [] : [p as PromiseSettledResult<CompanyPoll>]));
  for (const p of reached) {
    if (p.status === 'rejected') deps.logger?.error('polling a company failed', { error: errorText(p.reason) });
  }
  let lastWritesFailed = false;
  try {
    await cycle.writer.flush();
  } catch (err) {
    lastWritesFailed = true;
    deps.logger?.error('writing the last stories or feed states failed', { error: errorText(err) });
  }
  // Asked is asked: even when a write failed (those feeds are asked again next time they are due).
  for (const hold of work.holds) await finishSlot(cycle, hold, notAsked);
  if (notReached > 0) deps.logger?.warn('poll stopped early: companies left for the next cycle', { companies: notReached });

  const alerts = (await Promise.all(reached.map((p) => (p.status === 'fulfilled' ? (p.value.sending ?? NO_ALERTS) : NO_ALERTS)))).reduce(addTallies, NO_ALERTS);
  // Then what earlier runs left (this cycle's own were tried above), unless it was told to stop.
  const own = new Set(reached.flatMap((p) => (p.status === 'fulfilled' ? (p.value.recorded ?? []) : [])));
  const leftovers =
    leftoversDue && !cycle.sender.stopped
      ? await deliverDueMessages(deps, cycle.sender, { alert: alertComposer(deps, cycle.alerts) }, cycle.now, { skip: (m) => own.has(refKey(m)), listed: leftoversDue })
      : [];
  return summarizeCycle(
    {
      sourcesDue: work.sourcesDue,
      leasedElsewhere: work.leasedElsewhere,
      lastWritesFailed,
      writes,
      notReached,
      alerts,
      recovered: leftovers.filter((l) => l.result === 'sent').length,
      leftPending: leftovers.filter((l) => l.result === 'pending' || l.result === 'failed').length,
      outbox: cycle.sender.tally,
    },
    reached,
  );
}

/** Fetches and parses one source, letting queued work run in between. */
async function readSource(cycle: PollCycle, source: FeedSource): Promise<SourceRead> {
  const attempt = await fetchSource(cycle, source);
  return cycle.cpu(() => readAttempt(attempt, cycle.deps.logger));
}

/** One company: lease → fetch → parse (→ fallback) → find its news → store with the feed states → alert. */
async function pollCompany(cycle: PollCycle, company: { leased: FeedSource[]; toLease: FeedSource[] }): Promise<CompanyPoll> {
  const { leased, leasedElsewhere } = await leaseSources(cycle, company.toLease);
  const sources = [...company.leased, ...leased];
  const firstReads = await Promise.all(sources.map((source) => readSource(cycle, source)));
  const due = company.leased.length + company.toLease.length;
  if (sources.length === 0) return { due, leasedElsewhere, reads: [], news: noNews(), failed: false };
  const fallbacks = await startFallbacks(cycle, firstReads, (source) => readSource(cycle, source));
  const reads = [...firstReads, ...fallbacks.reads];
  const result = (news: NewsTally, failed = false): CompanyPoll => ({ due, leasedElsewhere, reads, news, failed });

  const key = sources[0]!.companyKey;
  let found: FoundNews;
  let plans: AlertPlan[];
  let recorded: RecordedAlerts;
  try {
    found = await findNews(cycle, { key, name: sources[0]!.companyName }, reads);
    const states = feedStates(reads, cycle.now, cycle.random, { broughtNewStories: found.newFrom, adjust: await fallbackChanges(cycle, reads, fallbacks.inUse) });
    const changes = found.changes;
    plans = await cycle.cpu(() => whoHearsOfIt(changes, found.watchers, cycle.now));
    // The alerts are in the outbox before their stories are stored: a run that dies in between
    // leaves stories a later run finds new again (their feeds' validators were not saved either).
    recorded = await recordGoodNews(cycle, plans);
    await cycle.writer.commit({ stories: changes.map((c) => c.after), states });
  } catch (err) {
    cycle.deps.logger?.error('polling a company failed', { companyKey: key, error: errorText(err) });
    await cycle.writer.commit({ stories: [], states: statesAfterStoreFailure(reads, cycle.now, cycle.random) });
    // Nothing of it was stored, so its news (and any alert not recorded) comes back as new next cycle.
    return result(noNews(sourcedItems(reads).length), true);
  }
  return {
    ...result({
      ...found.tally,
      newStories: found.changes.filter((c) => c.before === null).length,
      itemWrites: found.changes.length,
      positiveStories: new Set(plans.map((p) => p.view.id)).size,
      alerts: recorded.tally,
    }),
    // Sent one at a time by the cycle's sender while other companies are polled; awaited at the end.
    sending: sendRecorded(cycle, recorded.messages),
    recorded: recorded.messages.map((r) => refKey(r.message)),
  };
}

const refKey = (ref: MessageRef) => `${ref.subscriberId}\n${ref.kind}\n${ref.key}`;

/**
 * How the fallbacks change the company's feed states: a news search whose fallback was put in use
 * now records it; one that answered again stands its fallback down (saved here when the fallback
 * was not read in this cycle).
 */
async function fallbackChanges(cycle: PollCycle, reads: readonly SourceRead[], inUse: ReadonlyMap<string, string>): Promise<(after: FeedSource) => FeedSource> {
  const back = recovered(reads);
  const standingDown = new Set(back.map((b) => b.fallback));
  const unread = back.filter((b) => !reads.some((r) => r.source.id === b.fallback));
  for (const fallback of await (unread.length > 0 ? cycle.deps.repos.sources.getMany(unread.map((b) => b.fallback)) : Promise.resolve([]))) {
    if (!fallback.disabled) await cycle.deps.repos.sources.save(stoodDown(fallback));
  }
  if (back.length > 0) cycle.deps.logger?.info('news search answers again: its fallback stands down', { sourceIds: back.map((b) => b.primary) });
  return (after) => {
    if (standingDown.has(after.id)) return stoodDown(after);
    if (back.some((b) => b.primary === after.id)) return { ...after, fallbackInUse: undefined };
    const fallback = inUse.get(after.id);
    return fallback ? { ...after, fallbackInUse: fallback } : after;
  };
}

/** What a company's reads hold that is news: new stories, and known ones with copies from new sources. */
interface FoundNews {
  watchers: WatchedCompany[];
  changes: StoryChange[];
  /** The feeds whose items became new copies. */
  newFrom: Set<string>;
  tally: Pick<NewsTally, 'itemsSeen' | 'staleItems' | 'relevantItems'>;
}

/** normalize → keep relevant → match with seen → classify. */
async function findNews(cycle: PollCycle, company: { key: string; name: string }, reads: readonly SourceRead[]): Promise<FoundNews> {
  const { deps, now } = cycle;
  const items = sourcedItems(reads);
  const nothing = (watchers: WatchedCompany[], tally: Partial<FoundNews['tally']> = {}): FoundNews => ({
    watchers,
    changes: [],
    newFrom: new Set(),
    tally: { itemsSeen: items.length, staleItems: 0, relevantItems: 0, ...tally },
  });
  if (items.length === 0) return nothing([]);
  const watchers = await deps.repos.companies.listWatchers(company.key);
  if (watchers.length === 0) return nothing(watchers);

  const { relevant, stale } = await cycle.cpu(() => keepRelevant(items, watchers, now));
  if (relevant.length === 0) return nothing(watchers, { staleItems: stale });

  const stored = await deps.repos.news.listSince(company.key, new Date(now.getTime() - MATCH_WINDOW_DAYS * DAY_MS), MATCH_STORIES_LIMIT);
  const matched = await cycle.cpu(() => matchWithSeen(company.key, relevant, stored));
  // New to us (not among the stored ones). A concurrent poller may write the same ids; that is the
  // same story, and the outbox keeps alerts to one each.
  const changes = await cycle.cpu(() => classifyNews(deps, company, matched, watchers, now));
  return { watchers, changes, newFrom: feedsWithNewCopies(matched), tally: { itemsSeen: items.length, staleItems: stale, relevantItems: relevant.length } };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
