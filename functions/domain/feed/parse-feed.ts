/**
 * Feed text → the product's {@link ParsedFeed}. rss-parser reads RSS 0.9x/1.0/2.0 and Atom; only
 * its `parseString` is used, on text the safe fetcher fetched (its own fetcher has no size cap and
 * follows redirects anywhere). Anything that is not a readable feed becomes a {@link FeedParseError}.
 *
 * Hostile XML: the underlying SAX parser never expands DTD entities (an undeclared entity is an
 * error, so "billion laughs" and external entities fail), and xml2js builds objects without
 * prototypes, so `<__proto__>` elements are plain keys. Declared entities are refused up front
 * with a clear message, as no legitimate feed needs them.
 */
import Parser from 'rss-parser';
import { AppError } from '../errors.js';
import type { ParsedFeed } from '../news.js';
import { normalizeFeed, type RawFeed, type RawItem } from './normalize.js';

/** The text is not a feed the product can read (malformed XML, not RSS/Atom, hostile constructs). */
export class FeedParseError extends AppError {
  constructor(reason: string) {
    super(`not a readable RSS/Atom feed: ${reason}`, 'feed_parse_error');
  }
}

/** Feeds are capped at a few MB by the fetcher; anything larger did not come through it. */
const MAX_FEED_CHARS = 20 * 1024 * 1024;

type AtomEntry = Record<string, unknown>;
interface ParserInternals {
  parseItemAtom(entry: AtomEntry): RawItem;
}

function createParser(): Parser<Record<string, unknown>, RawItem> {
  const parser = new Parser<Record<string, unknown>, RawItem>({
    // <source> names the publisher in Google News (and RSS 2.0) items; Atom has <source><title>.
    // Atom 0.3 dates its entries with <issued>/<modified> rather than <published>/<updated>.
    customFields: { item: ['source', ['dc:publisher', 'dcPublisher'], 'issued', 'modified'] as never },
    xml2js: { strict: true },
  });
  // rss-parser turns an Atom entry's date with `new Date(x).toISOString()`, which throws on a bad
  // date and would lose the whole feed; retry such an entry without its dates instead.
  const internals = parser as unknown as ParserInternals;
  const parseItemAtom = internals.parseItemAtom.bind(parser);
  internals.parseItemAtom = (entry) => {
    try {
      return parseItemAtom(entry);
    } catch {
      const { published, updated, ...rest } = entry;
      return parseItemAtom(rest as AtomEntry);
    }
  };
  return parser;
}

/** The first line of a parser's error, without its "Line: … Column: …" noise. */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split('\n')[0]?.trim() || 'unknown error';
  if (first === 'Unable to parse XML.') return 'empty or not XML';
  if (first === 'Feed not recognized as RSS 1 or 2.') return 'XML, but not RSS or Atom';
  if (first === 'Non-whitespace before first tag.') return 'not XML';
  return first.replace(/\.$/, '').toLowerCase();
}

/**
 * rss-parser recognises RSS only by its version attribute; some feeds leave it out. Such a feed
 * is read as RSS 2.0, whose elements are a superset of 0.9x's.
 */
function withRssVersion(text: string): string {
  return text.replace(/<rss(?=[\s>])(?![^>]*\bversion\s*=)/, '<rss version="2.0"');
}

/**
 * Parses RSS/Atom text into normalized news items; never throws anything but FeedParseError.
 * `baseUrl` (where the feed was fetched) resolves relative links.
 */
export async function parseFeed(text: string, options: { baseUrl?: string } = {}): Promise<ParsedFeed> {
  if (text.length > MAX_FEED_CHARS) throw new FeedParseError('larger than 20 MB');
  if (/<!ENTITY/i.test(text)) throw new FeedParseError('it declares XML entities, which feeds never need');
  if (text.trim() === '') throw new FeedParseError('empty');
  let raw: RawFeed;
  try {
    raw = (await createParser().parseString(withRssVersion(text.replace(/^\uFEFF/, '')))) as unknown as RawFeed;
  } catch (err) {
    throw new FeedParseError(describe(err));
  }
  try {
    return normalizeFeed(raw, options.baseUrl);
  } catch (err) {
    throw new FeedParseError(`unexpected structure (${describe(err)})`);
  }
}
