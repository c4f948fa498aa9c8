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

/** Folded, with every run of spaces and hyphens one space: "Acme-Robotics" and "Acme  Robotics" read alike. */
function foldPhrase(text: string): string {
  return foldForMatching(text).replace(/[\s\-\u2010-\u2015]+/g, ' ');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(ch);
}

/**
 * Whether `phrase` (folded) occurs in `text` (folded) as a whole word/phrase: no letter or digit
 * touches either end, so "acme" is found in "acme's" and "(acme)" but not in "acmeville".
 */
function containsPhrase(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    // A phrase that itself starts or ends with punctuation ("yahoo!") needs no boundary there.
    const startOk = !isWordChar(phrase[0]) || !isWordChar(text[at - 1]);
    const endOk = !isWordChar(phrase[phrase.length - 1]) || !isWordChar(text[at + phrase.length]);
    if (startOk && endOk) return true;
  }
  return false;
}

/** Folded terms, memoized: a poll run tests each company's few terms against many items. */
const FOLDED = new Map<string, string>();
function folded(term: string): string {
  let value = FOLDED.get(term);
  if (value === undefined) {
    value = foldPhrase(term).trim();
    if (FOLDED.size >= 10_000) FOLDED.clear();
    FOLDED.set(term, value);
  }
  return value;
}

/** Folded texts, memoized: one story is tested for each of its watchers. */
const TEXTS = new Map<string, string>();

/** The text relevance looks at, folded: the title and the lead (the first part of the summary). */
export function relevanceText(item: RelevanceText): string {
  const raw = `${item.title}\n${(item.summary ?? '').slice(0, 400)}`;
  let text = TEXTS.get(raw);
  if (text === undefined) {
    text = foldPhrase(raw);
    if (TEXTS.size >= 5_000) TEXTS.clear();
    TEXTS.set(raw, text);
  }
  return text;
}

/** Whether any of the terms occurs as a whole word or phrase in text folded by {@link relevanceText}. */
export function mentionsAny(text: string, terms: readonly string[]): boolean {
  return terms.some((t) => containsPhrase(text, folded(t)));
}

/** Like {@link isAboutCompany}, on text already folded by {@link relevanceText} (fold once, test many filters). */
export function foldedTextIsAbout(text: string, filter: RelevanceFilter): boolean {
  if (!mentionsAny(text, [filter.name, ...(filter.aliases ?? [])])) return false;
  return !mentionsAny(text, filter.exclude ?? []);
}

/** True when the item names the company and no exclusion term appears. */
export function isAboutCompany(item: RelevanceText, filter: RelevanceFilter): boolean {
  return foldedTextIsAbout(relevanceText(item), filter);
}
