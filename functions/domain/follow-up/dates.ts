/**
 * Calendar dates (YYYY-MM-DD) as the follow-up rules see them: the day an instant falls on in the
 * interview's IANA zone, then whole-day arithmetic on those dates. Converting instants through
 * luxon's zone data is what keeps "the day after the interview" right across daylight-saving
 * changes; once an instant is a date, adding days is pure calendar arithmetic.
 */
import { DateTime } from 'luxon';
import { DAY_MS } from '../durations.js';

/** A local calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

function calendar(date: CalendarDate): DateTime {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  if (!d.isValid) throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

// Performance: a plan does a few dozen date steps per interview, and building luxon DateTimes for
// each dominated GET /v1/plan. Plain YYYY-MM-DD dates in years 1000–9999 (everything the rules
// produce) are done with UTC milliseconds instead, which is the same arithmetic luxon does in the
// UTC zone; anything else still goes through luxon, so odd input behaves (and fails) as before.
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a plain, real YYYY-MM-DD date in years 1000–9999; null for anything else. */
function plainDateMs(date: string): number | null {
  const m = PLAIN_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Rejects 2026-02-30 and month 13 (Date.UTC would roll them over).
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : null;
}

/** YYYY-MM-DD for midnight UTC `ms`; null outside years 1000–9999 (luxon writes those differently). */
function plainDateOf(ms: number): CalendarDate | null {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return null;
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Small memo for the pure, luxon-backed conversions: the same interview and event instants (and
 * the same few formatted days) come up on every request. Cleared wholesale when full, so it stays
 * bounded in a long-lived process.
 */
function memo<T>(limit: number): { get(key: string): T | undefined; set(key: string, value: T): T } {
  const entries = new Map<string, T>();
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      if (entries.size >= limit) entries.clear();
      entries.set(key, value);
      return value;
    },
  };
}
const MEMO_LIMIT = 10_000;
const placed = memo<CalendarDate>(MEMO_LIMIT);
const formatted = memo<string>(MEMO_LIMIT);

/** The calendar date of `instant` in `zone`. */
export function dateIn(instant: Date | string, zone: string): CalendarDate {
  // Only valid instants are remembered; an invalid one fails below every time, as before.
  const key = typeof instant === 'string' ? `${zone}|${instant}` : Number.isNaN(instant.getTime()) ? null : `${zone}|#${instant.getTime()}`;
  const known = key === null ? undefined : placed.get(key);
  if (known !== undefined) return known;
  const d = typeof instant === 'string' ? DateTime.fromISO(instant, { zone }) : DateTime.fromJSDate(instant, { zone });
  const iso = d.isValid ? d.toISODate() : null;
  if (!iso) throw new RangeError(`cannot place ${String(instant)} in time zone ${zone}`);
  return key === null ? iso : placed.set(key, iso);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const ms = Number.isInteger(days) ? plainDateMs(date) : null;
  const fast = ms === null ? null : plainDateOf(ms + days * DAY_MS);
  if (fast !== null) return fast;
  return calendar(date).plus({ days }).toISODate() ?? date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = plainDateMs(from);
  const b = plainDateMs(to);
  if (a !== null && b !== null) return Math.round((b - a) / DAY_MS);
  return Math.round(calendar(to).diff(calendar(from), 'days').days);
}

export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

const DAY_FORMATS = { short: 'd LLL', long: 'd MMMM', year: 'd LLL yyyy', full: 'd MMMM yyyy' } as const;

/** "30 Nov" (style short), "30 November" (style long), "30 Nov 2026" (style year) or "30 November 2026" (style full), in English. */
export function formatDay(date: CalendarDate, style: keyof typeof DAY_FORMATS = 'short'): string {
  const key = `${style}|${date}`;
  return formatted.get(key) ?? formatted.set(key, calendar(date).setLocale('en-GB').toFormat(DAY_FORMATS[style]));
}

/**
 * The day `instant` falls on in `zone`, formatted; null when either cannot be read (an instant or
 * a zone from stored or feed data is shown as no date rather than failing the whole message).
 */
export function formatDayOf(instant: string, zone: string, style: keyof typeof DAY_FORMATS = 'short'): string | null {
  try {
    return formatDay(dateIn(instant, zone), style);
  } catch {
    return null;
  }
}

/** "Monday 30 November", for headings. */
export function formatWeekday(date: CalendarDate): string {
  const key = `weekday|${date}`;
  return formatted.get(key) ?? formatted.set(key, calendar(date).setLocale('en-GB').toFormat('cccc d MMMM'));
}

/** True for a real YYYY-MM-DD date (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}
