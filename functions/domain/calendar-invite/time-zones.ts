/**
 * An invite's TZID → an IANA zone. Calendars write zones three ways: IANA names (Google, Apple,
 * Zoom: "America/Chicago"), Windows names (Outlook and Teams: "Pacific Standard Time", mapped with
 * the CLDR windowsZones table that windows-iana ships), and names with a vendor prefix
 * ("/mozilla.org/20050126_1/Europe/Paris", "/citadel.org/…/Europe/London").
 */
import { findIana } from 'windows-iana';
import { isIanaTimeZone } from '../time-zone.js';

/** The IANA zone a TZID names, or null when it names none we know. */
export function ianaZoneFor(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (!name) return null;
  if (isIanaTimeZone(name)) return name;
  // A vendor prefix in front of an IANA name: try the trailing "Area/City" (or "Area/Sub/City").
  const parts = name.split('/').filter(Boolean);
  for (let from = 1; from < parts.length - 1; from++) {
    const candidate = parts.slice(from).join('/');
    if (isIanaTimeZone(candidate)) return candidate;
  }
  // CLDR lists the zone for the whole region ("001") first.
  for (const zone of findIana(name)) {
    if (isIanaTimeZone(zone)) return zone;
  }
  return null;
}
