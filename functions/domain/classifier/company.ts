/**
 * Finding the watched company in a headline: its name and aliases, in any case, with or without
 * "Inc"/"plc"/"Group"-style suffixes, hyphenated or not, possessive or not ("Acme's").
 */
import type { CompanyRef } from '../news.js';
import type { PreparedText } from './text.js';

/** How strictly a variant's capitalisation must match. */
type CaseRule = 'any' | 'initial-upper' | 'exact';

interface NameVariant {
  /** Lower-cased, hyphens/slashes as spaces (matched against `PreparedText.flat`). */
  key: string;
  /** The variant as written, for case checks. */
  written: string;
  caseRule: CaseRule;
}

/** A company compiled once for matching many headlines. */
export interface CompanyMatcher {
  name: string;
  variants: readonly NameVariant[];
}

/** One place the company is named in a headline. */
export interface Mention {
  start: number;
  end: number;
  /** "Acme's" / "Acmes'": the company owns what follows. */
  possessive: boolean;
}

// Legal-form and grouping suffixes people drop when they name a company.
const SUFFIX =
  /(?:[\s,]+(?:inc|incorporated|corp|corporation|co|company|cos|ltd|limited|llc|llp|lp|plc|ag|sa|se|nv|bv|gmbh|kgaa|spa|s\.?p\.?a|s\.?a|n\.?v|a\/s|asa|ab|oyj|oy|pty|pte|bhd|k\.?k|group|holdings?)\.?|\s*&\s*co\.?|\s+and\s+company)$/i;
const LEADING_THE = /^the\s+/i;
const ACRONYM = /^[A-Z0-9&.]{2,6}$/;

function variantsOf(written: string): string[] {
  const out = new Set<string>();
  let current = written.trim().replace(/\s+/g, ' ');
  if (!current) return [];
  out.add(current);
  const withoutThe = current.replace(LEADING_THE, '');
  if (withoutThe) out.add(withoutThe);
  current = withoutThe;
  // Strip suffixes repeatedly ("Acme Holdings Ltd" → "Acme Holdings" → "Acme"), but never to nothing.
  for (let i = 0; i < 4; i += 1) {
    const stripped = current.replace(SUFFIX, '').trim();
    if (!stripped || stripped === current || stripped.length < 2) break;
    out.add(stripped);
    current = stripped;
  }
  for (const v of [...out]) {
    // "MBL Infrastructure" is written "MBL Infrastructures" too: a generic last word, singular or plural.
    const other = otherNumber(v);
    if (other) out.add(other);
  }
  for (const v of [...out]) {
    if (v.includes(' & ')) out.add(v.replace(/ & /g, ' and '));
    else if (/ and /i.test(v)) out.add(v.replace(/ and /gi, ' & '));
    if (v.endsWith('.')) out.add(v.slice(0, -1));
  }
  return [...out];
}

/** Generic last words of company names that headlines write in either number ("Industry"/"Industries"). */
const GENERIC_LAST_WORD =
  /^(.+\s)(infrastructure|industr(?:y|ies)|technolog(?:y|ies)|solution|product|service|system|enterprise|resource|chemical|pharmaceutical|laborator(?:y|ies)|metal|motor|project|venture|communication|network|export|textile|fertili[sz]er|polymer|plastic|cable|engineer|builder|developer|propert(?:y|ies)|hotel|mill)(s?)$/i;

/** The same name with its generic last word in the other number, or null. */
function otherNumber(name: string): string | null {
  const m = GENERIC_LAST_WORD.exec(name);
  if (!m || name.trim().split(/\s+/).length < 2) return null;
  const [, head, word, plural] = m as unknown as [string, string, string, string];
  if (/ies$/i.test(word)) return `${head}${word.slice(0, -3)}${word.endsWith('IES') ? 'Y' : 'y'}`;
  if (/y$/i.test(word)) return `${head}${word.slice(0, -1)}${word.endsWith('Y') ? 'IES' : 'ies'}`;
  return plural ? `${head}${word}` : `${head}${word}s`;
}

function caseRuleFor(written: string): CaseRule {
  // "ICE", "BP", "L&T": an acronym must be written as one, or "ice cream" would be about ICE.
  if (ACRONYM.test(written) && /[A-Z]/.test(written)) return 'exact';
  // "Arm", "Sage", "Apple": a capitalised single word must be capitalised in the headline too.
  if (/^[A-Z][a-z]+$/.test(written)) return 'initial-upper';
  return 'any';
}

const cache = new Map<string, CompanyMatcher>();
const CACHE_LIMIT = 20_000;

/** Compiles (and caches) the variants of a company's name and aliases. */
export function companyMatcher(company: CompanyRef): CompanyMatcher {
  const aliases = company.aliases ?? [];
  const cacheKey = aliases.length ? `${company.name}\u0000${aliases.join('\u0001')}` : company.name;
  const hit = cache.get(cacheKey);
  if (hit) return hit;

  const seen = new Set<string>();
  const variants: NameVariant[] = [];
  for (const source of [company.name, ...aliases]) {
    for (const written of variantsOf(source.replace(/[\u0000-\u001f\u007f]/g, ' '))) {
      const key = written.toLowerCase().replace(/[-/_]/g, ' ').replace(/\s+/g, ' ').trim();
      if (key.length < 2 || seen.has(key)) continue;
      seen.add(key);
      variants.push({ key, written, caseRule: caseRuleFor(written) });
    }
  }
  // Longest first, so "Acme Robotics" wins over "Acme" at the same place.
  variants.sort((a, b) => b.key.length - a.key.length);
  const matcher: CompanyMatcher = { name: company.name, variants };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, matcher);
  return matcher;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 0xc0 && code <= 0x24f) // Latin letters with accents
  );
}

function caseOk(variant: NameVariant, prepared: PreparedText, start: number): boolean {
  if (variant.caseRule === 'any') return true;
  const { text } = prepared;
  const shouting = text === text.toUpperCase();
  if (variant.caseRule === 'exact') {
    return text.startsWith(variant.written, start) || (shouting && text.slice(start, start + variant.written.length).toUpperCase() === variant.written.toUpperCase());
  }
  const c = text.charCodeAt(start);
  return c < 97 || c > 122;
}

/** Every non-overlapping place the company is named, in order. */
export function findMentions(matcher: CompanyMatcher, prepared: PreparedText): Mention[] {
  const { flat, lower } = prepared;
  const found: Mention[] = [];
  for (const variant of matcher.variants) {
    let from = 0;
    for (;;) {
      const at = flat.indexOf(variant.key, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + variant.key.length;
      if (at > 0 && isWordChar(flat.charCodeAt(at - 1))) continue;
      if (end < flat.length && isWordChar(flat.charCodeAt(end))) continue;
      if (!caseOk(variant, prepared, at)) continue;
      if (found.some((m) => at < m.end && end > m.start)) continue;
      let mentionEnd = end;
      let possessive = false;
      if (lower.startsWith("'s", end) && !isWordChar(lower.charCodeAt(end + 2))) {
        possessive = true;
        mentionEnd = end + 2;
      } else if (lower.charCodeAt(end) === 39 && lower.charCodeAt(end - 1) === 115) {
        possessive = true; // "Philips'"
        mentionEnd = end + 1;
      }
      found.push({ start: at, end: mentionEnd, possessive });
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found;
}
