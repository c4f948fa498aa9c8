/**
 * The parts every reading of a headline shares: a named piece of news ({@link NewsPhrase}) and the
 * small steps that find one — the complement after a head noun ("from Emirates Airline"), the
 * modifiers before it ("$40 million rail"), the other party of a two-sided event, a price, a date.
 */
import type { HeadlineWords, Token } from './headline-words.js';
import {
  endsPhrase,
  isWordToken,
  modifiersBefore,
  nounPhraseAt,
  startsUpper,
  writeNounPhrase,
  writeTokens,
  type NounPhrase,
} from './noun-phrases.js';
import { FUNCTION_WORDS } from './vocabulary.js';

/** The news, named. Both are noun phrases that start with "the" and fit after "congratulations on". */
export interface NewsPhrase {
  /** "the $40 million rail contract from the state of Ohio". */
  full: string;
  /** Shorter, for a subject line: "the $40 million rail contract". */
  short: string;
}

/** Phrases stay short: a note mentions the news, it does not retell it. */
export const MAX_PHRASE_WORDS = 14;
export const MAX_SHORT_WORDS = 8;
/** Only the start of a summary is read: the news is in its first sentences. */
export const SUMMARY_CHARS = 400;
/** Reported as expected, not done: "Q1 PAT seen up 48%" must not read as a result. */
export const HEDGES = new Set(['seen', 'expected', 'estimated', 'likely', 'may', 'might', 'could', 'forecast', 'projected', 'eyes', 'mulls', 'considers', 'plans', 'proposed', 'talks', 'rumour', 'rumor', 'reportedly', 'poll']);

export type Reading = (w: HeadlineWords) => NewsPhrase | null;

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function phrase(full: string, short?: string): NewsPhrase | null {
  const f = full.replace(/\s+/g, ' ').trim();
  let s = (short ?? full).replace(/\s+/g, ' ').trim();
  if (!f.startsWith('the ') || wordCount(f) > MAX_PHRASE_WORDS) return null;
  if (!s.startsWith('the ')) s = f;
  // Too long for a subject: drop trailing prepositional phrases ("… of the BSE") until it fits.
  while (wordCount(s) > MAX_SHORT_WORDS) {
    const cut = s.search(/\s(?:of|on|in|for|from|with|at|to|led by|and)\s(?!.*\s(?:of|on|in|for|from|with|at|to|led by|and)\s)/);
    if (cut <= 4) return null;
    s = s.slice(0, cut);
  }
  return { full: f, short: s };
}

export const hedged = (w: HeadlineWords): boolean => w.tokens.some((t) => t.kind === 'word' && HEDGES.has(t.lower));

/** The complement after a head noun: "from Emirates Airline", "in Hungary", "for best mobile app". */
export function complementAt(w: HeadlineWords, at: number, preps: Readonly<Record<string, string>>, max = 5): { text: string; np: NounPhrase } | null {
  const t = w.tokens[at];
  if (!t || t.kind !== 'word' || !(t.lower in preps)) return null;
  // "for new Leeds tram depot": a thing described as new keeps the word.
  const np = nounPhraseAt(w.tokens, at + 1, max, { keepNew: isWordToken(w.tokens[at + 1], 'new') });
  if (!np || np.company) return null;
  // A phrase cut off by a truncated headline ("… To Drive ...") is not used.
  if (w.truncated && np.end >= w.tokens.length) return null;
  return { text: `${preps[t.lower]} ${writeNounPhrase(np)}`, np };
}

/** A head noun with its modifiers: "the $9.2 billion order". Empty when nothing qualifies it. */
export function headWithModifiers(w: HeadlineWords, head: number, headText?: string, max = 4): { text: string; mods: Token[] } {
  const mods = modifiersBefore(w.tokens, head, max);
  // "record $2 billion pension deal": a record is said before the sum, any other word after it.
  const record = mods.filter((t) => isWordToken(t, 'record'));
  const money = mods.filter((t) => t.kind === 'money');
  const rest = mods.filter((t) => t.kind !== 'money' && !isWordToken(t, 'record'));
  const text = [...record.map((t) => t.text), ...money.map((t) => t.text), writeTokens(rest), headText ?? w.tokens[head]!.text].filter(Boolean).join(' ');
  return { text, mods };
}

/** "worth Rs 1,122 crore" after a noun: the sum goes before it. */
export function worthAt(w: HeadlineWords, at: number): { money: Token; end: number } | null {
  if (isWordToken(w.tokens[at], 'worth', 'valued') && w.tokens[at + 1]?.kind === 'money') return { money: w.tokens[at + 1]!, end: at + 2 };
  if (isWordToken(w.tokens[at], 'valued') && isWordToken(w.tokens[at + 1], 'at') && w.tokens[at + 2]?.kind === 'money') return { money: w.tokens[at + 2]!, end: at + 3 };
  return null;
}

/** The other side of a two-party event: the names before the verb that are not the company. */
export function otherParty(w: HeadlineWords, before: number): string | null {
  const names: Token[][] = [[]];
  for (let i = 0; i < before; i += 1) {
    const t = w.tokens[i]!;
    if (t.company || (t.kind === 'punct' && t.lower === ',') || isWordToken(t, 'and', '&')) {
      if (names[names.length - 1]!.length) names.push([]);
      continue;
    }
    if (t.kind !== 'word' || !startsUpper(t) || endsPhrase(t) || FUNCTION_WORDS.has(t.lower)) {
      // "Belgian companies": a capitalised word before a common noun describes it; it is no name.
      if (t.kind === 'word' && /^\p{Ll}/u.test(t.text) && !endsPhrase(t) && !FUNCTION_WORDS.has(t.lower) && names[names.length - 1]!.length) names[names.length - 1]!.length = 0;
      if (names[names.length - 1]!.length) names.push([]);
      continue;
    }
    names[names.length - 1]!.push(t);
  }
  const found = names.filter((n) => n.length > 0 && n.length <= 4);
  if (found.length !== 1) return null;
  const name = found[0]!.filter((t) => !/^(?:inc|corp|corporation|ltd|plc|llc)\.?$/i.test(t.raw));
  return name.length ? writeNounPhrase({ tokens: name, hadThe: false }) : null;
}

/** A word that cannot end a phrase. */
export function cannotEndPhrase(t: Token): boolean {
  return t.kind === 'word' && FUNCTION_WORDS.has(t.lower) && !startsUpper(t);
}

export function priceAfter(w: HeadlineWords, from: number): Token | null {
  for (let i = from; i < Math.min(w.tokens.length, from + 6); i += 1) {
    const x = w.tokens[i]!;
    if (x.kind === 'money') return x;
    if (x.kind === 'punct') break;
  }
  return null;
}

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const monthOf = (word: string): string | null => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const m = MONTHS.find((name) => name.startsWith(w) && (w.length >= 3 || name === w));
  return m ? m.charAt(0).toUpperCase() + m.slice(1) : null;
};


const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * A day named at `at` (after an optional "on"): "Thursday", "June 14", "14 June", "Jan 11" →
 * "January 11". Relative days ("today", "tomorrow") are not dates: a note is read days later.
 */
export function dateAt(tokens: readonly Token[], at: number): { text: string; end: number } | null {
  const i = isWordToken(tokens[at], 'on') ? at + 1 : at;
  const first = tokens[i];
  if (!first) return null;
  if (first.kind === 'word' && WEEKDAYS.includes(first.lower)) return { text: first.lower.charAt(0).toUpperCase() + first.lower.slice(1), end: i + 1 };
  const day = (x: Token | undefined) => (x && x.kind === 'number' && /^\d{1,2}(?:st|nd|rd|th)?$/.test(x.lower) && Number.parseInt(x.lower, 10) <= 31 ? Number.parseInt(x.lower, 10) : null);
  const monthFirst = first.kind === 'word' ? monthOf(first.lower) : null;
  if (monthFirst && day(tokens[i + 1]) !== null) return { text: `${monthFirst} ${day(tokens[i + 1])}`, end: i + 2 };
  const month = tokens[i + 1]?.kind === 'word' ? monthOf(tokens[i + 1]!.lower) : null;
  if (day(first) !== null && month) return { text: `${month} ${day(first)}`, end: i + 2 };
  return null;
}

const RANKS = new Set(['largest', 'biggest', 'first', 'first-ever', 'longest', 'highest']);

/** Where a ranking holds: "UK's" → "in the UK", "year's" → "of the year", "Europe's" → "in Europe". */
export function rankedWhere(owner: Token): string {
  const place = owner.text.replace(/['’]s$/, '');
  if (/^year$/i.test(place)) return 'of the year';
  return `in ${/^(?:uk|us|u\.s\.|uae|eu|netherlands)$/i.test(place) ? 'the ' : ''}${place}`;
}

/**
 * "UK's largest medically underwritten bulk pension risk deal" → "the largest bulk pension risk
 * deal in the UK": a ranking said after the thing, with the words nearest the head noun.
 */
export function rankedHead(tokens: readonly Token[], head: number, headText: string): string | null {
  for (let rank = head - 1; rank >= Math.max(1, head - 6); rank -= 1) {
    const x = tokens[rank]!;
    if (x.kind !== 'word' || x.company) return null;
    if (!RANKS.has(x.lower)) continue;
    const owner = tokens[rank - 1]!;
    if (owner.kind !== 'word' || owner.company || !/['’]s$/.test(owner.raw) || !startsUpper(owner)) return null;
    const between = tokens.slice(rank + 1, head).filter((y) => y.kind === 'word' || y.kind === 'money');
    if (between.some((y) => y.kind === 'word' && (endsPhrase(y) || FUNCTION_WORDS.has(y.lower)) && !/ly$/.test(y.lower))) return null;
    const near = between.filter((y) => !/ly$/.test(y.lower)).slice(-3);
    return `the ${x.lower} ${near.length ? `${writeTokens(near)} ` : ''}${headText} ${rankedWhere(owner)}`;
  }
  return null;
}
