/**
 * When a subscriber's next digest is due: the next time the clock on their wall shows their
 * digest hour. Pure (time comes in); shared by confirmation, settings changes and the digest job.
 */
import { DateTime } from 'luxon';
import type { SubscriberSettings } from './subscriber.js';

/**
 * The first instant strictly after `now` at which it is `digestHour`:00 in the subscriber's time
 * zone, as an ISO-8601 UTC string (the form stored and compared in the digest index).
 *
 * DST-safe: the target is built from the local calendar date, not by adding 24 hours. When the
 * hour does not exist that day (spring forward), luxon moves it forward by the gap (02:00 → 03:00);
 * when it exists twice (fall back), one occurrence is chosen for the day (luxon picks the later
 * one), and the once-a-day digest claim keeps the other from mattering.
 */
export function nextDigestAt(settings: Pick<SubscriberSettings, 'timeZone' | 'digestHour'>, now: Date): string {
  const local = DateTime.fromJSDate(now, { zone: settings.timeZone });
  if (!local.isValid) throw new RangeError(`unknown time zone ${settings.timeZone}`);
  for (let dayOffset = 0; dayOffset <= 2; dayOffset++) {
    const day = local.startOf('day').plus({ days: dayOffset });
    const candidate = DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: settings.digestHour },
      { zone: settings.timeZone },
    );
    if (candidate.toMillis() > now.getTime()) return candidate.toUTC().toISO({ suppressMilliseconds: false })!;
  }
  // Unreachable: two calendar days ahead is always later than now.
  throw new RangeError('no next digest instant found');
}
