/**
 * Readings of a listing and the steps to it. A listing is news in several steps — the offer
 * document filed with the regulator, the price band set, the IPO opening for bids, the demand it
 * drew, the first day of trading — and a note names the step it is about: "the IPO filing with
 * Sebi", "the IPO price band of Rs 74–80", "the IPO opening on Thursday", "the Rs 1,200 crore IPO,
 * oversubscribed 12.5 times", "the debut on the NSE and the 42% first-day rise".
 *
 * The steps before the listing ({@link isStepBeforeListing}) are not an achievement yet: a note
 * about them wishes the company luck with the listing rather than congratulating it.
 */
import type { HeadlineWords, Token } from './headline-words.js';
import { findWord, isWordToken, modifiersBefore, nounPhraseAt, startsUpper, writeNounPhrase, writeTokens } from './noun-phrases.js';
import { dateAt, MAX_SHORT_WORDS, phrase, priceAfter, rankedWhere, wordCount, type NewsPhrase, type Reading } from './phrase-parts.js';

const IPO_WORDS = new Set(['ipo', 'ipos', 'listing', 'debut', 'flotation', 'float', 'offering']);
const LIST_VERBS = new Set(['lists', 'list', 'listed', 'listing', 'debuts', 'debut', 'floats', 'float', 'trades']);
const FILE_VERBS = new Set(['files', 'file', 'filed', 'filing', 'submits', 'submit', 'submitted', 'refiles', 'refiled']);
const FILED_PAPERS = new Set(['papers', 'paper', 'prospectus', 'drhp', 'documents', 'document', 'filing', 'herring']);
const OPEN_VERBS = new Set(['opens', 'open', 'opened', 'opening', 'hits', 'hit', 'launches', 'launched', 'launch']);
const PRICE_WORDS = new Set(['band', 'price', 'rate', 'range']);
const SET_VERBS = new Set(['fixes', 'fix', 'fixed', 'sets', 'set', 'announces', 'announced']);
const RISE_WORDS = new Set(['up', 'surges', 'surged', 'jumps', 'jumped', 'soars', 'soared', 'gains', 'gained', 'rises', 'rose', 'rallies', 'rallied', 'zooms', 'zoomed', 'leaps', 'leapt', 'climbs', 'climbed', 'spurts', 'higher', 'premium', 'gain', 'pops', 'popped']);
const FALL_WORDS = new Set(['down', 'falls', 'fell', 'slips', 'slipped', 'drops', 'dropped', 'tanks', 'tanked', 'sinks', 'sank', 'discount', 'lower', 'below', 'loses', 'lost', 'plunges', 'tumbles', 'dips', 'slides']);
const SUPERLATIVES = new Set(['biggest', 'largest', 'first']);
const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Where shares trade, named without an exchange: "on bourses" says nothing a note would repeat. */
const VAGUE_VENUES = new Set(['bourses', 'bourse', 'debut', 'd-street', 'dalal']);

/** "to list", "to debut", "set to list", "will list", "to be listed", "to make … debut". */
function listingAhead(t: readonly Token[], at: number): boolean {
  const before = t[at - 1];
  if (isWordToken(before, 'to', 'will') || (isWordToken(before, 'be') && isWordToken(t[at - 2], 'to', 'will'))) return true;
  // "to make stock market debut".
  const make = findWord(t, ['make', 'makes'], Math.max(0, at - 4), at);
  return make > 0 && isWordToken(t[make - 1], 'to', 'will');
}

/** The index of a step word within a few tokens after `from`. */
function within(t: readonly Token[], words: ReadonlySet<string>, from: number, span: number): number {
  return findWord(t, words, from, from + span);
}

/**
 * Whether the headline is about a step before the listing — the offer document filed, the price
 * band set, the IPO opening or launched, the listing still to come — rather than the listing or the
 * demand for it.
 */
export function isStepBeforeListing(w: HeadlineWords): boolean {
  const t = w.tokens;
  const file = findWord(t, FILE_VERBS);
  if (file >= 0 && (within(t, FILED_PAPERS, file + 1, 5) >= 0 || within(t, IPO_WORDS, file + 1, 3) >= 0 || isWordToken(t[file + 1], 'for'))) return true;
  const set = findWord(t, SET_VERBS);
  if (set >= 0 && within(t, PRICE_WORDS, set + 1, 3) >= 0) return true;
  if (findWord(t, ['band']) >= 0 && findWord(t, ['price']) >= 0) return true;
  const ipo = findWord(t, ['ipo', 'ipos', 'offering', 'issue']);
  if (ipo >= 0) {
    const open = within(t, OPEN_VERBS, ipo + 1, 3);
    if (open >= 0) return true;
    if (findWord(t, ['launches', 'launch', 'launched', 'opens'], 0, ipo) >= 0) return true;
  }
  const list = findWord(t, LIST_VERBS);
  return list >= 0 && listingAhead(t, list);
}

/** "the Rs 1,200 crore" before an IPO word: its size, from before it or from "to raise …" after it. */
function ipoSize(w: HeadlineWords, ipo: number): Token | null {
  const t = w.tokens;
  const raise = findWord(t, ['raise', 'raises', 'mop'], ipo, ipo + 6);
  return modifiersBefore(t, ipo, 3).find((x) => x.kind === 'money') ?? (raise > 0 ? priceAfter(w, raise + 1) : null) ?? (isWordToken(t[ipo + 1], 'of') ? priceAfter(w, ipo + 2) : null);
}

/** Names before the IPO word that say where or what it is: "London IPO", "Nasdaq IPO". */
function ipoPlace(t: readonly Token[], ipo: number): string {
  const mods = modifiersBefore(t, ipo, 2).filter((x) => x.kind === 'word' && startsUpper(x) && !/^(?:ipo|ipos)$/.test(x.lower));
  return mods.length ? `${writeTokens(mods)} ` : '';
}

/** "the IPO filing with Sebi", "the Rs 800 crore IPO filing". */
function readFiling(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const file = findWord(t, FILE_VERBS);
  if (file < 0) return null;
  const ipo = findWord(t, ['ipo', 'ipos', 'listing', 'offering', 'flotation']);
  const size = ipo >= 0 ? ipoSize(w, ipo) : (priceAfter(w, file + 1) ?? null);
  const place = ipo >= 0 ? ipoPlace(t, ipo) : '';
  // "files for up to $64 mn IPO": a ceiling, not the size.
  const at = size ? t.indexOf(size) : -1;
  if (size && isWordToken(t[at - 1], 'to') && isWordToken(t[at - 2], 'up')) return phrase(`the filing for an IPO of up to ${size.text}`, 'the IPO filing');
  const withWho = findWord(t, ['with'], file + 1);
  const regulator = withWho >= 0 ? nounPhraseAt(t, withWho + 1, 3) : null;
  const who = regulator && !regulator.company && regulator.tokens.every((x) => startsUpper(x)) ? ` with ${writeNounPhrase(regulator)}` : '';
  // "files IPO in Hong Kong": where it will list.
  const inPlace = !who && ipo >= 0 && isWordToken(t[ipo + 1], 'in') ? nounPhraseAt(t, ipo + 2, 3) : null;
  const where = inPlace && !inPlace.company && startsUpper(inPlace.tokens[0]!) && !(w.truncated && inPlace.end >= t.length) ? ` in ${writeNounPhrase(inPlace)}` : '';
  const what = `${size ? `${size.text} ` : ''}${place}`;
  if (where && !what) return phrase(`the IPO filing${where}`);
  if (!what && !who) return null;
  return phrase(`the ${what}IPO filing${who}`, `the ${what}IPO filing`);
}

/** "the IPO price band of Rs 74–80", "the IPO price of Rs 75 a share". */
function readPriceBand(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const word = findWord(t, PRICE_WORDS);
  if (word < 0) return null;
  const price = priceAfter(w, word + 1);
  if (!price) return null;
  const band = /–/.test(price.text) || findWord(t, ['band', 'range']) >= 0;
  return phrase(band ? `the IPO price band of ${price.text}` : `the IPO price of ${price.text} a share`);
}

/** "the IPO opening on Thursday", "the Rs 120 crore IPO opening on September 16", "the Rs 324 crore IPO". */
function readOpening(w: HeadlineWords, ipo: number): NewsPhrase | null {
  const t = w.tokens;
  const size = ipoSize(w, ipo);
  const open = within(t, OPEN_VERBS, ipo + 1, 3);
  let date: { text: string } | null = null;
  if (open >= 0) {
    let at = open + 1;
    if (isWordToken(t[at], 'market', 'the')) at += isWordToken(t[at], 'the') ? 2 : 1;
    if (isWordToken(t[at], 'for') && isWordToken(t[at + 1], 'subscription')) at += 2;
    date = dateAt(t, at);
  }
  const base = `the ${size ? `${size.text} ` : ''}${ipoPlace(t, ipo)}IPO`;
  if (date) return phrase(`${base} opening on ${date.text}`);
  return base === 'the IPO' ? null : phrase(base);
}

/** "the listing at a 23% premium". */
function listedAt(t: readonly Token[], list: number): string | null {
  const at = findWord(t, ['at'], list + 1, list + 4);
  if (at < 0) return null;
  let i = at + 1;
  if (isWordToken(t[i], 'a')) i += 1;
  const x = t[i];
  if (x?.kind === 'percent' && isWordToken(t[i + 1], 'premium', 'gain')) return `at a ${x.text} premium`;
  // A share price alone is no news a person repeats; the premium over the issue price is.
  if (x?.kind === 'money') {
    const premium = t.findIndex((y, k) => k > i && y.kind === 'percent' && isWordToken(t[k + 1], 'premium', 'higher', 'gain', 'above'));
    return premium > 0 ? `at a ${t[premium]!.text} premium` : null;
  }
  return null;
}

/** The first day's rise, when the headline gives one: "ends 42% up on debut" → "42%". */
function firstDayRise(t: readonly Token[]): string | null {
  const pct = t.findIndex((x) => x.kind === 'percent');
  if (pct < 0) return null;
  const near = t.slice(Math.max(0, pct - 3), pct + 3);
  if (near.some((x) => x.kind === 'word' && FALL_WORDS.has(x.lower)) || !near.some((x) => x.kind === 'word' && RISE_WORDS.has(x.lower))) return null;
  const qual = isWordToken(t[pct - 1], 'over') || (isWordToken(t[pct - 1], 'than') && isWordToken(t[pct - 2], 'more')) ? 'more than ' : isWordToken(t[pct - 1], 'nearly', 'almost') ? 'nearly ' : '';
  return `${qual}${t[pct]!.text}`;
}

/** The venue after "on": "the NSE", "BSE's SME platform", "the French, Dutch and Belgian exchanges". */
function venueAt(t: readonly Token[], on: number): { text: string; end: number; several: boolean } | null {
  const items: Token[][] = [];
  let i = on + 1;
  while (i < t.length) {
    const np = nounPhraseAt(t, i, 5);
    if (!np || np.company) break;
    items.push(np.tokens);
    i = np.end;
    if (!(isWordToken(t[i], 'and') || (t[i]?.kind === 'punct' && t[i]!.lower === ','))) break;
    if (!(t[i + 1]?.kind === 'word' && startsUpper(t[i + 1]!))) break;
    i += 1;
  }
  if (items.length === 0) return null;
  const all = items.flat();
  if (all.some((x) => VAGUE_VENUES.has(x.lower)) || !all.some((x) => x.kind === 'word' && startsUpper(x)) || dateAt(t, on + 1)) return null;
  if (items.length === 1) return { text: writeNounPhrase({ tokens: items[0]!, hadThe: isWordToken(t[on + 1], 'the') }), end: i, several: false };
  const names = items.map((it) => writeTokens(it));
  return { text: `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`, end: i, several: true };
}

/** "the UK's biggest private equity-backed listing", "the London listing". */
function describedListing(t: readonly Token[], head: number, noun: string): string | null {
  const mods: Token[] = [];
  for (let i = head - 1; i >= 0 && mods.length < 5; i -= 1) {
    const x = t[i]!;
    if (x.company || x.kind !== 'word' || /^(?:in|on|its|the|a|an|of|and|with|after|to|market|stock)$/.test(x.lower)) break;
    if (!startsUpper(x) && !SUPERLATIVES.has(x.lower) && !/-(?:backed|owned|led)$/.test(x.lower) && !/^(?:private|equity|state|tech|technology)$/.test(x.lower)) break;
    mods.unshift(x);
    if (/['’]s$/.test(x.raw)) break;
  }
  if (mods.length === 0) return null;
  // "UK's biggest … listing" → "the biggest … listing in the UK"; "year's biggest" → "of the year".
  const owner = /['’]s$/.test(mods[0]!.raw) ? mods[0]! : null;
  if (!owner) return `the ${writeTokens(mods)} ${noun}`;
  const rest = writeTokens(mods.slice(1));
  return rest ? `the ${rest} ${noun} ${rankedWhere(owner)}` : null;
}

export const readIpo: Reading = (w) => {
  const t = w.tokens;
  const ahead = isStepBeforeListing(w);
  if (ahead) {
    const filed = findWord(t, FILE_VERBS) >= 0 ? readFiling(w) : null;
    if (filed) return filed;
    const set = findWord(t, SET_VERBS);
    if ((set >= 0 && within(t, PRICE_WORDS, set + 1, 3) >= 0) || findWord(t, ['band']) >= 0) {
      const band = readPriceBand(w);
      if (band) return band;
    }
  }
  const ipo = findWord(t, ['ipo', 'ipos', 'offering', 'flotation']);
  if (ipo >= 0) {
    const size = ipoSize(w, ipo);
    const ipoText = 'IPO';
    // "IPO oversubscribed 8.41 times", "IPO three times oversubscribed".
    for (let i = ipo + 1; i < Math.min(t.length, ipo + 6); i += 1) {
      const x = t[i]!;
      if (x.kind === 'word' && /^(?:over-?)?subscribed$/.test(x.lower)) {
        const by = isWordToken(t[i + 1], 'by') ? 1 : 0; // "over-subscribed by two times"
        const after = t[i + 1 + by];
        const times = (after?.kind === 'number' || isWordToken(after, ...COUNT_WORDS)) && isWordToken(t[i + 2 + by], 'times') ? after! : t[i - 2]?.kind === 'number' && isWordToken(t[i - 1], 'times') ? t[i - 2]! : null;
        const countWord = !times && isWordToken(t[i - 2], ...COUNT_WORDS) && isWordToken(t[i - 1], 'times') ? t[i - 2]! : null;
        const n = times ?? countWord;
        const base = `the ${size ? `${size.text} ` : ''}${ipoText}`;
        if (n) return phrase(`${base}, oversubscribed ${n.text} times`, base);
        if (isWordToken(t[i - 1], 'fully')) return phrase(`the fully subscribed ${size ? `${size.text} ` : ''}${ipoText}`, base);
      }
    }
    // "prices IPO at Rs 1,050 per share".
    const priced = findWord(t, ['prices', 'priced', 'pricing']);
    if (priced >= 0 && priced < ipo + 2 && isWordToken(t[ipo + 1], 'at') && t[ipo + 2]?.kind === 'money') {
      return phrase(`the ${size ? `${size.text} ` : ''}${ipoText}, priced at ${t[ipo + 2]!.text} a share`, `the ${ipoText}`);
    }
    if (ahead) {
      const opening = readOpening(w, ipo);
      if (opening) return opening;
    }
    if (size) return phrase(`the ${size.text} ${ipoPlace(t, ipo)}${ipoText}`);
    const place = ipoPlace(t, ipo);
    if (place) return phrase(`the ${place}${ipoText}`);
  }
  // Trading begins (or is about to): where, at what price, and the first day's rise.
  const list = findWord(t, LIST_VERBS);
  const debut = findWord(t, ['debut', 'debuts', 'listing']);
  const head = list >= 0 ? list : debut;
  if (head >= 0) {
    const noun = t[head]!.lower.startsWith('debut') ? (isWordToken(t[head - 1], 'market') ? 'stock market debut' : 'debut') : 'listing';
    const on = findWord(t, ['on', 'in'], head, head + 5);
    const venue = on >= 0 && !isWordToken(t[on + 1], 'its', 'trading', 'debut') ? venueAt(t, on) : null;
    const date = on >= 0 ? dateAt(t, venue ? venue.end : on) : dateAt(t, head + 1);
    let price: string | null = null;
    for (let i = head; i < t.length && !price; i += 1) if (t[i]!.kind === 'word' && (LIST_VERBS.has(t[i]!.lower) || t[i]!.lower === 'debuts')) price = listedAt(t, i);
    const described = venue ? null : describedListing(t, head, noun);
    const valued = findWord(t, ['valued', 'valuing']);
    const valuation = valued >= 0 && isWordToken(t[valued + 1], 'at') && t[valued + 2]?.kind === 'money' ? t[valued + 2]!.text : null;
    const rise = price ? null : firstDayRise(t);
    const what = venue ? `the ${noun} on ${venue.text}` : (described ?? `the ${noun}`);
    if (what === `the ${noun}` && !date && !price && !valuation && !rise) return null;
    let full = what;
    if (date) full += ` on ${date.text}`;
    if (price) full += ` ${price}`;
    else if (valuation) full += ` at a ${valuation} valuation`;
    if (rise) full = `${full} and the ${rise} rise on the first day`;
    // The subject keeps the date ("the stock market debut on December 23") but not a list of exchanges.
    const dated = date ? `${what} on ${date.text}` : what;
    return phrase(full, venue?.several ? `the ${noun}` : wordCount(full) <= MAX_SHORT_WORDS ? full : wordCount(dated) <= MAX_SHORT_WORDS ? dated : what);
  }
  return null;
};
