import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../functions/domain/feed/charset.js';
import { canonicalLink } from '../../functions/domain/feed/canonical-link.js';
import { stripPublisherSuffix } from '../../functions/domain/feed/normalize.js';
import { FeedParseError, parseFeed } from '../../functions/domain/feed/parse-feed.js';
import { toPlainText, truncateText } from '../../functions/domain/feed/plain-text.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const SHARED_FEEDS = fileURLToPath(new URL('../../../shared/feeds/feed-rs/', import.meta.url));

const fixture = (name: string) => decodeFeedBytes(readFileSync(join(FIXTURES, name))).text;
const parseFixture = (name: string) => parseFeed(fixture(name));

describe('Google-News-style search feeds', () => {
  it('strips " - Publisher" only when <source> names that publisher', async () => {
    const feed = await parseFixture('google-news-acme.xml');
    expect(feed.title).toBe('"Acme Robotics" OR "Acme" - Google News');
    expect(feed.items.map((i) => [i.title, i.publisher])).toEqual([
      ['Acme Robotics wins 2026 Innovation Award', 'Reuters'],
      ['Spider-Man - The Musical - comes to Acme Arena', 'Variety'],
      ['Acme opens new plant in Ohio', 'The Columbus Dispatch'],
      // the suffix is not the named publisher: nothing is cut
      ['Why investors cheer - and worry - about Acme - Acme Watchers Weekly', 'Market Wire'],
      ['AT&T and Acme sign 5G deal – what it means', 'Tech & Co'],
    ]);
  });

  it('keeps the opaque Google News links, guids and dates', async () => {
    const [first, , , , last] = (await parseFixture('google-news-acme.xml')).items;
    expect(first).toEqual({
      title: 'Acme Robotics wins 2026 Innovation Award',
      link: 'https://news.google.com/rss/articles/CBMiWkFVX3lxTE1hY21lLWF3YXJk?oc=5',
      publisher: 'Reuters',
      publishedAt: '2026-11-03T14:30:00.000Z',
      guid: 'CBMiWkFVX3lxTE1hY21lLWF3YXJk',
      summary: 'Acme Robotics wins 2026 Innovation Award',
    });
    expect(last!.publishedAt).toBeNull();
  });
});

describe('every feed format', () => {
  it('RSS 2.0: plain-text summary, canonical links, permalink guids, no script links', async () => {
    const feed = await parseFixture('newsroom-rss2.xml');
    expect(feed.items).toEqual([
      {
        title: 'Acme Robotics expands to Austin',
        link: 'https://acme.example/newsroom/austin?id=42',
        publisher: null,
        publishedAt: '2026-11-03T14:00:00.000Z',
        guid: 'https://acme.example/newsroom/austin',
        summary: 'Acme Robotics today announced… a new office in Austin, Texas. It will host 200 engineers.',
      },
      {
        title: 'Quarterly results',
        link: 'https://acme.example/newsroom/q3',
        publisher: null,
        publishedAt: '2026-10-30T12:00:00.000Z',
        guid: null,
        summary: 'Revenue grew & margins held.',
      },
      expect.objectContaining({ title: 'Only a permalink guid', link: 'https://acme.example/newsroom/guid-only' }),
      expect.objectContaining({ title: 'Script link', link: null }),
    ]);
  });

  it('RSS 0.91 with the Netscape DTD and HTML entities', async () => {
    const feed = await parseFixture('rss-091-netscape.xml');
    expect(feed.title).toBe('Société Acme');
    expect(feed.items[0]).toMatchObject({ title: 'Acme ouvre une usine à Lyon', summary: 'Une nouvelle usine pour 300 personnes.' });
  });

  it('RSS 1.0 (RDF) with dc:date and dc:publisher', async () => {
    const feed = await parseFixture('rss-10-rdf.xml');
    expect(feed.items[0]).toMatchObject({ publisher: 'Acme Press Office', publishedAt: '2026-11-02T09:00:00.000Z' });
  });

  it('Atom 0.3 with issued/modified', async () => {
    const feed = await parseFixture('atom-03.xml');
    expect(feed.items[0]).toMatchObject({
      title: 'Acme ships robot arm v3',
      link: 'http://blog.acme.example/2026/11/arm-v3',
      publishedAt: '2026-11-03T12:29:29.000Z',
      guid: 'tag:blog.acme.example,2026:arm-v3',
    });
  });

  it('Atom 1.0: HTML title, relative links, source title as publisher, a broken date loses only that date', async () => {
    const feed = await parseFixture('atom-10.xml');
    expect(feed.title).toBe('Acme Updates');
    expect(feed.items).toEqual([
      {
        title: 'Acme partners with Globex',
        link: 'https://updates.acme.example/2026/globex',
        publisher: 'Globex Wire',
        publishedAt: '2026-11-03T08:00:00.000Z',
        guid: 'urn:uuid:acme-globex',
        summary: 'A multi-year partnership.',
      },
      expect.objectContaining({ title: 'Entry with a broken date', publishedAt: null }),
    ]);
  });

  it('decodes a feed whose XML declaration names ISO-8859-1', async () => {
    const feed = await parseFixture('latin1-declared.xml');
    expect(feed.items[0]!.title).toBe('Acme récompensée à Zürich');
  });

  it('reads an <rss> with no version attribute as RSS 2.0', async () => {
    const feed = await parseFeed(
      '<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Press</title><item><title>Acme opens Lisbon office - Example News</title><source url="https://news.example">Example News</source></item></channel></rss>',
    );
    expect(feed.items).toEqual([expect.objectContaining({ title: 'Acme opens Lisbon office', publisher: 'Example News' })]);
    await expect(parseFeed('<rsss><channel/></rsss>')).rejects.toBeInstanceOf(FeedParseError);
  });
});

describe('bad and hostile input fails cleanly with FeedParseError', () => {
  it.each([
    ['hostile-billion-laughs.xml', /declares XML entities/],
    ['hostile-external-entity.xml', /declares XML entities/],
    ['hostile-undeclared-entity.xml', /invalid character entity/],
    ['malformed-truncated.xml', /unclosed root tag/],
    ['not-a-feed.html', /not RSS or Atom/],
  ])('%s', async (name, reason) => {
    const err = await parseFixture(name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedParseError);
    expect((err as Error).message).toMatch(reason);
    expect((err as Error).message).not.toContain('\n');
  });

  it.each([[''], ['   '], ['hello world'], ['{"json": true}'], ['<rss version="2.0"><channel>'], ['<?xml version="1.0"?><foo/>']])(
    '%j',
    async (text) => {
      await expect(parseFeed(text)).rejects.toBeInstanceOf(FeedParseError);
    },
  );

  it('treats __proto__ and constructor elements as plain data, polluting nothing', async () => {
    const feed = await parseFixture('hostile-proto-keys.xml');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe('Acme item with hostile keys');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('never throws anything but FeedParseError, whatever the bytes', async () => {
    const seed = fixture('google-news-acme.xml');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          // a real feed, cut and spliced at random places
          fc.tuple(fc.nat(seed.length), fc.nat(seed.length), fc.string({ maxLength: 20 })).map(([a, b, junk]) => seed.slice(0, a) + junk + seed.slice(b)),
        ),
        async (text) => {
          try {
            const feed = await parseFeed(text);
            expect(Array.isArray(feed.items)).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(FeedParseError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('documents without a channel or without items read as empty feeds', () => {
  const RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"';
  it.each([
    ['RSS 2.0 without a channel', '<rss version="2.0"></rss>'],
    ['RSS 2.0 with only text inside', '<rss version="2.0">nothing here</rss>'],
    ['RSS 2.0 with items but no channel', '<rss version="2.0"><item><title>stray</title></item></rss>'],
    ['RSS 0.91 without a channel', '<rss version="0.91"></rss>'],
    ['RSS without a version or a channel', '<rss/>'],
    ['RDF without a channel', `<rdf:RDF ${RDF}></rdf:RDF>`],
    ['RDF with nothing at all', '<rdf:RDF></rdf:RDF>'],
    ['RSS 2.0 with an empty channel', '<rss version="2.0"><channel/></rss>'],
    ['RSS 2.0 with a channel but no items', '<rss version="2.0"><channel><title>Newsroom</title></channel></rss>'],
    ['RDF with an empty channel', `<rdf:RDF ${RDF}><channel/></rdf:RDF>`],
    ['Atom without entries', '<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title></feed>'],
    ['Atom whose links have no attributes', '<feed xmlns="http://www.w3.org/2005/Atom"><link/><entry><link/></entry></feed>'],
    ['RSS 2.0 with empty items', '<rss version="2.0"><channel><item/><item>text</item></channel></rss>'],
  ])('%s', async (_name, text) => {
    const feed = await parseFeed(text);
    expect(feed.items).toEqual([]);
  });

  it('keeps the items of an RDF document whose channel is missing (RSS 1.0 puts them beside it)', async () => {
    const feed = await parseFeed(`<rdf:RDF ${RDF}><item><title>Acme opens a lab</title><link>https://acme.example/lab</link></item></rdf:RDF>`);
    expect(feed.items).toEqual([expect.objectContaining({ title: 'Acme opens a lab', link: 'https://acme.example/lab' })]);
  });

  it('keeps the entries of an Atom feed whose feed-level links have no attributes', async () => {
    const feed = await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><link/><entry><title>Acme ships v3</title><link href="https://acme.example/v3"/><link/></entry></feed>');
    expect(feed.items).toEqual([expect.objectContaining({ title: 'Acme ships v3', link: 'https://acme.example/v3' })]);
  });
});

/** Words of a library's internals that must never reach a person. */
const INTERNALS = /undefined|null|properties|is not a function|TypeError|RangeError|stack|\bLine: |Column/;

describe('every parse failure is one clear sentence about the feed', () => {
  it.each([
    ['not XML', 'hello'],
    ['JSON', '{"items":[]}'],
    ['an unclosed document', '<rss version="2.0"><channel><item>'],
    ['mismatched tags', '<rss version="2.0"><channel></item></channel></rss>'],
    ['HTML', '<html><body><p>hi</p></body></html>'],
    ['a lone Atom entry', '<entry xmlns="http://www.w3.org/2005/Atom"><title>x</title></entry>'],
    ['a processing instruction only', '<?xml version="1.0"?>'],
    ['a stray NUL', '\u0000<rss/>'],
  ])('%s', async (_name, text) => {
    const err = await parseFeed(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedParseError);
    const message = (err as Error).message;
    expect(message).toMatch(/^not a readable RSS\/Atom feed: /);
    expect(message).not.toMatch(INTERNALS);
    expect(message).not.toContain('\n');
  });

  /** Random trees of the elements feeds are made of, in random places, with and without attributes. */
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(
        fc.constantFrom('rss', 'channel', 'item', 'entry', 'feed', 'link', 'title', 'guid', 'pubDate', 'published', 'updated', 'source', 'description', 'enclosure', 'rdf:RDF', 'atom:link', 'itunes:owner', 'itunes:category', 'content', 'summary'),
        fc.constantFrom('', ' version="2.0"', ' version="0.91"', ' href="https://acme.example/x"', ' rel="alternate"', ' url=""', ' $="1"'),
        depth <= 1 ? fc.constant([] as string[]) : fc.array(element(depth - 1), { maxLength: 3 }),
        fc.constantFrom('', 'text', 'Mon, 02 Nov 2026 10:00:00 GMT', 'not a date', '&amp;'),
      )
      .map(([name, attrs, children, text]) => `<${name}${attrs}>${text}${children.join('')}</${name}>`),
  );

  it('whatever shape the XML takes: a feed, or FeedParseError in plain words', async () => {
    await fc.assert(
      fc.asyncProperty(element(4), async (xml) => {
        try {
          const feed = await parseFeed(xml);
          expect(Array.isArray(feed.items)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(FeedParseError);
          expect((err as Error).message).not.toMatch(INTERNALS);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('normalizer pieces', () => {
  it.each([
    ['Acme wins award - Reuters', 'Reuters', 'Acme wins award'],
    ['Acme wins award – The Verge', 'the verge', 'Acme wins award'],
    ['Acme wins award | Bloomberg', 'Bloomberg', 'Acme wins award'],
    ['Spider-Man - The Movie - Variety', 'Variety', 'Spider-Man - The Movie'],
    ['Acme wins award - Reuters', 'AP', 'Acme wins award - Reuters'],
    ['Reuters', 'Reuters', 'Reuters'],
    [' - Reuters', 'Reuters', ' - Reuters'],
    ['Acme wins award - Reuters', null, 'Acme wins award - Reuters'],
  ])('stripPublisherSuffix(%j, %j) = %j', (title, publisher, expected) => {
    expect(stripPublisherSuffix(title, publisher)).toBe(expected);
  });

  it.each([
    ['https://acme.example/a?utm_source=x&utm_campaign=y', 'https://acme.example/a'],
    ['https://acme.example/a?id=1&fbclid=z&gclid=q#top', 'https://acme.example/a?id=1'],
    ['https://acme.example/a?q=a%20b', 'https://acme.example/a?q=a%20b'],
    ['HTTPS://ACME.example:443/a', 'https://acme.example/a'],
    ['https://news.google.com/rss/articles/CBMi?oc=5&utm_source=x#frag', 'https://news.google.com/rss/articles/CBMi?oc=5&utm_source=x#frag'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['https://user:pw@acme.example/', null],
    ['not a url', null],
    ['', null],
  ])('canonicalLink(%j) = %j', (link, expected) => {
    expect(canonicalLink(link)).toBe(expected);
  });

  it('resolves relative links against a base', () => {
    expect(canonicalLink('/news/1', 'https://acme.example/feed.xml')).toBe('https://acme.example/news/1');
  });

  it('turns HTML into plain text', () => {
    expect(toPlainText('<p>Acme&nbsp;<b>wins</b>&hellip;</p><p>Big&amp;bold</p>')).toBe('Acme wins… Big&bold');
    expect(toPlainText('&lt;p&gt;escaped &amp;amp; twice&lt;/p&gt;')).toBe('escaped & twice');
    expect(toPlainText('<style>p{}</style><script>x()</script>text<!-- c -->')).toBe('text');
    expect(toPlainText('a &lt; b')).toBe('a < b');
  });

  it('truncates at a word boundary', () => {
    expect(truncateText('one two three four five', 14)).toBe('one two three…');
    expect(truncateText('short', 14)).toBe('short');
  });
});

const HAS_SHARED_FEEDS = existsSync(SHARED_FEEDS);

describe.skipIf(!HAS_SHARED_FEEDS)('real-world feeds (../shared/feeds/feed-rs)', () => {
  // A skipped suite is still collected: read the folder only when it is there.
  const cases = (HAS_SHARED_FEEDS ? ['rss0', 'rss1', 'rss2', 'atom'] : []).flatMap((dir) =>
    readdirSync(join(SHARED_FEEDS, dir))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => ({ dir, file: f, reference: join(SHARED_FEEDS, dir, f.replace(/\.xml$/, '.serde.json')) })),
  );

  interface ReferenceEntry {
    title: { content: string } | null;
    links: Array<{ href: string; rel: string | null }>;
    published: string | null;
  }
  interface Reference {
    entries: ReferenceEntry[];
  }

  it.each(cases.filter((c) => existsSync(c.reference) && c.file !== 'atom_entry_1.xml'))('$dir/$file matches the reference parse', async ({ dir, file, reference }) => {
    const feed = await parseFeed(decodeFeedBytes(readFileSync(join(SHARED_FEEDS, dir, file))).text);
    const ref = JSON.parse(readFileSync(reference, 'utf8')) as Reference;
    expect(feed.items).toHaveLength(ref.entries.length);
    ref.entries.forEach((entry, i) => {
      const item = feed.items[i]!;
      expect(item.title).toBe(entry.title ? toPlainText(entry.title.content) : '');
      if (entry.published) expect(Date.parse(item.publishedAt ?? '')).toBe(Date.parse(entry.published));
      const href = entry.links.find((l) => l.rel === 'alternate' || l.rel === null)?.href;
      if (href && /^https?:/.test(href)) expect(item.link).toBe(canonicalLink(href));
      // relative in the reference: resolved against the feed's address here
      else if (href) expect(decodeURI(item.link ?? '').endsWith(href)).toBe(true);
      if (item.summary) expect(item.summary).not.toMatch(/<\/?[a-z]+[^>]*>/i);
    });
  });

  it.each(cases.filter((c) => !existsSync(c.reference)).concat([{ dir: 'atom', file: 'atom_entry_1.xml', reference: '' }]))(
    '$dir/$file (no feed reference) fails cleanly',
    async ({ dir, file }) => {
      await expect(parseFeed(decodeFeedBytes(readFileSync(join(SHARED_FEEDS, dir, file))).text)).rejects.toBeInstanceOf(FeedParseError);
    },
  );

  it('every file, cut short or with its channel or root removed, is a feed or one plain sentence', async () => {
    const all = HAS_SHARED_FEEDS
      ? ['rss0', 'rss1', 'rss2', 'atom', 'xml'].flatMap((dir) =>
          readdirSync(join(SHARED_FEEDS, dir))
            .filter((f) => f.endsWith('.xml'))
            .map((f) => decodeFeedBytes(readFileSync(join(SHARED_FEEDS, dir, f))).text),
        )
      : [];
    const variants = all.flatMap((text) => [
      text.slice(0, Math.floor(text.length / 3)),
      text.slice(0, Math.floor(text.length / 2)),
      text.replace(/<\/?channel[^>]*>/g, ''),
      text.replace(/<\/?(item|entry)[^>]*>/g, ''),
      text.replace(/<link[^>]*\/?>/g, '<link/>'),
    ]);
    expect(variants.length).toBeGreaterThan(100);
    for (const text of variants) {
      try {
        await parseFeed(text);
      } catch (err) {
        expect(err).toBeInstanceOf(FeedParseError);
        expect((err as Error).message).not.toMatch(INTERNALS);
      }
    }
  });

  it('decodes the ISO-8859-1 feeds from their declaration', async () => {
    const feed = await parseFeed(decodeFeedBytes(readFileSync(join(SHARED_FEEDS, 'rss1/rss_1.0_iso8859.xml'))).text);
    expect(feed.items[0]!.title).toBe('Digitalministerium: Neue Glasfaserförderung mit Schnellkasse');
  });
});

describe('afterview parse-feed', () => {
  async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
    const { PassThrough, Readable } = await import('node:stream');
    const { main } = await import('../../functions/cli/main.js');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await main(['parse-feed', ...args], { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, env: {} });
    return { code, stdout: out, stderr: err };
  }

  it('prints the contract shape for a file', async () => {
    const { code, stdout } = await run([join(FIXTURES, 'google-news-acme.xml')]);
    expect(code).toBe(0);
    const feed = JSON.parse(stdout) as { title: string; items: Array<Record<string, unknown>> };
    expect(Object.keys(feed)).toEqual(['title', 'items']);
    expect(Object.keys(feed.items[0]!)).toEqual(['title', 'link', 'publisher', 'publishedAt', 'guid', 'summary']);
  });

  it('reads stdin with -', async () => {
    const { code, stdout } = await run(['-'], fixture('atom-03.xml'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'Acme engineering blog' });
  });

  it.each([
    [['/no/such/feed.xml'], /no such file/],
    [[join(FIXTURES, 'malformed-truncated.xml')], /not a readable RSS\/Atom feed/],
    [[join(FIXTURES, 'hostile-billion-laughs.xml')], /declares XML entities/],
    [[], /a file is required/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('dates that name no real day', () => {
  const rss = (pubDate: string) =>
    `<rss version="2.0"><channel><title>t</title><item><title>A</title><link>https://e.example/1</link><pubDate>${pubDate}</pubDate></item></channel></rss>`;

  it.each([
    ['Mon, 30 Feb 2026 10:00:00 GMT', null],
    ['Thu, 31 Apr 2026 10:00:00 GMT', null],
    ['2026-02-30T10:00:00Z', null],
    ['Sun, 29 Feb 2026 10:00:00 GMT', null],
    ['Tue, 29 Feb 2028 10:00:00 GMT', '2028-02-29T10:00:00.000Z'],
    ['Mon, 02 Mar 2026 10:00:00 GMT', '2026-03-02T10:00:00.000Z'],
  ])('%s → %s, never rolled over to another day', async (pubDate, expected) => {
    const feed = await parseFeed(rss(pubDate));
    expect(feed.items[0]!.publishedAt).toBe(expected);
  });
});
