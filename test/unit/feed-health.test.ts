import { describe, expect, it } from 'vitest';
import { afterPoll, backoffMs, feedHealth, healthChanged, MIN_POLL_INTERVAL_MINUTES, PAUSE_AFTER_FAILURES, SLOW_ANSWER_MS } from '../../functions/domain/news-watch/feed-health.js';
import { congratulationsAllowed } from '../../functions/domain/news-watch/congratulations-allowed.js';
import { isStale } from '../../functions/domain/news-watch/freshness.js';
import type { FeedSource } from '../../functions/domain/feed-source.js';
import { Interview } from '../../functions/domain/interview.js';

const now = new Date('2026-11-04T10:00:00.000Z');
const source: FeedSource = {
  id: 's1',
  url: 'https://news.google.com/rss/search?q=x',
  kind: 'news-search',
  companyKey: 'acme',
  companyName: 'Acme',
  consecutiveFailures: 0,
  nextAttemptAt: now.toISOString(),
  disabled: false,
};
const minutesUntil = (s: FeedSource) => (Date.parse(s.nextAttemptAt) - now.getTime()) / 60_000;

describe('feed health after a poll', () => {
  it('puts a healthy feed back on its schedule (hourly while it has news today) and stores its validators', () => {
    const activity = { newestItemAt: '2026-11-04T08:00:00.000Z', itemsPerWeek: 12, contentHash: 'h1' };
    const next = afterPoll({ ...source, consecutiveFailures: 3, lastError: 'x', failingSince: 'then' }, { kind: 'fetched', status: 200, etag: '"e"' }, now, 0.5, { activity });
    expect(next).toMatchObject({ etag: '"e"', consecutiveFailures: 0, lastError: undefined, failingSince: undefined, lastStatus: 200, checkedAt: now.toISOString(), intervalHours: 1 });
    expect(next).toMatchObject({ newestItemAt: activity.newestItemAt, itemsPerWeek: 12, contentHash: 'h1', lastChangedAt: now.toISOString() });
    // due again in the next hourly slot, not before the minimum interval
    expect(minutesUntil(next)).toBe(60);
    expect(minutesUntil(next)).toBeGreaterThanOrEqual(MIN_POLL_INTERVAL_MINUTES);
  });

  it('writes nothing for a healthy feed whose poll changed nothing, and remembers when a failure run began', () => {
    const healthy = afterPoll(source, { kind: 'fetched', status: 200, etag: '"e"' }, now, 0.5, { activity: { newestItemAt: '2026-11-04T08:00:00.000Z', itemsPerWeek: 3, contentHash: 'h' } });
    const later = new Date(now.getTime() + 3_600_000);
    expect(healthChanged(healthy, afterPoll(healthy, { kind: 'not-modified' }, later, 0.5))).toBe(false);
    expect(healthChanged(healthy, afterPoll(healthy, { kind: 'fetched', status: 200, etag: '"e"' }, later, 0.5, { activity: { newestItemAt: '2026-11-04T08:00:00.000Z', itemsPerWeek: 3, contentHash: 'h' } }))).toBe(false);
    const failing = afterPoll(healthy, { kind: 'failed', error: 'x' }, later, 0.5);
    expect(failing.failingSince).toBe(later.toISOString());
    expect(afterPoll(failing, { kind: 'failed', error: 'y' }, new Date(later.getTime() + 3_600_000), 0.5).failingSince).toBe(later.toISOString());
    expect(healthChanged(healthy, failing)).toBe(true);
  });

  it('keeps stored validators when a 304 omits them', () => {
    const next = afterPoll({ ...source, etag: '"e"', lastModified: 'Mon' }, { kind: 'not-modified' }, now, 0.5);
    expect(next).toMatchObject({ etag: '"e"', lastModified: 'Mon', lastStatus: 304 });
  });

  it('backs off exponentially with jitter, up to a day, then pauses', () => {
    expect(backoffMs(1, 0.5) / 60_000).toBe(60);
    expect(backoffMs(2, 0.5) / 60_000).toBe(120);
    expect(backoffMs(3, 0.5) / 60_000).toBe(240);
    expect(backoffMs(7, 0.5) / 3_600_000).toBe(24);
    expect(backoffMs(1, 0) / 60_000).toBe(48);
    expect(backoffMs(1, 0.999999) / 60_000).toBeCloseTo(72, 0);
    let s = source;
    for (let i = 0; i < PAUSE_AFTER_FAILURES; i++) s = afterPoll(s, { kind: 'failed', error: 'ECONNRESET' }, now, 0.5);
    expect(feedHealth(s)).toBe('paused');
    expect(minutesUntil(s) / 60 / 24).toBe(7);
    expect(s.disabled).toBe(false);
    expect(feedHealth(afterPoll(s, { kind: 'not-modified' }, now, 0.5))).toBe('ok');
  });

  it('counts a feed that keeps answering slowly as unhealthy: it backs off like a failing one, and keeps what it served', () => {
    const slow = afterPoll(source, { kind: 'fetched', status: 200, etag: '"e"', answeredInMs: 12_400 }, now, 0.5);
    expect(slow).toMatchObject({ etag: '"e"', consecutiveFailures: 1, lastStatus: 200, lastError: 'answered slowly (12 s)' });
    expect(minutesUntil(slow)).toBe(60);
    const slower = afterPoll(slow, { kind: 'not-modified', answeredInMs: SLOW_ANSWER_MS }, now, 0.5);
    expect(slower).toMatchObject({ etag: '"e"', consecutiveFailures: 2 });
    expect(minutesUntil(slower)).toBe(120);
    expect(feedHealth(slower)).toBe('failing');
    // A prompt answer makes it healthy again.
    const prompt = afterPoll(slower, { kind: 'not-modified', answeredInMs: SLOW_ANSWER_MS - 1 }, now, 0.5);
    expect(prompt).toMatchObject({ consecutiveFailures: 0, lastError: undefined });
  });

  it('honours Retry-After when it is later than the backoff', () => {
    const later = afterPoll(source, { kind: 'retry-later', status: 429, retryAfter: new Date(now.getTime() + 5 * 3_600_000) }, now, 0.5);
    expect(minutesUntil(later)).toBe(300);
    expect(feedHealth(later)).toBe('failing');
    const soon = afterPoll(source, { kind: 'retry-later', status: 503, retryAfter: new Date(now.getTime() + 1000) }, now, 0.5);
    expect(minutesUntil(soon)).toBe(60);
    const absurd = afterPoll(source, { kind: 'retry-later', status: 429, retryAfter: new Date(now.getTime() + 400 * 86_400_000) }, now, 0.5);
    expect(minutesUntil(absurd) / 60 / 24).toBe(7);
  });

  it('disables a feed that is gone', () => {
    const gone = afterPoll(source, { kind: 'gone' }, now, 0.5);
    expect(gone).toMatchObject({ disabled: true, disabledReason: 'gone', lastStatus: 410 });
    expect(feedHealth(gone)).toBe('gone');
  });
});

describe('congratulations allowed (R6, R8)', () => {
  const base = Interview.parse({
    company: 'Acme',
    role: 'Analyst',
    interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
    interviewedAt: '2026-10-20T15:00:00Z',
    decisionExpectedBy: '2026-11-30',
    events: [{ type: 'thank-you-sent', at: '2026-10-21T10:00:00Z' }],
  });

  it.each([
    ['an open interview', {}, true],
    ['no-contact', { contactPolicy: 'no-contact' }, false],
    ['closed by an offer', { events: [...base.events, { type: 'offer', at: '2026-11-01T10:00:00Z' }] }, false],
    ['rejected', { events: [...base.events, { type: 'rejected', at: '2026-11-01T10:00:00Z' }] }, false],
    ['heard back 2 days ago', { events: [...base.events, { type: 'heard-back', at: '2026-11-02T10:00:00Z' }] }, false],
    ['heard back 4 days ago', { events: [...base.events, { type: 'heard-back', at: '2026-10-31T10:00:00Z' }] }, true],
    ['interviewed yesterday', { interviewedAt: '2026-11-03T10:00:00Z', events: [] }, false],
    ['congratulated 10 days ago', { events: [...base.events, { type: 'congrats-sent', at: '2026-10-25T10:00:00Z' }] }, false],
    ['congratulations suggested 13 days ago', { lastCongratsSuggestedAt: '2026-10-22T10:00:00.000Z' }, false],
    ['congratulations suggested 15 days ago', { lastCongratsSuggestedAt: '2026-10-20T09:00:00.000Z' }, true],
    ['thank-you not sent yet, interviewed 5 days ago', { interviewedAt: '2026-10-30T15:00:00Z', events: [] }, false],
  ])('%s → %s', (_name, change, allowed) => {
    expect(congratulationsAllowed({ ...base, ...(change as object) } as typeof base, now).allowed).toBe(allowed);
  });

  it('names why, so the digest can say it in plain words', () => {
    const verdict = (change: object) => congratulationsAllowed({ ...base, ...change } as typeof base, now);
    expect(verdict({ contactPolicy: 'no-contact' })).toMatchObject({ allowed: false, block: 'no-contact' });
    expect(verdict({ interviewedAt: '2026-10-30T15:00:00Z', events: [] })).toMatchObject({ allowed: false, block: 'thank-you-first' });
    expect(verdict({ events: [...base.events, { type: 'heard-back', at: '2026-11-03T10:00:00Z' }] })).toMatchObject({ block: 'too-soon' });
    expect(verdict({ events: [...base.events, { type: 'withdrawn', at: '2026-11-01T10:00:00Z' }] })).toMatchObject({ block: 'closed' });
  });

  it('treats news older than 14 days, or undated, as stale', () => {
    expect(isStale('2026-10-30T10:00:00Z', now)).toBe(false);
    expect(isStale('2026-10-20T09:00:00Z', now)).toBe(true);
    expect(isStale(null, now)).toBe(true);
  });
});
