/**
 * Turns a feed's bytes into text. Non-UTF-8 feeds are common (ISO-8859-1, windows-1252, …):
 * a byte-order mark wins (as in the WHATWG encoding sniffing rules), then the charset of the
 * Content-Type header, then the XML declaration, then UTF-8.
 */
import iconv from 'iconv-lite';

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

/** Decodes feed bytes; unknown charset names fall back to the next clue, then UTF-8. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedBody {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const candidates = [charsetFromBom(bytes), charsetFromContentType(contentType), charsetFromXmlDeclaration(bytes)];
  const charset = candidates.find((c): c is string => c !== null && iconv.encodingExists(c)) ?? 'utf-8';
  // iconv-lite strips a BOM by default, so the XML parser never sees one.
  return { text: iconv.decode(buffer, charset), charset };
}
