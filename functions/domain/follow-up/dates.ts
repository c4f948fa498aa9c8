/**
 * Calendar dates (YYYY-MM-DD) as the follow-up rules see them: the day an instant falls on in the
 * interview's IANA zone, then whole-day arithmetic on those dates. Converting instants through
 * luxon's zone data is what keeps "the day after the interview" right across daylight-saving
 * changes; once an instant is a date, adding days is pure calendar arithmetic.
 */
import { DateTime } from 'luxon';

/** A local calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

function calendar(date: CalendarDate): DateTime {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  if (!d.isValid) throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

/** The calendar date of `instant` in `zone`. */
export function dateIn(instant: Date | string, zone: string): CalendarDate {
  const d = typeof instant === 'string' ? DateTime.fromISO(instant, { zone }) : DateTime.fromJSDate(instant, { zone });
  const iso = d.isValid ? d.toISODate() : null;
  if (!iso) throw new RangeError(`cannot place ${String(instant)} in time zone ${zone}`);
  return iso;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return calendar(date).plus({ days }).toISODate() ?? date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(calendar(to).diff(calendar(from), 'days').days);
}

export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** "30 Nov" (style short) or "30 November" (style long), in English. */
export function formatDay(date: CalendarDate, style: 'short' | 'long' = 'short'): string {
  return calendar(date).setLocale('en-GB').toFormat(style === 'short' ? 'd LLL' : 'd MMMM');
}

/** "Monday 30 November", for headings. */
export function formatWeekday(date: CalendarDate): string {
  return calendar(date).setLocale('en-GB').toFormat('cccc d MMMM');
}

/** True for a real YYYY-MM-DD date (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}
