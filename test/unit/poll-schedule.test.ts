/**
 * How often each feed is asked (functions/domain/news-watch/poll-schedule.ts): active feeds every
 * hour, quiet ones every few hours (never less than twice a day, never more than every other
 * hour), spread over their interval by a fixed phase, and a new feed asked at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterPoll } from '../../functions/domain/news-watch/feed-health.js';
import {
  activityOf,
  dueInSlot,
  nextDueSlot,
  phaseOf,
  pollIntervalHours,
  pollLane,
  POLL_INTERVALS_HOURS,
  QUIET_MAX_HOURS,
  QUIET_MIN_HOURS,
  slotOf,
} from '../../functions/domain/news-watch/poll-schedule.js';
import { sourceId } from '../../functions/domain/news-watch/sources.js';
import type { FeedSource } from '../../functions/domain/feed-source.js';
import type { NewsItem } from '../../functions/domain/news.js';

const NOW = new Date('2026-11-04T10:20:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const item = (publishedAt: string | null, title = 'Acme news'): NewsItem => ({ title, link: null, publisher: null, publishedAt, guid: null, summary: null });

describe('interval by activity', () => {
  it.each([
    ['something listed 3 hours ago', { newestItemAt: hoursAgo(3), itemsPerWeek: 2 }, 1],
    ['listed 23 hours ago', { newestItemAt: hoursAgo(23), itemsPerWeek: 1 }, 1],
    ['newest 3 days old, 40 a week (a burst)', { newestItemAt: hoursAgo(72), itemsPerWeek: 40 }, 2],
    ['newest 2 days old, 14 a week', { newestItemAt: hoursAgo(48), itemsPerWeek: 14 }, 6],
    ['newest 2 days old, 5 a week', { newestItemAt: hoursAgo(48), itemsPerWeek: 5 }, 12],
    ['newest a month old, none this week', { newestItemAt: hoursAgo(24 * 30), itemsPerWeek: 0 }, 12],
    ['no dates, changed 2 hours ago', { lastChangedAt: hoursAgo(2) }, 1],
    ['no dates, unchanged for 3 days', { lastChangedAt: hoursAgo(72) }, 12],
    ['nothing known', {}, 12],
  ])('%s → every %i h', (_what, activity, hours) => {
    expect(pollIntervalHours(activity as Partial<FeedSource>, NOW)).toBe(hours);
  });

  it('asks a quiet feed (newest story days old) at most every other hour, and at least twice a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 48, max: 24 * 60 }), fc.integer({ min: 0, max: 500 }), (ageHours, perWeek) => {
        const hours = pollIntervalHours({ newestItemAt: hoursAgo(ageHours), itemsPerWeek: perWeek }, NOW);
        expect(hours).toBeGreaterThanOrEqual(QUIET_MIN_HOURS);
        expect(hours).toBeLessThanOrEqual(QUIET_MAX_HOURS);
        expect(POLL_INTERVALS_HOURS).toContain(hours);
      }),
    );
  });

  it('reads activity from item dates: the newest (a date far in the future is not trusted), and how many this week', () => {
    const activity = activityOf([item(hoursAgo(5)), item(hoursAgo(30)), item(hoursAgo(24 * 9)), item(null), item(hoursAgo(-48))], NOW);
    expect(activity).toMatchObject({ newestItemAt: hoursAgo(5), itemsPerWeek: 2 });
    expect(activityOf([item(null, 'a')], NOW).contentHash).not.toBe(activityOf([item(null, 'b')], NOW).contentHash);
  });
});

describe('due hours and jitter', () => {
  const ids = Array.from({ length: 2_000 }, (_, i) => sourceId(`company-${i}`, `https://news.example/${i}`));

  it('keeps each feed’s phase within its interval, and is due exactly every interval hours', () => {
    for (const hours of POLL_INTERVALS_HOURS) {
      for (const id of ids.slice(0, 50)) {
        const phase = phaseOf(id, hours);
        expect(phase).toBeGreaterThanOrEqual(0);
        expect(phase).toBeLessThan(hours);
        // Two days from a midnight: every interval divides a day.
        const due = Array.from({ length: 48 }, (_, h) => 24 * 20_000 + h).filter((slot) => dueInSlot(id, hours, slot));
        expect(due.length).toBe(48 / hours);
        for (let i = 1; i < due.length; i++) expect(due[i]! - due[i - 1]!).toBe(hours);
      }
    }
  });

  it('spreads feeds of one interval evenly over its hours (no hour gets far more than its share)', () => {
    for (const hours of [2, 6, 12]) {
      const perPhase = new Array<number>(hours).fill(0);
      for (const id of ids) perPhase[phaseOf(id, hours)]!++;
      const share = ids.length / hours;
      for (const n of perPhase) expect(Math.abs(n - share)).toBeLessThan(share * 0.25);
    }
  });

  it('names the next due hour after a poll', () => {
    const id = ids[7]!;
    const slot = slotOf(NOW);
    for (const hours of POLL_INTERVALS_HOURS) {
      const next = nextDueSlot(id, hours, slot);
      expect(next).toBeGreaterThan(slot);
      expect(next - slot).toBeLessThanOrEqual(hours);
      expect(dueInSlot(id, hours, next)).toBe(true);
    }
  });
});

describe('first poll at once', () => {
  const fresh: FeedSource = {
    id: 'new-feed',
    url: 'https://news.example/feed',
    kind: 'custom',
    companyKey: 'acme',
    companyName: 'Acme',
    consecutiveFailures: 0,
    nextAttemptAt: NOW.toISOString(),
    disabled: false,
  };

  it('asks a newly watched company’s feed at its first chance, whatever its phase; after that, on its schedule', () => {
    expect(pollLane(fresh)).toBe('instant');
    const read = afterPoll(fresh, { kind: 'fetched', status: 200 }, NOW, 0.5, { activity: activityOf([item(hoursAgo(30)), item(hoursAgo(60))], NOW) });
    expect(pollLane(read)).toBe('scheduled');
    expect(read.intervalHours).toBe(12);
    // A failure takes it off the schedule until it answers again.
    const failing = afterPoll(read, { kind: 'failed', error: 'HTTP 500' }, NOW, 0.5);
    expect(pollLane(failing)).toBe('instant');
    expect(pollLane(afterPoll(failing, { kind: 'not-modified' }, NOW, 0.5))).toBe('scheduled');
  });
});
