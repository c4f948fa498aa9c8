/**
 * Step 8, classify: every new copy of a story is judged on its own words, for the company as the
 * people watching its source name it — so another subscriber's feed (or aliases) never decides
 * whether someone is congratulated (DESIGN.md §2 "Provenance"). The classifier is cheap (tens of
 * thousands of headlines a second), so judging each source's copy costs next to nothing. A
 * classifier failure must not lose the story: it is stored, and not congratulated.
 */
import type { WatchedCompany } from '../../../domain/company.js';
import type { StoryCluster } from '../../../domain/news-watch/dedupe.js';
import { copiesOf } from '../../../domain/news-watch/provenance.js';
import type { Classification, CompanyRef, Headline, Story, StoryCopy } from '../../../domain/news.js';
import type { Logger } from '../../ports.js';
import type { ClassifyHeadline } from '../collaborators.js';
import { firstCopyPerSource, type KnownStory, type MatchedStories } from './match.js';
import type { SourcedItem } from './normalize.js';

/** The classifier's view of the company: its name and every other name these watchers use. */
export function companyRef(name: string, watchers: readonly WatchedCompany[]): CompanyRef {
  const names = new Map<string, string>();
  for (const w of watchers) for (const n of [w.name, ...w.aliases]) if (n.toLowerCase() !== name.toLowerCase()) names.set(n.toLowerCase(), n);
  return { name, aliases: [...names.values()] };
}

/** The watchers who see what a source brings: those whose company lists the source. */
export function watchersOf(sourceId: string, watchers: readonly WatchedCompany[]): WatchedCompany[] {
  return watchers.filter((w) => w.sourceIds.includes(sourceId));
}

export function classifySafely(classify: ClassifyHeadline, headline: Headline, ref: CompanyRef, now: Date, logger?: Pick<Logger, 'error'>): Classification {
  try {
    return classify(headline, ref, { now });
  } catch (err) {
    logger?.error('classifier failed', { error: err instanceof Error ? err.message : String(err) });
    return { polarity: 'neutral', event: null, congratulate: false, confidence: 0, reasons: ['classifier failed'] };
  }
}

interface ClassifyDeps {
  classify: ClassifyHeadline;
  logger?: Pick<Logger, 'error'>;
}

/** Judges copies for one company, each for the names its own source's watchers use. */
export function copyJudge(deps: ClassifyDeps, companyName: string, watchers: readonly WatchedCompany[], now: Date): (item: SourcedItem) => StoryCopy {
  const refs = new Map<string, CompanyRef>();
  return (item) => {
    let ref = refs.get(item.sourceId);
    if (!ref) {
      ref = companyRef(companyName, watchersOf(item.sourceId, watchers));
      refs.set(item.sourceId, ref);
    }
    const { sourceId, title, link, publisher, publishedAt, summary } = item;
    // (`readFrom` stays behind: a copy is its source's, however it was read.)
    return { sourceId, title, link, publisher, publishedAt, summary, classification: classifySafely(deps.classify, { title, summary, publishedAt, link }, ref, now, deps.logger) };
  };
}

/** The story a new cluster becomes, first seen now: named by its earliest copy, with one copy per source. */
export function toStory(cluster: StoryCluster<SourcedItem>, companyKey: string, now: Date, copies: StoryCopy[]): Story {
  const lead = cluster.lead;
  const leadCopy = copies.find((c) => c.sourceId === lead.sourceId);
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
    ...(leadCopy?.classification ? { classification: leadCopy.classification } : {}),
    sourceIds: copies.map((c) => c.sourceId).sort(),
    copies,
  };
}

/** A stored story after new sources brought their copies of it. */
export function withNewCopies(known: Story, copies: readonly StoryCopy[]): Story {
  const all = [...copiesOf(known), ...copies];
  return { ...known, sourceIds: [...new Set(all.map((c) => c.sourceId))].sort(), copies: all };
}

/** A story as it was before this cycle (null: new) and as it is now. */
export interface StoryChange {
  before: Story | null;
  after: Story;
}

/** New stories and stored ones with new copies, every new copy judged. */
export function classifyNews(deps: ClassifyDeps, company: { key: string; name: string }, matched: MatchedStories, watchers: readonly WatchedCompany[], now: Date): StoryChange[] {
  const judge = copyJudge(deps, company.name, watchers, now);
  const created = matched.unseen.map((cluster) => ({ before: null, after: toStory(cluster, company.key, now, firstCopyPerSource(cluster.copies).map(judge)) }));
  const grown = matched.known.map(({ story, newCopies }: KnownStory) => ({ before: story, after: withNewCopies(story, newCopies.map(judge)) }));
  return [...created, ...grown];
}
