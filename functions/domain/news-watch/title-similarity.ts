/**
 * When two headlines name the same story (DESIGN.md §2 "Dedupe"): their normalized titles share
 * most of their words (Jaccard), or one title's words are nearly all in the other.
 */
import { foldForMatching } from './relevance.js';

/** Titles sharing this much of their words (Jaccard) are the same story… */
export const TITLE_SIMILARITY = 0.7;
/** …or when one title's words are nearly all in the other (a prefix like "UPDATE 1-" or a suffix). */
export const TITLE_CONTAINMENT = 0.85;
/** Containment counts only when the smaller title has at least this many words. */
export const CONTAINMENT_MIN_WORDS = 4;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'with', 'at', 'by', 'from', 'as', 'is', 'are',
  'its', 'it', 'this', 'that', 'after', 'over', 'says', 'say', 'said', 'report', 'reports', 'update', 'exclusive',
]);

/** Lower case, no accents, no punctuation, single spaces: the form titles are compared in. */
export function normalizeTitle(title: string): string {
  return foldForMatching(title)
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Token sets, memoized: clustering compares each title with many others. */
const TOKENS = new Map<string, Set<string>>();

/** The words that carry meaning (stopwords dropped unless nothing else is left). */
export function titleTokens(normalized: string): Set<string> {
  let tokens = TOKENS.get(normalized);
  if (!tokens) {
    tokens = computeTokens(normalized);
    if (TOKENS.size >= 20_000) TOKENS.clear();
    TOKENS.set(normalized, tokens);
  }
  return tokens;
}

function computeTokens(normalized: string): Set<string> {
  const words = normalized.split(' ').filter(Boolean);
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  return new Set(meaningful.length > 0 ? meaningful : words);
}

/** Whether two normalized titles name the same story. */
export function similarTitles(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  const ta = titleTokens(a);
  const tb = titleTokens(b);
  if (ta.size === 0 || tb.size === 0) return false;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const union = ta.size + tb.size - shared;
  if (shared / union >= TITLE_SIMILARITY) return true;
  const smaller = Math.min(ta.size, tb.size);
  return smaller >= CONTAINMENT_MIN_WORDS && shared / smaller >= TITLE_CONTAINMENT;
}

