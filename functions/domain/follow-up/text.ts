/**
 * User-entered names go into drafts, subject lines and calendar files: strip what could break a
 * header or a line (control and format characters, CR/LF), and keep them short. Plain text only —
 * HTML escaping happens where text is rendered as HTML.
 */

// Cc: C0/C1 controls (CR, LF, tab, NUL…). Cf: invisible format characters such as bidi overrides
// that could make a name display as something else. Zl/Zp: Unicode line and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;

/** One clean line: controls removed (line breaks become spaces), whitespace collapsed, length capped. */
export function cleanText(value: string, maxChars = 200): string {
  const flat = value
    .normalize('NFC')
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** At most `maxWords` words of `text` (already clean), with an ellipsis when cut. */
export function limitWords(text: string, maxWords: number): string {
  const words = text.split(' ').filter(Boolean);
  return words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const HONORIFICS = /^(mr|mrs|ms|mx|miss|dr|prof|professor|sir|dame)\.?$/i;

/**
 * How a note greets the interviewer: the first name ("Dana" for "Dana Lee", "Lee" for "Lee, Dana"
 * is handled as "Dana"), or title and surname when the name starts with one ("Dr. Lee").
 * Empty when nothing usable is left after cleaning.
 */
export function greetingName(fullName: string): string {
  let name = cleanText(fullName, 120);
  const comma = name.indexOf(',');
  // "Lee, Dana" → "Dana Lee"; "Dana Lee, PhD" keeps "Dana Lee".
  if (comma > 0) {
    const before = name.slice(0, comma).trim();
    const after = name.slice(comma + 1).trim();
    name = /^(phd|md|mba|jr\.?|sr\.?|[ivx]+)$/i.test(after) || !after ? before : `${after} ${before}`;
  }
  const words = name.split(' ').filter(Boolean);
  const first = words[0];
  if (!first) return '';
  if (HONORIFICS.test(first) && words.length > 1) {
    const title = first.replace(/\.$/, '');
    const formal = /^(mr|mrs|ms|mx|dr|prof)$/i.test(title) ? `${title}.` : title;
    return `${formal} ${words[words.length - 1]}`;
  }
  return first;
}
