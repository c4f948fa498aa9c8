import { DateTime } from 'luxon';

/** True when `zone` is an IANA time-zone name the runtime knows (e.g. "Europe/Paris"). */
export function isIanaTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && DateTime.now().setZone(zone).isValid;
}

/** The calendar date (YYYY-MM-DD) of `instant` in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** The wall-clock hour (0–23) of `instant` in `zone`. */
export function localHour(instant: Date, zone: string): number {
  return DateTime.fromJSDate(instant, { zone }).hour;
}
