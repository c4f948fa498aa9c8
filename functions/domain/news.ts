import { z } from 'zod';

/** A feed entry normalized into the product's own shape (CONTRACTS.md `parse-feed`). */
export const NewsItem = z
  .object({
    title: z.string(),
    link: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedAt: z.string().nullable(),
    guid: z.string().nullable(),
    summary: z.string().nullable(),
  })
  .strict();
export type NewsItem = z.infer<typeof NewsItem>;

export const ParsedFeed = z.object({ title: z.string().nullable(), items: z.array(NewsItem) }).strict();
export type ParsedFeed = z.infer<typeof ParsedFeed>;

export const Polarity = z.enum(['positive', 'negative', 'neutral']);
export type Polarity = z.infer<typeof Polarity>;

/** The classifier's verdict on one headline for one company (DESIGN.md §2). */
export const Classification = z
  .object({
    polarity: Polarity,
    event: z.string().nullable(),
    congratulate: z.boolean(),
    confidence: z.number().min(0).max(1),
    reasons: z.array(z.string()),
  })
  .strict();
export type Classification = z.infer<typeof Classification>;

/** What the classifier reads: a headline, optionally a lead and a date. */
export interface Headline {
  title: string;
  summary?: string | null;
  publishedAt?: string | null;
  link?: string | null;
}

/** The company a headline is judged for: its name and the other names it goes by. */
export interface CompanyRef {
  name: string;
  aliases?: readonly string[];
}

/**
 * One source's copy of a story: what the people watching that source see (DESIGN.md §2
 * "Provenance") — its own title, link, publisher, lead and date, judged on its own words.
 */
export interface StoryCopy {
  sourceId: string;
  title: string;
  link: string | null;
  publisher: string | null;
  publishedAt: string | null;
  summary: string | null;
  classification?: Classification;
}

/**
 * One story about one company: syndicated copies of it are the same story. The story's own title,
 * link and classification are its earliest copy's (what dedupe compares); what a subscriber sees
 * is the copy from one of their own sources (domain/news-watch/provenance.ts).
 */
export interface Story {
  companyKey: string;
  id: string;
  title: string;
  link: string | null;
  publisher: string | null;
  publishedAt: string | null;
  summary: string | null;
  firstSeenAt: string;
  /** Lower-cased, punctuation-free title used to recognise syndicated copies. */
  normalizedTitle: string;
  classification?: Classification;
  /** Every source that carried the story. */
  sourceIds: string[];
  /** One copy per source that carried it (absent on stories stored before copies were kept). */
  copies?: StoryCopy[];
}
