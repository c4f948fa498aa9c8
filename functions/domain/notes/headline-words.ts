/**
 * A headline as the note writer reads it: cleaned of wire-service noise, split into tokens (words,
 * sums of money, percentages, "three-fold" figures, numbers, punctuation), each with the spelling a
 * note would use. The note never quotes a headline; it takes a few of these tokens and writes them
 * in its own phrase, so every token knows how to write itself: "$9.2 Billion" → "$9.2 billion",
 * "Rs 545 cr" → "Rs 545 crore", "54 pc" → "54%", and in an ALL-CAPS or Title Case headline a
 * common word is lower-cased ("Order" → "order") while a name keeps its capitals ("Emirates").
 */
import { normalizeHeadlineText } from '../classifier/text.js';
import { toPlainText } from '../feed/plain-text.js';
import { COMMON_WORDS, EVENT_HEADS, FUNCTION_WORDS, HEADLINE_VERBS, HYPE_WORDS, NAME_STARTS, STOCK_WORDS } from './vocabulary.js';

export type TokenKind = 'word' | 'money' | 'percent' | 'fold' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** As written in the headline. */
  raw: string;
  /** Lower-cased `raw`, for matching. */
  lower: string;
  /** As a note writes it. */
  text: string;
  /** Part of the watched company's name (a possessive "Acme's" included). */
  company: boolean;
  /** The company's name ended here with "'s". */
  possessive: boolean;
}

export interface HeadlineWords {
  /** The cleaned headline. */
  text: string;
  tokens: Token[];
  /** The headline was cut short ("… To Drive ..."): its last words may be half a phrase. */
  truncated: boolean;
}

const ELLIPSIS_END = /\s*(?:\.{3,}|…)\s*$/;
/** "(Reuters)", "[Video]" and similar labels anywhere. */
const BRACKET_LABEL = /\s*[([](?:reuters|ap|afp|bloomberg|pti|ians|video|photos?|updated?|watch|exclusive|report|audio)[)\]]\s*/gi;
/** A source named after a dash or bar at the end: " - source", " | Reuters", " - Industry News". */
const SOURCE_SUFFIX = /\s+(?:-|\||–|—)\s+(?:sources?(?: say)?|reports?|analysts?|industry news|[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3}(?:\.com)?)\s*$/;
/** A trailing attribution: ": report", ": sources", ": Government". */
const ATTRIBUTION_SUFFIX = /\s*:\s*(?:sources?|reports?|officials?|analysts?|experts?|government|govt|ceo|cfo|chairman|minister)\s*$/i;
/** A person named after a colon at the end of a sentence-case headline (": R S Sharma"). */
const SPEAKER_SUFFIX = /\s*:\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}\s*$/;
/** Section labels at the start: "Industry News:", "Markets -", "Stock update |". */
const SECTION_PREFIX = /^(?:industry news|business news|markets?|companies|stocks? update|market update|tech news|news)\s*[-:|]\s*/i;
/** Abbreviations people write in full in a letter. */
const ABBREVIATIONS: Record<string, string> = { stk: 'stock', co: 'company', govt: 'government', qtr: 'quarter', yr: 'year', mn: 'million', bn: 'billion', cr: 'crore' };

/** Cleans a raw headline or summary sentence: markup, entities, wire prefixes and source suffixes. */
export function cleanHeadline(raw: string): { text: string; truncated: boolean } {
  let text = toPlainText(raw);
  text = normalizeHeadlineText(text).text;
  let truncated = false;
  for (let pass = 0; pass < 3; pass += 1) {
    const before = text;
    if (ELLIPSIS_END.test(text)) {
      truncated = true;
      text = text.replace(ELLIPSIS_END, '');
    }
    text = text
      .replace(BRACKET_LABEL, ' ')
      .replace(SOURCE_SUFFIX, '')
      .replace(ATTRIBUTION_SUFFIX, '')
      .replace(SECTION_PREFIX, '')
      .trim();
    // In Title Case every word is capitalised, so a capitalised tail says nothing about a speaker.
    if (styleOf(text) === 'sentence') text = text.replace(SPEAKER_SUFFIX, '');
    text = normalizeHeadlineText(text).text;
    if (text === before) break;
  }
  return { text, truncated };
}

const MAGNITUDE_WORDS: Record<string, string> = {
  k: 'thousand',
  m: 'million',
  mn: 'million',
  mln: 'million',
  million: 'million',
  b: 'billion',
  bn: 'billion',
  bln: 'billion',
  billion: 'billion',
  cr: 'crore',
  crs: 'crore',
  crore: 'crore',
  crores: 'crore',
  lakh: 'lakh',
  lakhs: 'lakh',
  trillion: 'trillion',
  tn: 'trillion',
};
const CURRENCY_WORDS: Record<string, string> = { euro: '€', euros: '€', dollars: '$', dollar: '$', pounds: '£', yen: '¥', rupees: 'Rs ', usd: '$', eur: '€', gbp: '£', inr: 'Rs ' };

const MAGNITUDE = '(?:k|m|mn|mln|million|b|bn|bln|billion|cr|crs|crore|crores|lakh|lakhs|trillion|tn)';
const CURRENCY = '(?:us\\$|c\\$|a\\$|hk\\$|s\\$|\\$|€|£|¥|₹|rs\\.?\\s?|inr\\s?|usd\\s?|eur\\s?|gbp\\s?)';
const NUMBER = '\\d[\\d,]*(?:\\.\\d+)?';
const TOKEN = new RegExp(
  [
    // $9.2 Billion, Rs 329 crore, Rs 250-cr, $1.3bn, Rs 1.5k crore, $200-million
    `(?<money>${CURRENCY}${NUMBER}(?:\\s?[-–]\\s?\\d[\\d,]*(?:\\.\\d+)?(?![\\d,]))?(?:\\s*-?\\s*(?:k\\s+)?${MAGNITUDE}(?![a-z]))?(?:\\s+(?:${MAGNITUDE})(?![a-z]))?|${NUMBER}\\s*-?\\s*${MAGNITUDE}\\s+(?:euros?|dollars?|pounds|yen|rupees)\\b|(?:usd|eur|gbp|inr)\\s*${NUMBER}(?:\\s*-?\\s*${MAGNITUDE}(?![a-z]))?)`,
    // 54 pc, 30.76%, 35 per cent, 12 percent
    `(?<percent>${NUMBER}\\s*(?:%|pc\\b|per\\s?cent\\b|percent\\b|pct\\b))`,
    // three-fold, 2-fold, 10 fold, manifold
    `(?<fold>(?:\\d+(?:\\.\\d+)?|two|three|four|five|six|seven|eight|nine|ten|\\w+teen|twenty|thirty|forty|fifty)\\s?-?\\s?folds?\\b|manifold\\b)`,
    // 50:50 (a joint venture's shares), 1,000th, 10-year
    `(?<number>\\d{1,3}:\\d{1,3}(?![\\d:])|${NUMBER}(?:st|nd|rd|th|s)?(?:-[a-z]+)?(?![\\p{L}\\d]))`,
    // words: Rolls-Royce, Barclay's, U.S., make-in-India, L&T, 4G, Q416
    // …and "&" standing alone between two words (kept only inside a name, see readHeadline)
    `(?<word>[\\p{L}\\d][\\p{L}\\p{M}\\d'’&.\\-+]*|&(?=\\s+[\\p{L}\\d]))`,
    `(?<punct>[,;:|()"!?]|\\s-\\s)`,
  ].join('|'),
  'giu',
);

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function groupDigits(n: number, decimals: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

/** "Rs 545 cr" → "Rs 545 crore"; "$200-million" → "$200 million"; "706 mln euros" → "€706 million". */
export function writeMoney(raw: string): string {
  const lower = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  let currency = '';
  let rest = lower;
  const wordCurrency = /\s(euros?|dollars?|pounds|yen|rupees)$/.exec(rest);
  if (wordCurrency) {
    currency = CURRENCY_WORDS[wordCurrency[1]!] ?? '';
    rest = rest.slice(0, wordCurrency.index);
  }
  const lead = /^(us\$|c\$|a\$|hk\$|s\$|\$|€|£|¥|₹|rs\.?\s?|inr\s?|usd\s?|eur\s?|gbp\s?)/.exec(rest);
  if (lead) {
    const symbol = lead[1]!.replace(/[.\s]/g, '');
    currency = { rs: 'Rs ', inr: 'Rs ', '₹': 'Rs ', usd: '$', eur: '€', gbp: '£', us$: 'US$', c$: 'C$', a$: 'A$', hk$: 'HK$', s$: 'S$' }[symbol] ?? symbol;
    rest = rest.slice(lead[0].length);
  }
  // A price band: "Rs 74-80" → "Rs 74–80".
  const m = /^(\d[\d,]*(?:\.\d+)?)(?:\s?[-–]\s?(\d[\d,]*(?:\.\d+)?))?\s*-?\s*(k\s+)?([a-z]+)?(?:\s+([a-z]+))?$/.exec(rest.trim());
  if (!m) return raw;
  const thousand = Boolean(m[3]) || m[4] === 'k';
  const magnitudeWord = m[4] === 'k' ? m[5] : (m[4] ?? m[5]);
  const magnitude = magnitudeWord ? (MAGNITUDE_WORDS[magnitudeWord] ?? '') : '';
  const figures = [m[1]!, m[2]].filter((f): f is string => f !== undefined).map((written) => {
    const amount = Number(written.replace(/,/g, '')) * (thousand ? 1000 : 1);
    if (!Number.isFinite(amount)) return written;
    // "Rs 3,768.97 crore" is "Rs 3,769 crore" in a letter; small sums keep their decimals as written
    // ("$9.2 billion", a share price of "Rs 70.50").
    const decimals = amount >= 100 ? 0 : Math.min(2, /\.(\d+)$/.exec(written)?.[1]?.length ?? 0);
    return amount.toLocaleString('en-US', { minimumFractionDigits: magnitude ? 0 : decimals, maximumFractionDigits: decimals });
  });
  return `${currency}${figures.join('–')}${magnitude ? ` ${magnitude}` : ''}`;
}

/** The number in a percentage, rounded as a person would say it: 35.81 → "36", 8.5 → "8.5". */
export function percentValue(raw: string): number {
  return Number(/\d[\d,]*(?:\.\d+)?/.exec(raw)![0].replace(/,/g, ''));
}

export function writePercent(raw: string): string {
  const value = percentValue(raw);
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${groupDigits(rounded, 1)}%`;
}

/** "2-fold" → "two-fold", "10 fold" → "ten-fold", "manifold" → "several-fold". */
export function writeFold(raw: string): string {
  const lower = raw.toLowerCase();
  if (lower === 'manifold') return 'several-fold';
  const m = /^(.+?)\s?-?\s?folds?$/.exec(lower);
  const count = m ? m[1]! : lower;
  const n = Number(count);
  const word = Number.isInteger(n) && n >= 0 && n <= 10 ? SMALL_NUMBERS[n]! : count;
  return `${word}-fold`;
}

type Style = 'sentence' | 'title' | 'caps';

function styleOf(text: string): Style {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  const words = text.match(/\p{L}[\p{L}'’]{3,}/gu) ?? [];
  if (letters.length >= 12 && upper / letters.length > 0.8 && words.length >= 2) return 'caps';
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length >= 0.7 ? 'title' : 'sentence';
}

/** Whether every part of a (hyphenated) word is a common word. */
function isCommon(lower: string): boolean {
  if (COMMON_WORDS.has(lower)) return true;
  const parts = lower.split('-');
  return parts.length > 1 && parts.every((p) => COMMON_WORDS.has(p) || /^\d+$/.test(p));
}

/** Acronyms that are common words in lower case elsewhere. */
const ACRONYMS: Record<string, string> = { ipo: 'IPO', ipos: 'IPOs', mou: 'MoU', jv: 'JV', fda: 'FDA', usfda: 'USFDA' };

/** How a word is written in a note, given the headline's capitalisation style. */
function writeWord(raw: string, style: Style, first: boolean, nextRaw: string | undefined): string {
  const lower = raw.toLowerCase();
  if (ACRONYMS[lower]) return ACRONYMS[lower];
  const expanded = ABBREVIATIONS[lower.replace(/\.$/, '')];
  if (expanded && style !== 'sentence') return expanded;
  if (expanded && raw === lower) return expanded;
  if (style === 'sentence') {
    // Only the headline's first word is capitalised by convention rather than because it is a name
    // ("Several firms…"), unless a capitalised word follows it ("Multi Commodity Exchange").
    const nameFollows = nextRaw !== undefined && /^\p{Lu}/u.test(nextRaw);
    const neverAName = FUNCTION_WORDS.has(lower) || HEADLINE_VERBS.has(lower) || HYPE_WORDS.has(lower) || STOCK_WORDS.has(lower) || EVENT_HEADS.has(lower);
    return first && !nameFollows && neverAName && /^\p{Lu}\p{Ll}+$/u.test(raw) ? lower : raw;
  }
  if (isCommon(lower)) return lower;
  if (style === 'caps') {
    // In an all-caps headline a short unknown word without vowels, or of three letters, is
    // probably an acronym (IBM, NHS); a longer one a name.
    if (raw.length <= 3 || !/[AEIOU]/.test(raw) || /\d/.test(raw)) return raw;
    return raw
      .split('-')
      .map((p) => p.charAt(0) + p.slice(1).toLowerCase())
      .join('-');
  }
  return raw;
}

/** A name's words for matching: lower-cased, without a legal-form suffix ("Acme Robotics Inc." → acme robotics). */
const LEGAL_SUFFIX = /^(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|plc|ag|sa|se|nv|gmbh|spa|group|holdings?|pvt|private)\.?$/;

function nameKeys(company: string): string[][] {
  const words = company
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[\s,]+/)
    .map((w) => w.replace(/[.,]+$/, ''))
    // "Law & Kenneth" = "Law and Kenneth": an "&" between words is matched as "and".
    .map((w) => (w === '&' ? 'and' : w))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const keys = [words];
  const core = [...words];
  while (core.length > 1 && LEGAL_SUFFIX.test(core[core.length - 1]!)) {
    core.pop();
    keys.push([...core]);
  }
  if (core[0] === 'the' && core.length > 1) keys.push(core.slice(1));
  return keys.filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
}

function bareWord(lower: string): { word: string; possessive: boolean } {
  const clean = lower.replace(/[’]/g, "'");
  if (/'s$/.test(clean)) return { word: clean.slice(0, -2), possessive: true };
  if (/s'$/.test(clean)) return { word: clean.slice(0, -1), possessive: true };
  return { word: clean.replace(/\.$/, ''), possessive: false };
}

/** Marks the tokens that spell the watched company's name. */
function markCompany(tokens: Token[], company: string): void {
  const keys = nameKeys(company);
  for (let i = 0; i < tokens.length; i += 1) {
    for (const key of keys) {
      if (i + key.length > tokens.length) continue;
      let ok = true;
      let possessive = false;
      for (let k = 0; k < key.length; k += 1) {
        const t = tokens[i + k]!;
        const bare = bareWord(t.lower);
        const last = k === key.length - 1;
        const word = t.lower === '&' ? 'and' : last ? bare.word : t.lower.replace(/\.$/, '');
        if (word !== key[k] && !(last && t.lower === key[k])) {
          ok = false;
          break;
        }
        if (last) possessive = bare.possessive && t.lower !== key[k];
      }
      if (!ok) continue;
      for (let k = 0; k < key.length; k += 1) tokens[i + k]!.company = true;
      tokens[i + key.length - 1]!.possessive = possessive;
      i += key.length - 1;
      break;
    }
  }
}

/** The last word of a prize's name. */
const PRIZE_NAMES = new Set(['award', 'awards', 'prize', 'prizes', 'medal', 'trophy', 'cup']);

const LEGAL_FORM = /^(?:inc|corp|corporation|co|ltd|llc|plc|ag|sa|nv|gmbh|group|holdings)\.?$/i;

/**
 * In a Title Case headline, a run of capitalised words that ends in a name ("Ryder Cup Venue
 * Gleneagles Hotel") or a legal form ("International Business Machines Corp.") is one name: it
 * keeps its capitals even where its words are common ones.
 */
function keepNamesWhole(tokens: Token[]): void {
  let start = 0;
  const flush = (end: number) => {
    const run = tokens.slice(start, end);
    const first = run[0];
    const last = run[run.length - 1];
    // "Industry Innovation Award": a prize's name keeps its capitals when any of its words is a name.
    const namedPrize = last !== undefined && PRIZE_NAMES.has(last.lower) && run.some((t) => !isCommon(t.lower));
    if (run.length >= 2 && first && last && (LEGAL_FORM.test(last.raw) || namedPrize || (!isCommon(last.lower) && !isCommon(first.lower)))) for (const t of run) t.text = t.raw;
  };
  for (let i = 0; i <= tokens.length; i += 1) {
    const t = tokens[i];
    const inRun = t !== undefined && t.kind === 'word' && !t.company && /^\p{Lu}/u.test(t.raw) && !FUNCTION_WORDS.has(t.lower) && !HEADLINE_VERBS.has(t.lower) && !ACRONYMS[t.lower];
    if (!inRun) {
      flush(i);
      start = i + 1;
    }
  }
}

/**
 * In an ALL-CAPS headline, a common word right after a name is part of it ("DUKE ENERGY" → "Duke
 * Energy") unless it is the kind of thing news is about ("LISBON OFFICE" → "Lisbon office").
 */
function capitaliseNames(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    const prevIsName = prev.kind === 'word' && /^\p{Lu}/u.test(prev.text) && !FUNCTION_WORDS.has(prev.lower) && !HEADLINE_VERBS.has(prev.lower);
    if (t.kind === 'word' && prevIsName && /^\p{Ll}/u.test(t.text) && COMMON_WORDS.has(t.lower) && !FUNCTION_WORDS.has(t.lower) && !HEADLINE_VERBS.has(t.lower) && !EVENT_HEADS.has(t.lower)) {
      t.text = t.text.charAt(0).toUpperCase() + t.text.slice(1);
    }
  }
}

/** Cleans and tokenizes a headline (or one summary sentence) for the watched company. */
export function readHeadline(raw: string, company: string): HeadlineWords {
  const { text, truncated } = cleanHeadline(raw);
  const style = styleOf(text);
  const found: Array<{ kind: TokenKind; raw: string }> = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const g = m.groups!;
    const kind = (Object.keys(g) as TokenKind[]).find((k) => g[k] !== undefined)!;
    const raw = m[0].trim() || m[0];
    // A closing quote is no part of the word ("'programmatic buying' agency"); "investors'" keeps its apostrophe.
    found.push({ kind, raw: kind === 'word' ? raw.replace(/(?<![sS])['’]+$/u, '') : raw });
  }
  // A lone "&" is part of a name only between two capitalised words ("Frost & Sullivan", not "Lock & load").
  const capitalised = (x: { raw: string } | undefined) => !!x && /^[\p{Lu}\d]/u.test(x.raw);
  for (let i = found.length - 1; i >= 0; i -= 1) {
    if (found[i]!.raw === '&' && !(capitalised(found[i - 1]) && capitalised(found[i + 1]))) found.splice(i, 1);
  }
  const tokens: Token[] = found.map(({ kind, raw }, i) => {
    const lower = raw.toLowerCase();
    let written: string;
    if (kind === 'money') written = writeMoney(raw);
    else if (kind === 'percent') written = writePercent(raw);
    else if (kind === 'fold') written = writeFold(raw);
    else if (kind === 'word') written = writeWord(raw, style, i === 0, found[i + 1]?.raw);
    else written = raw;
    return { kind, raw, lower: kind === 'punct' ? lower.trim() || '-' : lower, text: written, company: false, possessive: false };
  });
  markCompany(tokens, company);
  if (style === 'title') keepNamesWhole(tokens);
  if (style === 'caps') capitaliseNames(tokens);
  // "New York", "South Africa": a common word that starts a place's name keeps its capital.
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (NAME_STARTS.has(t.lower) && /^\p{Lu}/u.test(t.raw) && next.kind === 'word' && /^\p{Lu}/u.test(next.text)) t.text = t.raw;
  }
  return { text, tokens, truncated };
}

/** Words of a text for comparing runs (lower-cased, punctuation dropped). */
export function plainWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^\p{L}\p{N}$€£%'.-]+/u)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter(Boolean);
}

/** The longest run of consecutive words that `text` shares with `source`. */
export function longestSharedRun(text: string, source: string): number {
  const a = plainWords(text);
  const b = plainWords(source);
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = up;
    }
  }
  return best;
}
