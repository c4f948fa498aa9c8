/**
 * Step 10, alert: a watcher hears of a story when a copy of it they can see — from one of their
 * own sources — arrives for the first time and is good news (congratulated on its own words, and
 * fresh). Everyone sees their own copy (DESIGN.md §2 "Provenance"): watchers are alerted in groups
 * by the copy they see, the newest news first — when several good stories arrive at once, the most
 * timely one gets the note (each interview has one congratulations slot per 14 days).
 */
import type { WatchedCompany } from '../../../domain/company.js';
import { isStale } from '../../../domain/news-watch/freshness.js';
import { copyFor, storyAsCopy } from '../../../domain/news-watch/provenance.js';
import type { Story, StoryCopy } from '../../../domain/news.js';
import { alertWatchers, type AlertDeps, type AlertSession, type AlertTally } from '../../alerts/send-alerts.js';
import type { StoryChange } from './classify.js';

/** Worth a congratulations note now: the classifier congratulates, and the news is fresh and dated. */
export function isGoodNews(copy: Pick<StoryCopy, 'classification' | 'publishedAt'>, now: Date): boolean {
  return copy.classification?.congratulate === true && !isStale(copy.publishedAt, now);
}

/** One story as some watchers see it, and those watchers. */
export interface AlertPlan {
  view: Story;
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
      const plan = plans.get(key) ?? { view: storyAsCopy(after, copy), watchers: [] };
      plan.watchers.push(watcher);
      plans.set(key, plan);
    }
  }
  return [...plans.values()].sort((a, b) => (b.view.publishedAt ?? '').localeCompare(a.view.publishedAt ?? ''));
}

export const NO_ALERTS: AlertTally = { sent: 0, skipped: 0, failed: 0 };

export function addTallies(a: AlertTally, b: AlertTally): AlertTally {
  return { sent: a.sent + b.sent, skipped: a.skipped + b.skipped, failed: a.failed + b.failed };
}

/** Alerts each group in turn (one story's alerts before the next's). */
export async function alertGoodNews(deps: AlertDeps, plans: readonly AlertPlan[], now: Date, session: AlertSession): Promise<AlertTally> {
  let tally = NO_ALERTS;
  for (const plan of plans) tally = addTallies(tally, await alertWatchers(deps, plan.view, plan.watchers, now, session));
  return tally;
}
