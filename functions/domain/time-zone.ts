import { DateTime } from 'luxon';

/** Zones already checked: every stored interview names one, and there are only a few hundred. */
const knownZones = new Map<string, boolean>();

/** True when `zone` is an IANA time-zone name the runtime knows (e.g. "Europe/Paris"). */
export function isIanaTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && DateTime.now().setZone(zone).isValid;
    // Real zones are few; junk names are remembered only while the map is small, so input cannot grow it.
    if (known || knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

/** The calendar date (YYYY-MM-DD) of `instant` in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** The wall-clock hour (0–23) of `instant` in `zone`. */
export function localHour(instant: Date, zone: string): number {
  return DateTime.fromJSDate(instant, { zone }).hour;
}
