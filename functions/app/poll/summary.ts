/**
 * What one cycle (or one batch) did — the figures `poll --once` prints — derived from what each
 * company's poll returned, never counted along the way.
 */
import { NO_ALERTS, addTallies, type AlertTally } from '../alerts/send-alerts.js';
import { emptyTally, type OutboxTally, type StopReason } from '../outbox/tally.js';
import type { SourceRead } from './steps/parse.js';
import { totalWrites, type TableWrites } from './table-writes.js';

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
  /** Alert mails sent by this cycle: its own, and those earlier runs left pending (`alertsRecovered`). */
  alertsSent: number;
  /** Watchers of good news who get no alert (nothing to offer them now, already alerted, …). */
  alertsSkipped: number;
  alertsFailed: number;
  /** Alerts recorded in the outbox and left pending for a later run (it stopped, or the mail service failed). */
  alertsPending: number;
  /** Of the alerts sent, those an earlier run recorded and did not send (it died or stopped). */
  alertsRecovered: number;
  /** Companies whose items could not be stored (their validators were not saved: retried next cycle). */
  companiesFailed: number;
  /** Companies not polled because the cycle was asked to stop (their batches were given back). */
  notReached: number;
  /** Why the cycle stopped early, if it did: its deadline came, or the mail service kept failing. */
  stopped: StopReason | null;
  /** What the cycle did with the outbox (its alerts): leased, expired, sent, retried, pending, dropped, … */
  outbox: OutboxTally;
  /** Every write the cycle made to the table, leases included (CONTRACTS.md `poll --once`). */
  tableWrites: number;
  tableWritesBy: TableWrites;
}

/** What the news steps found for one company. */
export interface NewsTally {
  itemsSeen: number;
  staleItems: number;
  relevantItems: number;
  newStories: number;
  itemWrites: number;
  positiveStories: number;
  alerts: AlertTally;
}

/** What polling one company's due sources came to. */
export interface CompanyPoll {
  due: number;
  leasedElsewhere: number;
  /** One per request made. */
  reads: SourceRead[];
  /** What its news came to; `alerts` counts the watchers decided about when the alerts were recorded. */
  news: NewsTally;
  /** Its items could not be stored. */
  failed: boolean;
  /** Its recorded alerts being sent (the cycle awaits them at its end). */
  sending?: Promise<AlertTally>;
  /** The alert messages it recorded (subscriber, kind and key). */
  recorded?: string[];
}

export const noNews = (itemsSeen = 0): NewsTally => ({
  itemsSeen,
  staleItems: 0,
  relevantItems: 0,
  newStories: 0,
  itemWrites: 0,
  positiveStories: 0,
  alerts: NO_ALERTS,
});

const sum = <T>(list: readonly T[], of: (t: T) => number) => list.reduce((n, t) => n + of(t), 0);

/** What the cycle knew before and after its companies: what was due, what others held, what it wrote. */
export interface CycleFacts {
  sourcesDue: number;
  /** Due sources in batches another cycle holds. */
  leasedElsewhere: number;
  /** When the final flush of stories or states failed. */
  lastWritesFailed: boolean;
  writes: TableWrites;
  /** Companies not polled: the cycle was asked to stop. */
  notReached?: number;
  /** What became of the alerts the cycle recorded, once sent. */
  alerts?: AlertTally;
  /** Alerts earlier runs left: sent now, and left pending again. */
  recovered?: number;
  leftPending?: number;
  outbox?: OutboxTally;
}

/**
 * The cycle's summary. `polls` holds one result per company group (rejected when polling it threw
 * before anything was fetched).
 */
export function summarizeCycle(facts: CycleFacts, polls: readonly PromiseSettledResult<CompanyPoll>[]): PollSummary {
  const { sourcesDue, lastWritesFailed } = facts;
  const done = polls.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
  const reads = done.flatMap((p) => p.reads);
  const outcomes = (kind: SourceRead['outcome']['kind']) => reads.filter((r) => r.outcome.kind === kind).length;
  const news = done.map((p) => p.news);
  const alerts = addTallies(news.map((n) => n.alerts).reduce(addTallies, NO_ALERTS), facts.alerts ?? NO_ALERTS);
  const recovered = facts.recovered ?? 0;
  const outbox = facts.outbox ?? emptyTally();
  return {
    sourcesDue,
    leasedElsewhere: facts.leasedElsewhere + sum(done, (p) => p.leasedElsewhere),
    requests: reads.length,
    fetched: outcomes('fetched'),
    notModified: outcomes('not-modified'),
    failures: outcomes('failed'),
    throttled: outcomes('retry-later'),
    gone: outcomes('gone'),
    companies: polls.length,
    itemsSeen: sum(news, (n) => n.itemsSeen),
    relevantItems: sum(news, (n) => n.relevantItems),
    staleItems: sum(news, (n) => n.staleItems),
    newStories: sum(news, (n) => n.newStories),
    itemWrites: sum(news, (n) => n.itemWrites),
    positiveStories: sum(news, (n) => n.positiveStories),
    alertsSent: alerts.sent + recovered,
    alertsSkipped: alerts.skipped,
    alertsFailed: alerts.failed,
    alertsPending: alerts.pending + (facts.leftPending ?? 0),
    alertsRecovered: recovered,
    companiesFailed: polls.length - done.length + done.filter((p) => p.failed).length + (lastWritesFailed ? 1 : 0),
    notReached: facts.notReached ?? 0,
    stopped: (facts.notReached ?? 0) > 0 ? 'deadline' : outbox.stopped,
    outbox: { ...outbox },
    tableWrites: totalWrites(facts.writes),
    tableWritesBy: { ...facts.writes },
  };
}
