/**
 * A long feed is trimmed to its newest items before it is parsed (functions/domain/feed/newest-items.ts):
 * newest-first and oldest-first feeds, RSS and Atom, and item tags hidden in CDATA or comments.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../functions/domain/feed/parse-feed.js';
import { newestItems } from '../../functions/domain/feed/newest-items.js';

const day = (d: number) => new Date(Date.UTC(2026, 10, d)).toUTCString();
const rssItem = (n: number, d: number, extra = '') => `<item><title>Story ${n}</title><link>https://acme.example/${n}</link><pubDate>${day(d)}</pubDate>${extra}</item>`;
const rss = (items: string[]) => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Acme</title>\n${items.join('\n')}\n</channel></rss>`;

const titles = async (text: string) => (await parseFeed(text)).items.map((i) => i.title);

describe('newest items of a long feed', () => {
  it('keeps the first items of a newest-first feed and a parseable document', async () => {
    const text = rss(Array.from({ length: 10 }, (_, i) => rssItem(i, 20 - i)));
    const cut = newestItems(text, 3);
    expect(cut.dropped).toBe(7);
    expect(await titles(cut.text)).toEqual(['Story 0', 'Story 1', 'Story 2']);
    expect((await parseFeed(cut.text)).title).toBe('Acme');
  });

  it('keeps the last items of an oldest-first feed', async () => {
    const text = rss(Array.from({ length: 10 }, (_, i) => rssItem(i, 1 + i)));
    expect(await titles(newestItems(text, 3).text)).toEqual(['Story 7', 'Story 8', 'Story 9']);
  });

  it('leaves a feed with few enough items untouched', () => {
    const text = rss([rssItem(1, 2), rssItem(2, 1)]);
    expect(newestItems(text, 2)).toEqual({ text, dropped: 0 });
  });

  it('reads Atom entries, with a namespace prefix or without', async () => {
    const entry = (n: number, d: number) => `<entry><title>Entry ${n}</title><id>urn:${n}</id><updated>${new Date(Date.UTC(2026, 10, d)).toISOString()}</updated></entry>`;
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Acme</title>${Array.from({ length: 6 }, (_, i) => entry(i, 10 - i)).join('')}</feed>`;
    expect(await titles(newestItems(atom, 2).text)).toEqual(['Entry 0', 'Entry 1']);
    const prefixed = `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>x</a:title>${'<a:entry><a:title>e</a:title></a:entry>'.repeat(5)}</a:feed>`;
    expect(newestItems(prefixed, 2).dropped).toBe(3);
  });

  it('does not take item tags inside CDATA, comments or processing instructions for items', async () => {
    const tricky = rssItem(0, 9, '<description><![CDATA[ends with </item> and starts <item>]]></description><!-- <item> --><?pi </item>?>');
    const text = rss([tricky, rssItem(1, 8), rssItem(2, 7), rssItem(3, 6)]);
    const cut = newestItems(text, 2);
    expect(cut.dropped).toBe(2);
    expect(await titles(cut.text)).toEqual(['Story 0', 'Story 1']);
  });

  it('gives up safely (the whole text) when the item tags do not pair up', () => {
    const text = rss([rssItem(0, 3), '<item><title>unclosed', rssItem(1, 2), rssItem(2, 1)]);
    expect(newestItems(text, 1)).toEqual({ text, dropped: 0 });
  });

  it('does not mistake RSS 1.0 <items> for items', async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>Acme</title><link>https://acme.example/</link><items><rdf:Seq><rdf:li resource="a"/></rdf:Seq></items></channel>${[0, 1, 2, 3]
      .map((n) => `<item rdf:about="https://acme.example/${n}"><title>Item ${n}</title><link>https://acme.example/${n}</link><dc:date>2026-11-0${9 - n}T00:00:00Z</dc:date></item>`)
      .join('')}</rdf:RDF>`;
    const cut = newestItems(rdf, 2);
    expect(cut.dropped).toBe(2);
    expect(await titles(cut.text)).toEqual(['Item 0', 'Item 1']);
  });
});
