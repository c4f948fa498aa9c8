/**
 * Near-linear dedupe (functions/domain/news-watch/story-index.ts): grouping through the index gives
 * exactly what comparing every pair gives, and a stored story is found as the old linear search
 * found it — checked against a brute-force reference on random headlines from a small vocabulary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterStories,
  findStoredStory,
  normalizeTitle,
  sameStory,
  storyId,
  type StoryCandidate,
} from '../../functions/domain/news-watch/dedupe.js';
import { MAX_CHECKED_PER_LOOKUP, StoryIndex } from '../../functions/domain/news-watch/story-index.js';
import type { NewsItem, Story } from '../../functions/domain/news.js';

/** The definition: each item, earliest first, joins the first cluster holding any copy of it. */
function clusterByComparingAll(companyKey: string, items: readonly NewsItem[]): Array<{ id: string; copies: NewsItem[] }> {
  const order = (a: NewsItem, b: NewsItem) => {
    const ta = a.publishedAt ? Date.parse(a.publishedAt) : Infinity;
    const tb = b.publishedAt ? Date.parse(b.publishedAt) : Infinity;
    if (ta !== tb) return ta < tb ? -1 : 1;
    const na = normalizeTitle(a.title);
    const nb = normalizeTitle(b.title);
    if (na !== nb) return na < nb ? -1 : 1;
    return (a.link ?? '').localeCompare(b.link ?? '');
  };
  const clusters: Array<{ id: string; copies: NewsItem[]; members: StoryCandidate[] }> = [];
  for (const item of [...items].sort(order)) {
    const candidate = { ...item, normalizedTitle: normalizeTitle(item.title) };
    const home = clusters.find((c) => c.members.some((m) => sameStory(m, candidate)));
    if (home) {
      home.copies.push(item);
      home.members.push(candidate);
    } else {
      clusters.push({ id: storyId(companyKey, candidate.normalizedTitle, item.link), copies: [item], members: [candidate] });
    }
  }
  return clusters.map(({ id, copies }) => ({ id, copies }));
}

const WORDS = ['acme', 'robotics', 'wins', 'award', 'opens', 'plant', 'ohio', 'contract', 'the', 'new', 'cfo', '2026', 'innovation', 'update', 'shares', 'rise'];
const headline = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 9 }).map((w) => w.join(' '));
const newsItem: fc.Arbitrary<NewsItem> = fc.record({
  title: headline,
  link: fc.option(fc.constantFrom('https://acme.example/a', 'https://acme.example/a/', 'https://acme.example/b', 'https://news.google.com/rss/articles/X'), { nil: null }),
  publisher: fc.constant(null),
  publishedAt: fc.option(fc.integer({ min: 0, max: 10 }).map((d) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString()), { nil: null }),
  guid: fc.constant(null),
  summary: fc.constant(null),
});

describe('grouping through the index', () => {
  it('gives exactly the clusters that comparing every pair gives', () => {
    fc.assert(
      fc.property(fc.array(newsItem, { maxLength: 40 }), (items) => {
        const indexed = clusterStories('acme', items).map((c) => ({ id: c.id, copies: c.copies }));
        expect(indexed).toEqual(clusterByComparingAll('acme', items));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the stored story the linear search finds', () => {
    const stored = fc.array(
      fc.record({ title: headline, link: fc.option(fc.constantFrom('https://acme.example/a', 'https://acme.example/b'), { nil: null }), day: fc.integer({ min: 0, max: 10 }) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(fc.array(newsItem, { minLength: 1, maxLength: 6 }), stored, (items, kept) => {
        const stories: Story[] = kept.map((k, i) => ({
          companyKey: 'acme',
          id: i % 5 === 0 ? storyId('acme', normalizeTitle(k.title), k.link) : `stored-${i}`,
          title: k.title,
          link: k.link,
          publisher: null,
          publishedAt: new Date(Date.UTC(2026, 10, 1 + k.day)).toISOString(),
          summary: null,
          firstSeenAt: '2026-11-12T00:00:00.000Z',
          normalizedTitle: normalizeTitle(k.title),
          sourceIds: ['s1'],
        }));
        for (const cluster of clusterStories('acme', items)) {
          const copies = cluster.copies.map((c) => ({ ...c, normalizedTitle: normalizeTitle(c.title) }));
          const linear = stories.find((s) => s.id === cluster.id || copies.some((c) => sameStory(c, s))) ?? null;
          expect(findStoredStory(cluster, stories)).toBe(linear);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('checks a bounded number of candidates per headline, even in a flood of near-identical ones', () => {
    // Eleven feeds of 200 headlines sharing most of their words: comparing every pair would be 2.4 M checks.
    const titles = Array.from({ length: 2_200 }, (_, i) => normalizeTitle(`Acme Robotics item number ${i} about thing ${i % 97} and widget ${i % 13}`));
    const index = new StoryIndex(titles, () => null);
    let checks = 0;
    titles.forEach((normalizedTitle, i) => {
      index.firstMatch({ normalizedTitle, link: null }, () => (checks++, false));
      index.add(i, { normalizedTitle, link: null });
    });
    expect(checks).toBeLessThanOrEqual(2_200 * MAX_CHECKED_PER_LOOKUP);
    expect(checks).toBeLessThan(2_200 * 2_199 / 2 / 5);
  });

  it('finds real syndicated copies among thousands of other headlines with a handful of checks each', () => {
    const others = Array.from({ length: 2_000 }, (_, i) => normalizeTitle(`Acme Robotics story ${i} on topic ${i * 7919 % 1009}`));
    const index = new StoryIndex([...others, 'acme robotics wins 2026 innovation award'], () => null);
    others.forEach((normalizedTitle, i) => index.add(i, { normalizedTitle, link: null }));
    index.add(others.length, { normalizedTitle: 'acme robotics wins 2026 innovation award', link: null });
    let checks = 0;
    const found = index.firstMatch({ normalizedTitle: normalizeTitle('UPDATE 1-Acme Robotics wins 2026 innovation award'), link: null }, (k) => (checks++, k === others.length));
    expect(found).toBe(others.length);
    expect(checks).toBeLessThan(20);
  });
});
