/**
 * Feed text → the product's {@link ParsedFeed}. rss-parser reads RSS 0.9x/1.0/2.0 and Atom; only
 * its `parseString` is used, on text the safe fetcher fetched (its own fetcher has no size cap and
 * follows redirects anywhere). Anything that is not a readable feed becomes a {@link FeedParseError}.
 *
 * Hostile XML: the underlying SAX parser never expands DTD entities (an undeclared entity is an
 * error, so "billion laughs" and external entities fail), and xml2js builds objects without
 * prototypes, so `<__proto__>` elements are plain keys. Declared entities are refused up front
 * with a clear message, as no legitimate feed needs them.
 *
 * Whatever goes wrong, the message is one sentence about the feed — never the library's own
 * words about its internals ("cannot read properties of undefined").
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
type XmlCallback = (err: unknown, document: unknown) => void;
interface ParserInternals {
  parseItemAtom(entry: AtomEntry): RawItem;
  xmlParser: { parseString(xml: string, callback: XmlCallback): void };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Atom <link> elements without attributes: rss-parser reads `link.$.href` unguarded. */
const linksWithAttributes = (links: unknown) => (Array.isArray(links) ? links.filter((l) => isObject(l) && isObject(l.$)) : links);

/**
 * Fills the gaps rss-parser does not guard against, on the XML tree before it reads it: an RSS or
 * RDF document without a <channel> reads as a feed without a title (RSS 1.0 keeps its items, which
 * sit beside the channel), and Atom links without attributes are dropped.
 */
function repairStructure(document: unknown): unknown {
  if (!isObject(document)) return document;
  const withChannel = (root: Record<string, unknown>) => {
    if (!Array.isArray(root.channel) || root.channel.length === 0) root.channel = [{}];
  };
  if (isObject(document.rss)) withChannel(document.rss);
  if ('rdf:RDF' in document) {
    if (!isObject(document['rdf:RDF'])) document['rdf:RDF'] = {};
    withChannel(document['rdf:RDF'] as Record<string, unknown>);
  }
  if (isObject(document.feed)) {
    const feed = document.feed;
    feed.link = linksWithAttributes(feed.link);
    if (Array.isArray(feed.entry)) for (const entry of feed.entry) if (isObject(entry)) entry.link = linksWithAttributes(entry.link);
  }
  return document;
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
  const xml = internals.xmlParser;
  const parseXml = xml.parseString.bind(xml);
  xml.parseString = (text, callback) => parseXml(text, (err, document) => callback(err, err ? document : repairStructure(document)));
  return parser;
}

/** What rss-parser itself says when a document is not a feed, in the product's words. */
const PARSER_MESSAGES: Record<string, string> = {
  'Unable to parse XML.': 'empty or not XML',
  'Feed not recognized as RSS 1 or 2.': 'XML, but not RSS or Atom',
};

/**
 * Why the text is not a feed, in a few words. The XML parser's own errors describe the text
 * ("unclosed root tag", with Line/Column/Char lines after it) and are kept, first line only;
 * anything else is a failure inside a library, whose words would mean nothing to a reader.
 */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const first = message.split('\n')[0]?.trim() ?? '';
  if (PARSER_MESSAGES[first]) return PARSER_MESSAGES[first];
  if (first === 'Non-whitespace before first tag.') return 'not XML';
  const fromXmlParser = !(err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) && /\nLine: \d+/.test(message);
  if (fromXmlParser && first !== '') return `the XML is malformed (${first.replace(/\.$/, '').toLowerCase()})`;
  return 'its structure is not RSS or Atom as afterview reads it';
}

/**
 * rss-parser recognises RSS only by its version attribute; some feeds leave it out. Such a feed
 * is read as RSS 2.0, whose elements are a superset of 0.9x's.
 */
function withRssVersion(text: string): string {
  return text.replace(/<rss(?=[\s/>])(?![^>]*\bversion\s*=)/, '<rss version="2.0"');
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
    throw new FeedParseError(describe(err));
  }
}
