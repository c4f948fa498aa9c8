/**
 * Headline text preparation: one normalized spelling, the lower-cased copy every cue is matched
 * against (same length, so positions line up with the original case), and clause boundaries.
 */

/** A headline ready for matching. `lower` and `text` have the same length. */
export interface PreparedText {
  /** Normalized text with its original capitalisation. */
  text: string;
  /** `text` lower-cased; cue patterns run on this. */
  lower: string;
  /** `lower` with hyphens and slashes as spaces: company names match "Rolls-Royce" and "Rolls Royce". */
  flat: string;
  /** Most words capitalised ("Acme Wins Big Order"): capital letters say nothing about names. Use {@link isTitleCase}. */
  titleCase?: boolean;
  /** Sorted start offsets of hard clause boundaries (a clause runs from one to the next). */
  clauseStarts: number[];
  /** Sorted offsets just after each ", " (soft boundaries: they end a leading zone, not a gap). */
  commas: number[];
  /** `clauseStarts` and `commas` merged, sorted: the finest clauses, for polarity. */
  softStarts: number[];
}

// Feeds are often decoded with the wrong charset; repair the handful of sequences that show up.
const MOJIBAKE: ReadonlyArray<readonly [RegExp, string]> = [
  [/â€™|â€˜/g, "'"],
  [/â€œ|â€\u009d|â€/g, '"'],
  [/â€“|â€”/g, '-'],
  [/Â(?=[£€$¥ ])/g, ''],
];
const HAS_MOJIBAKE = /[âÂ]/;
/** Anything the slow path would change; most headlines are already clean. */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u00a0\u00ab\u00b4\u00bb\u00c2\u00e2\u2000-\u203f\u205f\u3000\ufeff`]|\s\s|^\s|\s$/;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Wire-service and section prefixes that are not part of the news ("UPDATE 2-", "REFILE-",
 * "BRIEF-"), and scraper artefacts where a section label is glued to the title ("CompaniesAcme").
 */
const WIRE_PREFIX =
  /^(?:(?:update|wrapup|refile|rpt|corrected|correction|brief|press|exclusive|breaking(?: news)?|factbox|live|watch|video)\s*\d*\s*(?:[-:|]\s*)|(?:companies|markets|news feed|industry news) ?(?=[A-Z](?!ouse\b|ct\b)))+/i;

/** Commentary rather than news: nothing in it is an event to congratulate on. */
const COMMENTARY_PREFIX =
  /^(?:analysis|opinion|column|comment|commentary|editorial|breakingviews|viewpoint|explainer|insight|preview|podcast|quiz|poll|q&a|interview|analyst views?|morning agenda|market report|stock(?:s)? to watch|hot stocks|dealing room|broker(?:s'|s|'s)? (?:call|tips))\s*[-:|]/i;

/** Normalizes raw headline text: control characters, quotes, dashes, spacing, wire prefixes. */
export function normalizeHeadlineText(raw: string): { text: string; commentary: boolean } {
  let text = raw;
  if (NEEDS_CLEANING.test(text)) {
    if (HAS_MOJIBAKE.test(text)) for (const [pattern, replacement] of MOJIBAKE) text = text.replace(pattern, replacement);
    text = text
      .replace(CONTROL, ' ')
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, '-')
      .replace(SPACES, ' ')
      .trim();
  }
  text = text.replace(WIRE_PREFIX, '');
  const commentary = COMMENTARY_PREFIX.test(text);
  return { text, commentary };
}

// A clause ends at strong punctuation, a spaced dash, or a subordinating word.
const CLAUSE_BREAK =
  /[;:|?!]\s*|\s-\s|\s(?:as|after|while|amid|amidst|despite|but|though|although|because|when|whereas|yet|even as|even though|before|until|unless|if|whether|so that|since)\s/g;
const COMMA = /,\s/g;
const TITLE_WORD = /[A-Za-z][A-Za-z'&.]{3,}/g;

/** Prepares a normalized headline for matching. */
export function prepareText(text: string): PreparedText {
  let lower = text.toLowerCase();
  // A few characters change length when lower-cased (e.g. "İ"); keep positions aligned.
  if (lower.length !== text.length) text = lower;
  const flat = lower.replace(/[-/_]/g, ' ');
  const clauseStarts = [0];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(lower); m; m = CLAUSE_BREAK.exec(lower)) clauseStarts.push(m.index + m[0].length);
  const commas: number[] = [];
  COMMA.lastIndex = 0;
  for (let m = COMMA.exec(lower); m; m = COMMA.exec(lower)) commas.push(m.index + m[0].length);
  const softStarts = commas.length ? [...clauseStarts, ...commas].sort((a, b) => a - b) : clauseStarts;
  return { text, lower, flat, clauseStarts, commas, softStarts };
}

/** Whether most words are capitalised (computed on first use). */
export function isTitleCase(prepared: PreparedText): boolean {
  if (prepared.titleCase !== undefined) return prepared.titleCase;
  let words = 0;
  let capitalised = 0;
  TITLE_WORD.lastIndex = 0;
  for (let m = TITLE_WORD.exec(prepared.text); m; m = TITLE_WORD.exec(prepared.text)) {
    words += 1;
    const c = m[0].charCodeAt(0);
    if (c >= 65 && c <= 90) capitalised += 1;
  }
  prepared.titleCase = words >= 3 && capitalised / words >= 0.7;
  return prepared.titleCase;
}

/** The [start, end) of the clause holding `pos`. */
export function clauseAt(prepared: PreparedText, pos: number): { start: number; end: number } {
  const starts = prepared.clauseStarts;
  let start = 0;
  let end = prepared.lower.length;
  for (let i = 0; i < starts.length; i += 1) {
    const s = starts[i]!;
    if (s <= pos) start = s;
    else {
      end = s;
      break;
    }
  }
  return { start, end };
}

/** The last soft (comma) boundary in [from, to), or `from`. */
export function lastCommaBetween(prepared: PreparedText, from: number, to: number): number {
  let at = from;
  for (const c of prepared.commas) {
    if (c > to) break;
    if (c > from) at = c;
  }
  return at;
}
