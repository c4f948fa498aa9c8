/**
 * The headline classifier: is this news about the company, good or bad for it, and worth a
 * congratulations note? classify.ts holds the decision; docs/classifier.md has the figures.
 */
import type { Classification, CompanyRef, Headline } from '../news.js';
import { judgeHeadline } from './classify.js';

export { STALE_AFTER_DAYS } from '../news-watch/freshness.js';

/**
 * Classifies one headline for one company (DESIGN.md §2). Pure and deterministic: the same input
 * always gives the same output, and `reasons` quotes the words that decided. With `options.now`,
 * an item whose `publishedAt` is more than 14 days old is never congratulated.
 */
export function classifyHeadline(item: Headline, company: CompanyRef, options?: { now?: Date }): Classification {
  return judgeHeadline(item, company, options);
}
