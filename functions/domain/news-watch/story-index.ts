/**
 * Which known stories a headline could be a copy of, without comparing it with all of them:
 * an inverted index from title words to stories (prefix filtering, as in set-similarity joins).
 *
 * Words are ranked rarest first (by how many titles in the batch hold them). Two titles whose
 * words overlap by at least o share a word among the first |x| − o + 1 words of each, so each
 * title is indexed and looked up under a short prefix of its rarest words — never under the
 * company's name, which every title holds:
 *
 * - Jaccard ≥ TITLE_SIMILARITY needs o ≥ ⌈0.7·|x|⌉ for either title alone;
 * - containment (smaller title ≥ CONTAINMENT_MIN_WORDS words, o ≥ ⌈0.85·|smaller|⌉): the smaller
 *   title's first |s| − o + 1 words hold one of the larger title's words, so each title is also
 *   indexed under that prefix (found by all of a larger title's words) and under all its words
 *   (found by a smaller title's prefix).
 *
 * Every title that can match is found (no false negatives: the caller still checks each one), so
 * grouping gives exactly what comparing every pair would. A lookup checks the titles of at most
 * MAX_STORIES_PER_LOOKUP stories and MAX_CHECKED_PER_LOOKUP titles, the earliest first — bounds
 * only a flood of near-identical headlines reaches (it then makes more, smaller stories).
 */
import { CONTAINMENT_MIN_WORDS, TITLE_CONTAINMENT, TITLE_SIMILARITY, titleTokens } from './title-similarity.js';

/** What the index files: a normalized title and a link. */
export interface IndexedTitle {
  normalizedTitle: string;
  link: string | null;
}

/** A lookup checks titles of at most this many stories (groups)… */
export const MAX_STORIES_PER_LOOKUP = 100;
/** …and at most this many titles in all. */
export const MAX_CHECKED_PER_LOOKUP = 1_000;

/** Float products such as 0.7 × 10 must not round the needed overlap up past the true one. */
const EPSILON = 1e-9;
const neededForJaccard = (words: number) => Math.max(1, Math.ceil(TITLE_SIMILARITY * words - EPSILON));
const neededForContainment = (words: number) => Math.max(1, Math.ceil(TITLE_CONTAINMENT * words - EPSILON));

export class StoryIndex {
  private readonly frequency = new Map<string, number>();
  private readonly byLink = new Map<string, number>();
  private readonly jaccardPrefix = new Map<string, number[]>();
  private readonly containmentPrefix = new Map<string, number[]>();
  private readonly allWords = new Map<string, number[]>();

  /**
   * `corpus`: the normalized titles of the batch, for ranking words (any fixed ranking is correct;
   * rarest first keeps the lists short). `linkKey`: when two links prove the same story.
   */
  constructor(
    corpus: readonly string[],
    private readonly linkKey: (link: string | null) => string | null,
    /** The story a key's title belongs to (default: each key is its own story); lookups go story by story. */
    private readonly storyOf: (key: number) => number = (k) => k,
  ) {
    for (const title of new Set(corpus)) for (const word of titleTokens(title)) this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
  }

  /** Files `title` under `key` (a number the caller gives each title; lower is earlier). */
  add(key: number, title: IndexedTitle): void {
    const link = this.linkKey(title.link);
    // The earliest story's title with the link is enough: equal links always match.
    const linked = link === null ? undefined : this.byLink.get(link);
    if (link !== null && (linked === undefined || this.storyOf(key) < this.storyOf(linked))) this.byLink.set(link, key);
    const words = this.ranked(title.normalizedTitle);
    const n = words.length;
    if (n === 0) return;
    file(this.jaccardPrefix, words.slice(0, n - neededForJaccard(n) + 1), key);
    if (n >= CONTAINMENT_MIN_WORDS) {
      file(this.containmentPrefix, words.slice(0, n - neededForContainment(n) + 1), key);
      file(this.allWords, words, key);
    }
  }

  /** The first key, among the titles that could match `title`, for which `isMatch` holds (story by story, then key by key). */
  firstMatch(title: IndexedTitle, isMatch: (key: number) => boolean): number | null {
    const storyOf = this.storyOf;
    const keys = new Set<number>();
    const link = this.linkKey(title.link);
    const linked = link === null ? undefined : this.byLink.get(link);
    if (linked !== undefined) keys.add(linked);
    const words = this.ranked(title.normalizedTitle);
    const n = words.length;
    if (n > 0) {
      collect(this.jaccardPrefix, words.slice(0, n - neededForJaccard(n) + 1), keys);
      if (n >= CONTAINMENT_MIN_WORDS) {
        collect(this.allWords, words.slice(0, n - neededForContainment(n) + 1), keys);
        collect(this.containmentPrefix, words, keys);
      }
    }
    const ordered = [...keys].sort((a, b) => storyOf(a) - storyOf(b) || a - b).slice(0, MAX_CHECKED_PER_LOOKUP);
    let stories = 0;
    for (let i = 0; i < ordered.length; i++) {
      const key = ordered[i]!;
      if (i === 0 || storyOf(key) !== storyOf(ordered[i - 1]!)) stories++;
      if (stories > MAX_STORIES_PER_LOOKUP) break;
      if (isMatch(key)) return key;
    }
    return null;
  }

  /** The title's words, rarest first (ties by the word itself, so the order is the same everywhere). */
  private ranked(normalizedTitle: string): string[] {
    const rank = (w: string) => this.frequency.get(w) ?? 0;
    return [...titleTokens(normalizedTitle)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
}

function file(postings: Map<string, number[]>, words: readonly string[], key: number): void {
  for (const word of words) {
    const keys = postings.get(word);
    if (!keys) postings.set(word, [key]);
    else if (keys[keys.length - 1] !== key) keys.push(key);
  }
}

function collect(postings: Map<string, number[]>, words: readonly string[], into: Set<number>): void {
  for (const word of words) for (const key of postings.get(word) ?? []) into.add(key);
}
