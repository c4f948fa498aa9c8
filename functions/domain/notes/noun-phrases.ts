/**
 * Small phrase tools over headline tokens: the modifiers before a head noun ("$40 million rail"
 * before "contract"), the noun phrase after a word ("the state of Ohio" after "from"), and the
 * article a phrase needs in a sentence ("the state of Ohio", "BSE's SME platform", "the NSE",
 * "transmission lines"). Everything stops at a verb, a punctuation mark or share-price chatter,
 * so a phrase never runs on into the rest of the headline.
 */
import type { Token } from './headline-words.js';
import { FUNCTION_WORDS, HEADLINE_VERBS, HYPE_WORDS, STOCK_WORDS } from './vocabulary.js';

/** Names that take "the" in a sentence: exchanges, some countries. */
const NAMES_WITH_THE = new Set([
  'us', 'u.s.', 'uk', 'u.k.', 'uae', 'eu', 'usa', 'netherlands', 'philippines', 'nse', 'bse', 'lse', 'nyse', 'tsx', 'asx', 'sgx',
  'hkex', 'jse', 'kse', 'psx', 'fda', 'usfda', 'cabinet', 'pentagon', 'army', 'navy', 'gulf', 'middle', 'ipo',
  'rbi', 'sec', 'fca', 'ftc', 'cma', 'ecb', 'ema', 'mhra', 'faa', 'fcc', 'dgca', 'cci', 'irdai', 'trai', 'ccea', 'chmp',
]);
/** Nouns that take no article ("into commodities trading", "for corporate governance"). */
const MASS_NOUN = /^(?:lithium|coal|gold|oil|copper|iron ore|ore|bauxite|limestone|uranium|nickel|zinc|silver|cobalt|graphite)$|(?:ing|ance|ence|ship|acy|ism|ics|ware|disorder|disease|cancer|diabetes|migraine|asthma|obesity|research|innovation|animation|design|excellence|literacy|information|care|education|automation|storage|energy|tension|pression|delivery)$/;
/** Words that open a category rather than name a thing ("for best mobile app"). */
const CATEGORY_START = new Set(['best', 'most', 'outstanding', 'excellence', 'top', 'innovative', 'leading']);
/** Names that take "the" because of their last word ("the London Stock Exchange"). */
const NAME_ENDS_WITH_THE = new Set(['exchange', 'exchanges', 'bourse', 'commission', 'ministry', 'department']);
/** Words ending in "s" that are not plurals. */
const NOT_PLURAL = new Set(['news', 'series', 'analytics', 'logistics', 'business', 'services', 'systems', 'sciences', 'aids', 'gas', 'bus', 'campus', 'process', 'status', 'access', 'express', 'success', 'class', 'plus']);
/** Words that may sit before a noun phrase without being part of it. */
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'one', 'more', 'another', 'this', 'that', 'these', 'those', 'some', 'two', 'several']);

export const isWordToken = (t: Token | undefined, ...lower: string[]): boolean =>
  t !== undefined && t.kind === 'word' && (lower.length === 0 || lower.includes(t.lower));

/** Whether a token ends a phrase: punctuation, a verb, share-price chatter. */
export function endsPhrase(t: Token): boolean {
  if (t.kind === 'punct') return true;
  if (t.kind !== 'word') return false;
  // "London Stock Exchange": a capitalised market word is part of a name.
  // A capitalised verb-like word inside a sentence is a name ("Advanced Systek"): headline styles
  // write common words in lower case (headline-words.ts).
  return (HEADLINE_VERBS.has(t.lower) || STOCK_WORDS.has(t.lower)) && !/^\p{Lu}/u.test(t.text);
}

export const startsUpper = (t: Token): boolean => /^[\p{Lu}\d$€£¥]/u.test(t.text);

function isCommon(t: Token): boolean {
  return t.kind === 'word' && /^\p{Ll}/u.test(t.text);
}

export function isPlural(t: Token): boolean {
  const w = t.lower.replace(/['’]s$/, '');
  return /[^su']s$/.test(w) && !NOT_PLURAL.has(w);
}

/**
 * The words that qualify the head noun at `head`, read leftwards: amounts, names, nouns and
 * adjectives ("$9.2 billion", "rail", "SAP", "10-year outsourcing"), without vague praise ("big").
 */
export function modifiersBefore(tokens: readonly Token[], head: number, max = 4): Token[] {
  const mods: Token[] = [];
  let stoppedAtCompany = false;
  // "&" joins two words of one name ("Frost & Sullivan"): it does not count, and never starts the phrase.
  const counted = () => mods.filter((m) => m.lower !== '&').length;
  for (let i = head - 1; i >= 0 && (counted() < max || mods[0]?.lower === '&'); i -= 1) {
    const t = tokens[i]!;
    if (t.company) {
      stoppedAtCompany = true;
      break;
    }
    if (t.kind === 'punct' || t.kind === 'percent' || t.kind === 'fold') break;
    if (t.kind === 'word' && (FUNCTION_WORDS.has(t.lower) || endsPhrase(t) || DETERMINERS.has(t.lower))) break;
    if (t.kind === 'word' && t.possessive) break;
    // "takes home award", "picks up prize": the particle belongs to the verb.
    if (isWordToken(t, 'home') && tokens[i - 1] && endsPhrase(tokens[i - 1]!)) break;
    mods.unshift(t);
  }
  while (mods[0]?.lower === '&') mods.shift();
  // "Acme Snares $9 Billion Order": a word right after the company that reads like a verb is one.
  if (stoppedAtCompany && mods.length > 1 && mods[0]!.kind === 'word' && /(?:[^s]s|ed)$/.test(mods[0]!.lower)) mods.shift();
  return mods.filter((t) => !(t.kind === 'word' && HYPE_WORDS.has(t.lower)));
}

export interface NounPhrase {
  tokens: Token[];
  /** The headline put "the" before it. */
  hadThe: boolean;
  /** Index just after the phrase. */
  end: number;
  /** It names the watched company. */
  company: boolean;
}

/**
 * The noun phrase starting at `start` (after skipping "a", "the", "its"…), at most `max` words.
 * "of" and "and"/"&" are kept only between names ("state of Ohio", "Law & Kenneth").
 */
export function nounPhraseAt(tokens: readonly Token[], start: number, max = 5, options: { keepNew?: boolean } = {}): NounPhrase | null {
  let i = start;
  let hadThe = false;
  while (i < tokens.length && tokens[i]!.kind === 'word' && DETERMINERS.has(tokens[i]!.lower)) {
    if (tokens[i]!.lower === 'the') hadThe = true;
    i += 1;
  }
  const taken: Token[] = [];
  let company = false;
  for (; i < tokens.length && taken.length < max; i += 1) {
    const t = tokens[i]!;
    if (t.kind === 'punct' || t.kind === 'percent' || t.kind === 'fold') break;
    if (t.kind === 'word') {
      if (t.lower === 'of' || t.lower === 'and' || t.lower === '&') {
        const next = tokens[i + 1];
        const nameFollows = next !== undefined && next.kind === 'word' && /^\p{Lu}/u.test(next.text) && !endsPhrase(next);
        if (taken.length > 0 && nameFollows) {
          taken.push(t);
          continue;
        }
        break;
      }
      // Vague praise inside a phrase is left out ("key new lung cancer pill" → "new lung cancer pill").
      if (HYPE_WORDS.has(t.lower) && /^\p{Ll}/u.test(t.text) && !t.company && tokens[i + 1] && !endsPhrase(tokens[i + 1]!) && tokens[i + 1]!.kind === 'word') continue;
      const next = tokens[i + 1];
      const isNew = t.lower === 'new' || t.lower === 'latest';
      const keptNew = isNew && (options.keepNew || taken.length > 0 || i > start) && next !== undefined && next.kind === 'word' && !endsPhrase(next) && !FUNCTION_WORDS.has(next.lower);
      if (!keptNew && (FUNCTION_WORDS.has(t.lower) || endsPhrase(t))) break;
    }
    if (t.company) company = true;
    taken.push(t);
    // A possessive ends a phrase unless a noun follows it ("BSE's SME platform").
    if (t.possessive && !(tokens[i + 1] && tokens[i + 1]!.kind === 'word' && !endsPhrase(tokens[i + 1]!))) break;
  }
  while (taken.length && isWordToken(taken[taken.length - 1], 'of', 'and', '&')) taken.pop();
  // "Renuka Sugars' 5% stake": a possessive with nothing after it names no thing.
  if (taken.length && /['’]s?$/.test(taken[taken.length - 1]!.raw) && !taken[taken.length - 1]!.company) return null;
  if (taken.length === 0) return null;
  return { tokens: taken, hadThe, end: start + (i - start), company };
}

/** Tokens as a note writes them: "BSE 's" → "BSE's", "Rs 545 crore" as one. */
export function writeTokens(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.text)
    .join(' ')
    .replace(/\s+(['’]s)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function needsArticle(chunk: readonly Token[], hadThe: boolean, definite: boolean): boolean {
  const first = chunk[0]!;
  const last = chunk[chunk.length - 1]!;
  if (chunk.slice(0, -1).some((t) => t.possessive || /['’]s$/.test(t.raw))) return false;
  if (first.possessive) return false;
  if (hadThe) return true;
  if (NAMES_WITH_THE.has(first.lower) || NAME_ENDS_WITH_THE.has(last.lower)) return true;
  if (CATEGORY_START.has(first.lower)) return false;
  // "the Dutch payroll firm Payflex", "the remaining rights": a thing bought is a definite one.
  if (definite && chunk.some(isCommon)) return true;
  if (isCommon(last) && MASS_NOUN.test(last.lower)) return false;
  if (first.kind === 'money' || first.kind === 'number') return isCommon(last) && !isPlural(last);
  if (isCommon(last) && !isPlural(last)) return true;
  return isCommon(first) && !(isCommon(last) && isPlural(last));
}

/** A noun phrase written with the articles a sentence needs ("the state of Ohio", "Siemens"). */
export function writeNounPhrase(phrase: Pick<NounPhrase, 'tokens' | 'hadThe'>, options: { definite?: boolean } = {}): string {
  const chunks: Token[][] = [[]];
  for (const t of phrase.tokens) {
    if (isWordToken(t, 'of') && chunks[chunks.length - 1]!.length > 0) chunks.push([]);
    else chunks[chunks.length - 1]!.push(t);
  }
  return chunks
    .filter((c) => c.length > 0)
    .map((chunk, index) => {
      const text = writeTokens(chunk);
      return needsArticle(chunk, index === 0 && phrase.hadThe, index === 0 && options.definite === true) ? `the ${text}` : text;
    })
    .join(' of ');
}

/** The first token at or after `from` whose lower-case form is in `words`. */
export function findWord(tokens: readonly Token[], words: ReadonlySet<string> | readonly string[], from = 0, to = tokens.length): number {
  const set = words instanceof Set ? words : new Set(words as readonly string[]);
  for (let i = from; i < Math.min(to, tokens.length); i += 1) {
    const t = tokens[i]!;
    if (t.kind === 'word' && !t.company && set.has(t.lower)) return i;
  }
  return -1;
}

/** The watched company's tokens, if it is named. */
export function companyIndexes(tokens: readonly Token[]): number[] {
  return tokens.flatMap((t, i) => (t.company ? [i] : []));
}
