/**
 * Provenance (functions/domain/news-watch/provenance.ts): a subscriber sees a story only through
 * their own sources, as the first of them that carried it told it.
 */
import { describe, expect, it } from 'vitest';
import { copiesOf, copyFor, storySeenBy } from '../../functions/domain/news-watch/provenance.js';
import type { Classification, Story } from '../../functions/domain/news.js';
import { storyCopy } from '../support/records.js';

const good: Classification = { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: [] };
const neutral: Classification = { polarity: 'neutral', event: null, congratulate: false, confidence: 0.5, reasons: [] };
const copy = storyCopy;
const story: Story = {
  companyKey: 'acme',
  id: 'st',
  title: 'Acme wins award: claim your prize',
  link: 'https://phish.example/',
  publisher: 'Mallory',
  publishedAt: '2026-11-04T07:00:00.000Z',
  summary: null,
  firstSeenAt: '2026-11-04T09:00:00.000Z',
  normalizedTitle: 'acme wins award claim your prize',
  classification: good,
  sourceIds: ['mallory-feed', 'search'],
  copies: [copy('mallory-feed', 'Acme wins award: claim your prize', good), copy('search', 'Acme wins award', neutral)],
};

describe('provenance', () => {
  it('shows nothing to someone none of whose sources carried the story', () => {
    expect(copyFor(story, ['other-search', 'own-feed'])).toBeNull();
    expect(storySeenBy(story, [])).toBeNull();
  });

  it('shows the copy of the first of the subscriber’s sources that carried it: words, link, date and verdict', () => {
    const seen = storySeenBy(story, ['search'])!;
    expect(seen).toMatchObject({ id: 'st', title: 'Acme wins award', link: 'https://search.example/story', publisher: 'search', classification: neutral, sourceIds: ['search'] });
    expect(seen.copies).toBeUndefined();
    expect(storySeenBy(story, ['mallory-feed', 'search'])!.title).toBe('Acme wins award: claim your prize');
    expect(storySeenBy(story, ['search', 'mallory-feed'])!.title).toBe('Acme wins award');
  });

  it('reads a story stored before copies were kept as the same words from each of its sources', () => {
    const { copies: _none, ...legacy } = story;
    expect(copiesOf(legacy).map((c) => [c.sourceId, c.title, c.classification])).toEqual([
      ['mallory-feed', legacy.title, good],
      ['search', legacy.title, good],
    ]);
    expect(copiesOf({ ...legacy, sourceIds: [] })).toEqual([]);
  });
});
