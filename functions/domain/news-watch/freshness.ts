/**
 * When news is still news (DESIGN.md §2: no congratulations on stale news, older than ~14 days).
 * The one place the rule lives; the classifier and the news watch both ask it.
 *
 * Undated news (no date, or one that cannot be read) is never congratulated by the product: a feed
 * that leaves dates out may be serving its archive, and a congratulation on a year-old award reads
 * as badly as one on bad news. The classifier still judges such a headline on its words (its
 * callers, such as `afterview classify`, often have no date), but the news watch alerts only on
 * news it can date, and the digest offers a note only for it.
 */
import { DAY_MS } from '../durations.js';

/** News older than this is not a reason to write. */
export const STALE_AFTER_DAYS = 14;

export type Freshness = 'fresh' | 'stale' | 'undated';

/** How fresh news published at `publishedAt` is at `now` (a future date counts as fresh). */
export function freshnessOf(publishedAt: string | null | undefined, now: Date): Freshness {
  if (!publishedAt) return 'undated';
  const at = Date.parse(publishedAt);
  if (Number.isNaN(at)) return 'undated';
  return now.getTime() - at > STALE_AFTER_DAYS * DAY_MS ? 'stale' : 'fresh';
}

/** Too old to congratulate on: stale, or undated (see above). Only fresh, dated news is not. */
export function isStale(publishedAt: string | null | undefined, now: Date): boolean {
  return freshnessOf(publishedAt, now) !== 'fresh';
}

/** Age in whole days (for reasons shown to people), or null when undated. */
export function ageInDays(publishedAt: string | null | undefined, now: Date): number | null {
  const at = publishedAt ? Date.parse(publishedAt) : NaN;
  return Number.isNaN(at) ? null : Math.floor((now.getTime() - at) / DAY_MS);
}
