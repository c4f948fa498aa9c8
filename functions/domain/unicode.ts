/**
 * Text that is not Unicode: a lone UTF-16 surrogate ("\ud800" in JSON) is no character at all.
 * It cannot be encoded into a URL, an email header or UTF-8 without being lost or breaking the
 * code that tries, so it is refused where text comes in and replaced where text goes out.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds a lone surrogate. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** `text` with each lone surrogate replaced by U+FFFD, as a UTF-8 decoder would. */
export function wellFormed(text: string): string {
  return hasLoneSurrogate(text) ? text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD') : text;
}

/** The first string in a JSON value (its keys included) that holds a lone surrogate, or null. */
export function firstIllFormedText(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? value : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasLoneSurrogate(key)) return key;
    const found = firstIllFormedText(item, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
