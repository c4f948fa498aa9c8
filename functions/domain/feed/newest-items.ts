/**
 * The newest part of a long feed, cut from its text before it is parsed: parsing is what costs
 * (about a second of CPU for a 3 MB, 20,000-item feed), so a feed that lists far more items than
 * the news watch reads is trimmed to FEED_MAX_ITEMS items first, in one linear scan.
 *
 * Which end is the newest is read from the dates of the first and last items (feeds list newest
 * first almost always; a few list oldest first). Only whole items are removed, with what lies
 * between them, so the rest of the document — channel, closing tags — stays as it was. Item tags
 * inside CDATA sections, comments and processing instructions are not items.
 */
import { FEED_MAX_ITEMS } from './limits.js';

/** An item's span in the text: `<item …>` (or `<entry …>`) to the end of its closing tag. */
interface ItemSpan {
  start: number;
  end: number;
}

// CDATA, comments and processing instructions are skipped whole; otherwise an RSS <item> or an
// Atom <entry>, opening, closing or empty, with or without a namespace prefix.
const TOKENS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)(?:[A-Za-z_][\w.-]*:)?(item|entry)(?=[\s/>])[^>]*?(\/?)>/g;

/** The top-level item spans of a feed, in document order (null when the tags do not pair up). */
function itemSpans(text: string): ItemSpan[] | null {
  const spans: ItemSpan[] = [];
  let open: { start: number; name: string } | null = null;
  let depth = 0;
  for (const match of text.matchAll(TOKENS)) {
    const [whole, closing, name, empty] = match;
    if (name === undefined) continue; // CDATA, comment or processing instruction
    const at = match.index;
    if (empty === '/' && !closing) {
      if (depth === 0) spans.push({ start: at, end: at + whole.length });
    } else if (!closing) {
      if (depth === 0) open = { start: at, name };
      depth++;
    } else {
      depth--;
      if (depth < 0) return null;
      if (depth === 0 && open) {
        if (open.name !== name) return null;
        spans.push({ start: open.start, end: at + whole.length });
        open = null;
      }
    }
  }
  return depth === 0 ? spans : null;
}

const DATE = /<(?:[A-Za-z_][\w.-]*:)?(?:pubDate|date|published|updated|issued|modified)(?:\s[^>]*)?>\s*([^<]+?)\s*</;

/** The first date an item gives, as milliseconds, or null. */
function itemDate(text: string, span: ItemSpan): number | null {
  const found = DATE.exec(text.slice(span.start, span.end));
  const at = found ? Date.parse(found[1]!) : NaN;
  return Number.isNaN(at) ? null : at;
}

/**
 * The feed text with at most `max` items: its newest end. Returns the text unchanged when it has
 * no more than `max` items, or when its items cannot be told apart safely (then the parser sees
 * the whole, as it would have anyway).
 */
export function newestItems(text: string, max: number = FEED_MAX_ITEMS): { text: string; dropped: number } {
  const spans = itemSpans(text);
  if (!spans || spans.length <= max) return { text, dropped: 0 };
  const first = itemDate(text, spans[0]!);
  const last = itemDate(text, spans[spans.length - 1]!);
  const oldestFirst = first !== null && last !== null && last > first;
  const dropped = spans.length - max;
  if (oldestFirst) {
    // Keep the last `max`: remove from the first item up to the first item kept.
    return { text: text.slice(0, spans[0]!.start) + text.slice(spans[dropped]!.start), dropped };
  }
  // Keep the first `max`: remove from the end of the last item kept to the end of the last item.
  return { text: text.slice(0, spans[max - 1]!.end) + text.slice(spans[spans.length - 1]!.end), dropped };
}
