/**
 * Turns a feed's bytes into text. Non-UTF-8 feeds are common (ISO-8859-1, windows-1252, …):
 * a byte-order mark wins (as in the WHATWG encoding sniffing rules), then the charset of the
 * Content-Type header, then the XML declaration, then UTF-8.
 *
 * Decoding follows the WHATWG Encoding Standard, as browsers do, with Node's built-in TextDecoder
 * (full ICU in Node's official builds and on Lambda): every encoding and label of the standard —
 * the ISO-8859 family, windows-125x, KOI8, Shift_JIS, EUC-JP/KR, GBK/GB18030, Big5, UTF-16. Like
 * browsers it reads a feed labelled ISO-8859-1 or US-ASCII as windows-1252, so the curly quotes
 * such feeds carry in bytes 0x80–0x9F come out as quotes rather than control characters.
 */

export interface DecodedBody {
  text: string;
  /** The charset the bytes were decoded with (lower case, e.g. "utf-8", "iso-8859-1"). */
  charset: string;
}

function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2]?.toLowerCase() ?? null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  // The declaration is ASCII and must come first; 200 bytes is plenty for it.
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * windows-1252's characters for bytes 0x80–0x9F (the other bytes are Latin-1's). Node 20.18.3+
 * and 22.13+ decode these bytes as C1 control characters instead (nodejs/node#60888); mapping
 * what the decoder gives back keeps the smart quotes and dashes on every Node version, and changes
 * nothing where the decoder is right (the five bytes the standard leaves undefined map to themselves).
 */
const WINDOWS_1252_80_TO_9F = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

function decode(bytes: Uint8Array, charset: string): string {
  const decoder = new TextDecoder(charset);
  // The decoder drops a byte-order mark of its own encoding, so the XML parser never sees one;
  // bytes that are not valid in the encoding become U+FFFD instead of failing the feed.
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_80_TO_9F[c.charCodeAt(0) - 0x80]!);
}

/** True when the Encoding Standard knows the label (TextDecoder refuses the others). */
function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Decodes feed bytes; unknown charset names fall back to the next clue, then UTF-8. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedBody {
  const candidates = [charsetFromBom(bytes), charsetFromContentType(contentType), charsetFromXmlDeclaration(bytes)];
  const charset = candidates.find((c): c is string => c !== null && isKnownCharset(c)) ?? 'utf-8';
  return { text: decode(bytes, charset), charset };
}
