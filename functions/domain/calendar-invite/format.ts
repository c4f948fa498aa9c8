/**
 * In person, by video or by phone, from where the invite says the meeting is: a Zoom, Teams, Meet
 * (or other conferencing) link means video, even when dial-in numbers come with it; a dial-in or a
 * phone number alone means phone; a street address means in person.
 */
import type { InterviewFormat } from '../interview.js';

const VIDEO_LINK =
  /\bhttps?:\/\/(?:[\w-]+\.)*(?:zoom\.us|zoomgov\.com|zoom\.com)\/(?:j|my|w|s|wc)\/|\bhttps?:\/\/teams\.(?:microsoft|live)\.com\/(?:l\/meetup-join|meet)|\bhttps?:\/\/meet\.google\.com\/|\bhttps?:\/\/(?:[\w-]+\.)*webex\.com\/|\bhttps?:\/\/(?:[\w-]+\.)*whereby\.com\/|\bhttps?:\/\/meet\.jit\.si\/|\bhttps?:\/\/(?:[\w-]+\.)*chime\.aws\/|\bhttps?:\/\/(?:[\w-]+\.)*bluejeans\.com\/|\bhttps?:\/\/(?:meet\.goto\.com|(?:[\w-]+\.)*gotomeeting\.com)\/|\bhttps?:\/\/(?:[\w-]+\.)*hirevue\.com\/|\bhttps?:\/\/join\.skype\.com\//i;
/** What video tools write as the location instead of a link. */
const VIDEO_WORDS = /^(?:microsoft teams(?: meeting)?|teams meeting|zoom(?: meeting)?|google meet|webex|skype(?: meeting)?|video call|online|virtual)$/i;
const PHONE_NUMBER = /(?:\btel:|(?:^|[\s(:])\+?\d[\d\s().-]{7,}\d)/;
const PHONE_WORDS = /\b(?:phone (?:screen|call|interview)|dial[- ]?in|call you|will call|conference call|by phone|on the phone)\b/i;
/** A street address: a number with a street word, or a postcode (UK, US ZIP, most of Europe). */
const ADDRESS =
  /\b\d+[a-z]?\s+[\p{L}'. -]+\b(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|way|square|sq|place|pl|court|ct|plaza|parkway|pkwy|terrace|strasse|straße|str|rue|via|calle|weg|gasse|laan|straat)\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b\d{5}\s+\p{Lu}\p{L}+/iu;

export interface FormatClues {
  location: string | null;
  /** Description, conference links (X-GOOGLE-CONFERENCE, X-MICROSOFT-SKYPETEAMSMEETINGURL, CONFERENCE, URL). */
  otherText: string[];
  title: string;
  /** Apple's X-APPLE-STRUCTURED-LOCATION or a GEO property: a place on a map. */
  hasMapPlace: boolean;
}

export interface FormatGuess {
  format: InterviewFormat | null;
  warnings: string[];
}

export function guessFormat(clues: FormatClues): FormatGuess {
  const location = (clues.location ?? '').trim();
  const everything = [location, ...clues.otherText, clues.title].join('\n');
  if (VIDEO_LINK.test(everything) || VIDEO_WORDS.test(location)) return { format: 'video', warnings: [] };
  if (PHONE_NUMBER.test(location) || /^tel:/i.test(location) || PHONE_WORDS.test(`${location}\n${clues.title}`)) return { format: 'phone', warnings: [] };
  if (location && !/^https?:\/\//i.test(location)) {
    if (ADDRESS.test(location) || clues.hasMapPlace) return { format: 'in-person', warnings: [] };
    return { format: 'in-person', warnings: [`We read “${location.replace(/\s+/g, ' ').slice(0, 80)}” as the place you meet, so the format is in person — check it.`] };
  }
  if (PHONE_WORDS.test(everything) || /\btel:/i.test(everything)) return { format: 'phone', warnings: [] };
  return { format: null, warnings: [] };
}
