/**
 * Step 8, classify: each new story is judged once, on its lead copy, for the company by every name
 * its watchers use. A classifier failure must not lose the story: it is stored, and not congratulated.
 */
import type { WatchedCompany } from '../../../domain/company.js';
import type { StoryCluster } from '../../../domain/news-watch/dedupe.js';
import type { Classification, CompanyRef, Headline, Story } from '../../../domain/news.js';
import type { Logger } from '../../ports.js';
import type { ClassifyHeadline } from '../collaborators.js';
import type { SourcedItem } from './normalize.js';

/** The classifier's view of the company: its name and every other name its watchers use. */
export function companyRef(name: string, watchers: readonly WatchedCompany[]): CompanyRef {
  const names = new Map<string, string>();
  for (const w of watchers) for (const n of [w.name, ...w.aliases]) if (n.toLowerCase() !== name.toLowerCase()) names.set(n.toLowerCase(), n);
  return { name, aliases: [...names.values()] };
}

export function classifySafely(classify: ClassifyHeadline, headline: Headline, ref: CompanyRef, now: Date, logger?: Pick<Logger, 'error'>): Classification {
  try {
    return classify(headline, ref, { now });
  } catch (err) {
    logger?.error('classifier failed', { error: err instanceof Error ? err.message : String(err) });
    return { polarity: 'neutral', event: null, congratulate: false, confidence: 0, reasons: ['classifier failed'] };
  }
}

/** The story a new cluster becomes, first seen now. */
export function toStory(cluster: StoryCluster<SourcedItem>, companyKey: string, now: Date, classification: Classification): Story {
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

export function classifyStories(
  deps: { classify: ClassifyHeadline; logger?: Pick<Logger, 'error'> },
  companyKey: string,
  unseen: readonly StoryCluster<SourcedItem>[],
  ref: CompanyRef,
  now: Date,
): Story[] {
  return unseen.map((cluster) => {
    const { title, summary, publishedAt, link } = cluster.lead;
    return toStory(cluster, companyKey, now, classifySafely(deps.classify, { title, summary, publishedAt, link }, ref, now, deps.logger));
  });
}
