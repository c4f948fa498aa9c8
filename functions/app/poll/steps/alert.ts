/**
 * Step 10, alert: a watcher hears of a story when a copy of it they can see — from one of their
 * own sources — arrives for the first time and is good news (congratulated on its own words, and
 * fresh). Everyone sees their own copy (DESIGN.md §2 "Provenance"): watchers are alerted in groups
 * by the copy they see, the newest news first — when several good stories arrive at once, the most
 * timely one gets the note (each interview has one congratulations slot per 14 days).
 *
 * In two halves around the store step: the alerts are first recorded in the outbox
 * (`recordGoodNews`, before the company's stories are written, so no crash can leave a stored story
 * whose alerts were never recorded), then handed to the cycle's sender (`sendRecorded`), one mail
 * at a time for the whole cycle, while other companies are still being polled.
 */
import type { WatchedCompany } from '../../../domain/company.js';
import { copyFor, storyAsCopy } from '../../../domain/news-watch/provenance.js';
import type { Story } from '../../../domain/news.js';
import {
  addTallies,
  alertComposer,
  isGoodNews,
  NO_ALERTS,
  recordAlert,
  rememberFound,
  type AlertTally,
} from '../../alerts/send-alerts.js';
import { composeAndDeliver, type MessageOf, type MessageResult } from '../../outbox/deliver-due.js';
import type { Lease } from '../../outbox/ports.js';
import type { PollCycle } from '../cycle.js';
import { settleAll } from '../host-limiter.js';
import type { StoryChange } from './classify.js';

export { addTallies, isGoodNews, NO_ALERTS };

/** One story as some watchers see it, and those watchers. */
export interface AlertPlan {
  /** The story as these watchers' source told it. */
  view: Story;
  /** The story as it is stored (every source's copy). */
  story: Story;
  watchers: WatchedCompany[];
}

/** Who newly sees good news in this cycle's changes, grouped by the copy they see, newest first. */
export function whoHearsOfIt(changes: readonly StoryChange[], watchers: readonly WatchedCompany[], now: Date): AlertPlan[] {
  const plans = new Map<string, AlertPlan>();
  for (const { before, after } of changes) {
    for (const watcher of watchers) {
      // Whoever could already see the story has had their chance at it.
      if (before && copyFor(before, watcher.sourceIds)) continue;
      const copy = copyFor(after, watcher.sourceIds);
      if (!copy || !isGoodNews(copy, now)) continue;
      const key = `${after.id}\n${copy.sourceId}`;
      const plan = plans.get(key) ?? { view: storyAsCopy(after, copy), story: after, watchers: [] };
      plan.watchers.push(watcher);
      plans.set(key, plan);
    }
  }
  return [...plans.values()].sort((a, b) => (b.view.publishedAt ?? '').localeCompare(a.view.publishedAt ?? ''));
}

/** Watchers decided about at once. */
const RECORD_CONCURRENCY = 4;

/** One alert recorded by this cycle, with the lease it was recorded with (if its sender gave one). */
export interface RecordedAlert {
  message: MessageOf<'alert'>;
  held?: Lease;
}

/** What recording a company's alerts came to: the messages to send, and the watchers skipped. */
export interface RecordedAlerts {
  messages: RecordedAlert[];
  tally: AlertTally;
}

/**
 * Records the alert messages the company's good news is owed, group by group (the newest news
 * first, so it gets the interviews' slots). Throws when a watcher could not be decided about or
 * recorded: the company's stories must then not be stored, so the next cycle finds them new again.
 */
export async function recordGoodNews(cycle: PollCycle, plans: readonly AlertPlan[]): Promise<RecordedAlerts> {
  const { deps, now, alerts: session, sender } = cycle;
  const messages: RecordedAlert[] = [];
  let skipped = 0;
  // Recorded already leased to the cycle's sender when it will get to them in time: no lease write.
  const lease = { take: () => sender.leaseForNewMessage(), settled: (held: Lease) => sender.settled(held) };
  for (const plan of plans) {
    const results = await settleAll(plan.watchers, RECORD_CONCURRENCY, (watcher) => recordAlert(deps, session, plan.view, watcher, now, lease));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    results.forEach((r, i) => {
      if (r.status !== 'fulfilled') return;
      const watcher = plan.watchers[i]!;
      if (r.value.recorded) {
        rememberFound(session, plan.story, watcher);
        messages.push({ message: r.value.message, ...(r.value.held ? { held: r.value.held } : {}) });
      } else {
        skipped++;
        deps.logger?.debug('no alert', { subscriberId: watcher.subscriberId, storyId: plan.view.id, reason: r.value.reason });
      }
    });
  }
  return { messages, tally: { ...NO_ALERTS, skipped } };
}

/** What one message's delivery means for the alert figures. */
function tallyOf(result: MessageResult): AlertTally {
  switch (result) {
    case 'sent':
      return { ...NO_ALERTS, sent: 1 };
    case 'pending':
      return { ...NO_ALERTS, pending: 1 };
    case 'failed':
      return { ...NO_ALERTS, failed: 1 };
    default:
      // Ended unsent (nothing to offer any more, suppressed, refused) or in another run's hands.
      return { ...NO_ALERTS, skipped: 1 };
  }
}

/**
 * Composes and sends recorded alerts through the cycle's sender (one mail at a time per cycle).
 * A message that fails here stays pending: a later run sends it.
 */
export async function sendRecorded(cycle: PollCycle, recorded: readonly RecordedAlert[]): Promise<AlertTally> {
  const { deps, now, sender } = cycle;
  const compose = alertComposer(deps, cycle.alerts);
  const results = await Promise.all(
    recorded.map(async ({ message, held }) => {
      try {
        const result = await composeAndDeliver(deps, sender, compose, message, now, held);
        if (result === 'sent') deps.logger?.info('alert sent', { subscriberId: message.subscriberId, storyId: message.payload.storyId, companyKey: message.payload.companyKey });
        return result;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        deps.logger?.error('alert failed; it stays pending', { subscriberId: message.subscriberId, storyId: message.payload.storyId, error });
        if (held) await sender.release(message, held, message.createdAt, 'composing it failed').catch(() => undefined);
        else sender.leftPending(message.createdAt);
        return 'failed' as const;
      }
    }),
  );
  return results.map(tallyOf).reduce(addTallies, NO_ALERTS);
}
