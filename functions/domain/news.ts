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

/** One story about one company: syndicated copies of it are the same story. */
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
  sourceIds: string[];
}
