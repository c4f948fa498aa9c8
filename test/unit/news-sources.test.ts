import { describe, expect, it } from 'vitest';
import { companySources, newsSearchUrl, searchTerms, sourceId } from '../../functions/domain/news-watch/sources.js';

describe('news search feed', () => {
  it('ORs the quoted name and aliases with a consistent edition', () => {
    const url = newsSearchUrl({ name: 'Acme Robotics', aliases: ['Acme'] }, 'https://news.google.com');
    expect(url).toBe('https://news.google.com/rss/search?q=%22Acme%20Robotics%22%20OR%20%22Acme%22&hl=en-US&gl=US&ceid=US:en');
    expect(new URL(url).searchParams.get('q')).toBe('"Acme Robotics" OR "Acme"');
  });

  it('uses the configured base, drops repeats and quotes, and ignores alias order', () => {
    expect(searchTerms({ name: ' Acme  "Robotics" ', aliases: ['acme robotics', 'Zeta', 'ACME'] })).toEqual(['Acme Robotics', 'ACME', 'Zeta']);
    const a = newsSearchUrl({ name: 'Acme', aliases: ['B', 'a2'] }, 'http://127.0.0.1:9999/');
    const b = newsSearchUrl({ name: 'Acme', aliases: ['a2', 'B'] }, 'http://127.0.0.1:9999');
    expect(a).toBe(b);
    expect(a.startsWith('http://127.0.0.1:9999/rss/search?q=')).toBe(true);
  });
});

describe('companySources', () => {
  it('lists the news search first, then each added feed once, with stable ids', () => {
    const sources = companySources(
      { name: 'Acme Robotics', aliases: [], feeds: ['https://acme.example/feed.xml', 'https://ACME.example/feed.xml'] },
      'https://news.google.com',
    );
    expect(sources.map((s) => [s.kind, s.url, s.companyKey])).toEqual([
      ['news-search', 'https://news.google.com/rss/search?q=%22Acme%20Robotics%22&hl=en-US&gl=US&ceid=US:en', 'acme-robotics'],
      ['custom', 'https://acme.example/feed.xml', 'acme-robotics'],
    ]);
    expect(sources[1]!.id).toBe(sourceId('acme-robotics', 'https://acme.example/feed.xml'));
  });

  it('shares a source between subscribers watching the same company the same way', () => {
    const a = companySources({ name: 'Acme Robotics', aliases: ['Acme'], feeds: [] }, 'https://news.google.com');
    const b = companySources({ name: 'acme robotics', aliases: ['ACME'], feeds: [] }, 'https://news.google.com');
    expect(a[0]!.companyKey).toBe(b[0]!.companyKey);
    expect(sourceId('acme-robotics', 'u')).toBe(sourceId('acme-robotics', 'u'));
    expect(sourceId('acme-robotics', 'u')).not.toBe(sourceId('other', 'u'));
  });
});
