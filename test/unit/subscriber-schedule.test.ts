import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextDigestAt } from '../../functions/domain/subscriber-schedule.js';

describe('nextDigestAt', () => {
  it.each([
    // zone, hour, now, expected
    ['UTC', 8, '2026-06-01T07:59:59Z', '2026-06-01T08:00:00.000Z'],
    ['UTC', 8, '2026-06-01T08:00:00Z', '2026-06-02T08:00:00.000Z'], // strictly after now
    ['Europe/Paris', 8, '2026-06-01T06:00:00Z', '2026-06-02T06:00:00.000Z'],
    ['Europe/Paris', 8, '2026-01-10T05:00:00Z', '2026-01-10T07:00:00.000Z'],
    ['America/New_York', 8, '2026-03-08T05:00:00Z', '2026-03-08T12:00:00.000Z'], // spring-forward day: EDT
    ['America/New_York', 8, '2026-03-07T14:00:00Z', '2026-03-08T12:00:00.000Z'], // day before it: 23 h later
    ['America/New_York', 2, '2026-03-07T12:00:00Z', '2026-03-08T07:00:00.000Z'], // 02:00 does not exist → 03:00 EDT
    ['America/New_York', 8, '2026-10-31T13:00:00Z', '2026-11-01T13:00:00.000Z'], // fall-back day: 25 h later
    ['Asia/Kolkata', 0, '2026-06-01T18:29:00Z', '2026-06-01T18:30:00.000Z'], // half-hour offset
    ['Pacific/Kiritimati', 23, '2026-06-01T00:00:00Z', '2026-06-01T09:00:00.000Z'], // UTC+14
  ])('%s at %i:00 after %s → %s', (timeZone, digestHour, now, expected) => {
    expect(nextDigestAt({ timeZone, digestHour }, new Date(now))).toBe(expected);
  });

  it('gives one of the two 01:00 on the fall-back day, and the next day after it', () => {
    const first = nextDigestAt({ timeZone: 'America/New_York', digestHour: 1 }, new Date('2026-10-31T12:00:00Z'));
    expect(['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z']).toContain(first);
    const after = nextDigestAt({ timeZone: 'America/New_York', digestHour: 1 }, new Date('2026-11-01T06:00:00Z'));
    expect(after).toBe('2026-11-02T06:00:00.000Z');
  });

  it('is always later than now, within 25 hours, at the digest hour (or just after a DST gap)', () => {
    const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        (timeZone, digestHour, now) => {
          const next = new Date(nextDigestAt({ timeZone, digestHour }, now));
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
          const local = DateTime.fromJSDate(next, { zone: timeZone });
          // In a DST gap the wall clock jumps past the hour; otherwise it is exactly the hour.
          expect(local.minute === 0 || local.minute === 30).toBe(true);
          expect([digestHour, digestHour + 1]).toContain(local.hour);
        },
      ),
      { numRuns: 500 },
    );
  });
});
