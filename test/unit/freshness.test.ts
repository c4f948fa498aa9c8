import { describe, expect, it } from 'vitest';
import { classifyHeadline } from '../../functions/domain/classifier/index.js';
import { ageInDays, freshnessOf, isStale, STALE_AFTER_DAYS } from '../../functions/domain/news-watch/freshness.js';

const now = new Date('2026-11-30T12:00:00Z');
const acme = { name: 'Acme Robotics', aliases: [] };

describe('one staleness rule', () => {
  it.each([
    ['2026-11-30T08:00:00Z', 'fresh'],
    ['2026-11-16T12:00:00Z', 'fresh'],
    ['2026-11-16T11:59:00Z', 'stale'],
    ['2026-12-01T08:00:00Z', 'fresh'],
    [null, 'undated'],
    ['', 'undated'],
    ['not a date', 'undated'],
  ] as const)('news published %s is %s', (publishedAt, expected) => {
    expect(freshnessOf(publishedAt, now)).toBe(expected);
  });

  it(`calls news older than ${STALE_AFTER_DAYS} days, and undated news, stale for congratulations`, () => {
    expect(isStale('2026-11-29T00:00:00Z', now)).toBe(false);
    expect(isStale('2026-11-01T00:00:00Z', now)).toBe(true);
    expect(isStale(null, now)).toBe(true);
    expect(ageInDays('2026-11-01T00:00:00Z', now)).toBe(29);
    expect(ageInDays(null, now)).toBeNull();
  });

  it('has the classifier refuse stale news but judge undated news on its words (the news watch then refuses it)', () => {
    const title = 'Acme Robotics wins $40 million rail contract';
    expect(classifyHeadline({ title, publishedAt: '2026-11-29T00:00:00Z' }, acme, { now }).congratulate).toBe(true);
    expect(classifyHeadline({ title, publishedAt: '2026-10-01T00:00:00Z' }, acme, { now }).congratulate).toBe(false);
    expect(classifyHeadline({ title }, acme, { now }).congratulate).toBe(true);
    expect(isStale(undefined, now)).toBe(true);
  });
});
