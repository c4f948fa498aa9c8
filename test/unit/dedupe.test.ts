import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterStories,
  findStoredStory,
  normalizeTitle,
  sameStory,
  similarTitles,
  storyId,
} from '../../functions/domain/news-watch/dedupe.js';
import type { NewsItem, Story } from '../../functions/domain/news.js';

const item = (title: string, extra: Partial<NewsItem> = {}): NewsItem => ({
  title,
  link: null,
  publisher: null,
  publishedAt: '2026-11-03T10:00:00.000Z',
  guid: null,
  summary: null,
  ...extra,
});

const OUTLETS = ['Reuters', 'AP', 'Bloomberg', 'CNBC', 'Forbes', 'WSJ', 'FT', 'BBC', 'Yahoo Finance', 'MarketWatch',
  'TechCrunch', 'The Verge', 'Axios', 'Business Insider', 'Fortune', 'Barron’s', 'Seeking Alpha', 'Investing.com', 'Nasdaq', 'Benzinga'];

describe('normalized titles', () => {
  it('ignore case, accents, punctuation and possessives', () => {
    expect(normalizeTitle('Société Générale’s “Big” Win!')).toBe('societe generale big win');
    expect(normalizeTitle('AT&T signs deal')).toBe('at and t signs deal');
  });

  it.each([
    ['Acme Robotics wins 2026 Innovation Award', 'Acme Robotics Wins 2026 Innovation Award', true],
    ['Acme Robotics wins 2026 Innovation Award', 'UPDATE 1-Acme Robotics wins 2026 innovation award', true],
    ['Acme Robotics wins 2026 Innovation Award', 'Acme Robotics wins the 2026 Innovation Award, report says', true],
    ['Acme Robotics wins 2026 Innovation Award', 'Acme Robotics wins prestigious 2026 innovation award for its arm', true],
    ['Acme Robotics wins 2026 Innovation Award', 'Acme Robotics opens new plant in Ohio', false],
    ['Acme Robotics wins 2026 Innovation Award', 'Acme Robotics loses 2026 Innovation Award lawsuit over patents', false],
    ['Acme to cut 200 jobs', 'Acme to add 200 jobs', false],
    ['Acme shares rise 5%', 'Acme shares fall 5%', false],
    ['', '', false],
  ])('%j ~ %j → %s', (a, b, same) => {
    expect(similarTitles(normalizeTitle(a), normalizeTitle(b))).toBe(same);
  });
});

describe('clusterStories', () => {
  it('makes one story of twenty syndicated copies', () => {
    const copies = OUTLETS.map((outlet, i) =>
      item(i % 3 === 0 ? 'Acme Robotics wins 2026 Innovation Award' : i % 3 === 1 ? 'Acme Robotics Wins 2026 Innovation Award!' : 'UPDATE 2-Acme Robotics wins 2026 innovation award', {
        publisher: outlet,
        link: `https://news.google.com/rss/articles/${i}`,
        publishedAt: new Date(Date.parse('2026-11-03T10:00:00Z') + i * 600_000).toISOString(),
      }),
    );
    const clusters = clusterStories('acme-robotics', copies);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.copies).toHaveLength(20);
    expect(clusters[0]!.lead.publisher).toBe('Reuters');
  });

  it('keeps different stories apart, and the same title a month apart', () => {
    const clusters = clusterStories('acme', [
      item('Acme wins award'),
      item('Acme opens plant in Ohio'),
      item('Acme wins award', { publishedAt: '2026-10-01T10:00:00.000Z' }),
    ]);
    expect(clusters).toHaveLength(3);
  });

  it('joins copies that share a canonical link even with different titles', () => {
    const clusters = clusterStories('acme', [
      item('Acme wins award', { link: 'https://acme.example/news/award' }),
      item('Press release: recognition for our robot arm team', { link: 'https://acme.example/news/award/' }),
    ]);
    expect(clusters).toHaveLength(1);
  });

  it('does not treat equal Google News links as proof for different titles', () => {
    expect(
      sameStory(
        { title: 'a', link: 'https://news.google.com/rss/articles/X', publishedAt: null, normalizedTitle: 'acme wins award' },
        { title: 'b', link: 'https://news.google.com/rss/articles/X', publishedAt: null, normalizedTitle: 'acme opens plant' },
      ),
    ).toBe(true); // the same Google link is the same article
  });

  it('gives the same ids whatever order the copies arrive in (concurrent pollers agree)', () => {
    const items = [
      item('Acme wins award', { publishedAt: '2026-11-03T12:00:00.000Z', publisher: 'AP' }),
      item('Acme Wins Award', { publishedAt: '2026-11-03T10:00:00.000Z', publisher: 'Reuters' }),
      item('Acme opens plant in Ohio', { publishedAt: '2026-11-02T10:00:00.000Z' }),
      item('Undated Acme note', { publishedAt: null }),
    ];
    const ids = (list: NewsItem[]) => clusterStories('acme', list).map((c) => c.id).sort();
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), (shuffled) => {
        expect(ids(shuffled)).toEqual(ids(items));
      }),
    );
    const award = clusterStories('acme', items).find((c) => c.normalizedTitle === 'acme wins award')!;
    expect(award.lead.publisher).toBe('Reuters');
    expect(award.id).toBe(storyId('acme', 'acme wins award', null));
  });

  it('scopes ids to the company', () => {
    expect(storyId('acme', 'acme wins award', null)).not.toBe(storyId('acme-robotics', 'acme wins award', null));
  });
});

describe('findStoredStory', () => {
  const stored: Story = {
    companyKey: 'acme',
    id: 'stored-1',
    title: 'Acme Robotics wins 2026 Innovation Award',
    link: 'https://news.google.com/rss/articles/A',
    publisher: 'Reuters',
    publishedAt: '2026-11-03T10:00:00.000Z',
    summary: null,
    firstSeenAt: '2026-11-03T11:00:00.000Z',
    normalizedTitle: 'acme robotics wins 2026 innovation award',
    sourceIds: ['s1'],
  };

  it('recognises a later copy of a stored story', () => {
    const [cluster] = clusterStories('acme', [item('UPDATE 1-Acme Robotics wins 2026 innovation award', { publishedAt: '2026-11-04T09:00:00.000Z' })]);
    expect(findStoredStory(cluster!, [stored])?.id).toBe('stored-1');
  });

  it('does not match a new story', () => {
    const [cluster] = clusterStories('acme', [item('Acme Robotics opens Austin office')]);
    expect(findStoredStory(cluster!, [stored])).toBeNull();
  });
});
