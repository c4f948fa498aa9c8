/**
 * Feed text to plain text: feeds put HTML (often escaped twice) in descriptions and sometimes in
 * titles. The product shows these in emails and matches company names in them, so markup goes,
 * entities are decoded and whitespace collapses to single spaces.
 */
import { decodeHTML } from 'entities';

const DROPPED_ELEMENTS = /<(script|style|noscript|template|iframe|object|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
/** Block-level tags separate words; inline ones (a, b, em, span…) do not. */
const BLOCK_TAG = /<\/?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|hr|pre|figure|figcaption|header|footer|dd|dt)\b[^<>]*>/gi;
const TAG = /<\/?[A-Za-z][^<>]*>|<![^<>]*>/g;

/** Strips tags, decodes entities (twice-escaped ones too) and collapses whitespace. */
export function toPlainText(input: string): string {
  let text = input.replace(CDATA, '$1');
  // Escaped markup ("&lt;p&gt;") is still markup once decoded: decode, strip, decode again.
  for (let pass = 0; pass < 2; pass++) {
    text = text.replace(COMMENTS, ' ').replace(DROPPED_ELEMENTS, ' ').replace(BLOCK_TAG, ' ').replace(TAG, '');
    const decoded = decodeHTML(text);
    if (decoded === text) break;
    text = decoded;
  }
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts text to at most `max` characters at a word boundary, marking the cut with "…". */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const lastSpace = slice.lastIndexOf(' ');
  const cut = lastSpace > max * 0.6 ? slice.slice(0, lastSpace) : slice;
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
