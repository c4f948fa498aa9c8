/**
 * Step 10, alert: new stories that are good news (congratulate, and fresh) go to the company's
 * watchers, the newest first — when several good stories arrive at once, the most timely one gets
 * the note (each interview has one congratulations slot per 14 days).
 */
import type { WatchedCompany } from '../../../domain/company.js';
import { isStale } from '../../../domain/news-watch/freshness.js';
import type { Story } from '../../../domain/news.js';
import { alertWatchers, type AlertDeps, type AlertSession, type AlertTally } from '../../alerts/send-alerts.js';

/** The stories worth a congratulations note now, newest first. */
export function goodNews(stories: readonly Story[], now: Date): Story[] {
  return stories
    .filter((story) => story.classification?.congratulate && !isStale(story.publishedAt, now))
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}

export const NO_ALERTS: AlertTally = { sent: 0, skipped: 0, failed: 0 };

export function addTallies(a: AlertTally, b: AlertTally): AlertTally {
  return { sent: a.sent + b.sent, skipped: a.skipped + b.skipped, failed: a.failed + b.failed };
}

/** Alerts the watchers about each good story in turn (one story's alerts before the next's). */
export async function alertGoodNews(
  deps: AlertDeps,
  good: readonly Story[],
  watchers: readonly WatchedCompany[],
  now: Date,
  session: AlertSession,
): Promise<AlertTally> {
  let tally = NO_ALERTS;
  for (const story of good) tally = addTallies(tally, await alertWatchers(deps, story, watchers, now, session));
  return tally;
}
