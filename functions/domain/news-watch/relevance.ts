/**
 * Is a news item about the company? (DESIGN.md §2 "Relevance"): one of its names appears in the
 * title or the lead as a whole word or phrase — case and accents aside, "Acme's" counts — and
 * none of the user's exclusion terms does ("fruit" for Apple).
 */

/** The names to look for and the terms that rule an item out. */
export interface RelevanceFilter {
  name: string;
  aliases?: readonly string[];
  exclude?: readonly string[];
}

/** What relevance reads from an item. */
export interface RelevanceText {
  title: string;
  summary?: string | null;
}

/** Lower case without accents, curly apostrophes made straight: "Société’s" → "societe's". */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A matcher for whole words/phrases: no letter or digit may touch either end, so "Acme" matches
 * "Acme's" and "(Acme)" but not "Acmeville". Spaces inside a phrase match any run of spaces or hyphens.
 */
export function phraseMatcher(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  const cached = MATCHERS.get(key);
  if (cached !== undefined) return cached;
  const matcher = buildMatcher(terms);
  // Bounded: a poll run sees each company's few filters many times, not millions of filters.
  if (MATCHERS.size >= 5000) MATCHERS.clear();
  MATCHERS.set(key, matcher);
  return matcher;
}

const MATCHERS = new Map<string, RegExp | null>();

function buildMatcher(terms: readonly string[]): RegExp | null {
  const parts = terms
    .map((t) => foldForMatching(t).trim())
    .filter((t) => t.length > 0)
    .map((t) => t.split(/\s+/).map(escapeRegExp).join('[\\s\\-]+'));
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/** The text relevance looks at, folded: the title and the lead (the first part of the summary). */
export function relevanceText(item: RelevanceText): string {
  const lead = (item.summary ?? '').slice(0, 400);
  return foldForMatching(`${item.title}\n${lead}`);
}

/** Like {@link isAboutCompany}, on text already folded by {@link relevanceText} (fold once, test many filters). */
export function foldedTextIsAbout(text: string, filter: RelevanceFilter): boolean {
  const names = phraseMatcher([filter.name, ...(filter.aliases ?? [])]);
  if (!names || !names.test(text)) return false;
  const exclusions = phraseMatcher(filter.exclude ?? []);
  return !(exclusions && exclusions.test(text));
}

/** True when the item names the company and no exclusion term appears. */
export function isAboutCompany(item: RelevanceText, filter: RelevanceFilter): boolean {
  return foldedTextIsAbout(relevanceText(item), filter);
}
