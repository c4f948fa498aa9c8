/**
 * What an invite's title says: "Interview: Data Analyst – Acme Robotics", "Contoso - Senior Data
 * Engineer - Interview with Dana Lee", "Interview for Product Manager at Initech". Titles are short
 * and written by schedulers in a handful of shapes, so the title is cut at its separators and each
 * piece is read as a role (it ends in a job noun), a person (a name the invite already gives) or a
 * company (anything else that is capitalised). Unsure pieces are left for the person to fill in.
 */
import { cleanText } from '../follow-up/index.js';

export interface TitleClues {
  /** The job as the title names it ("Data Analyst"), without the word "interview". */
  role: string | null;
  /** Pieces that may name the company, in the order they appear. */
  companies: string[];
}

// What kind of meeting it is, not who or for what. A kind word ("technical", "final round") is
// dropped only next to a meeting word, so "Technical Program Manager" keeps its "Technical".
const KIND =
  '(?:technical|final|first|second|third|\\d+(?:st|nd|rd|th)|round(?:\\s*\\d+)?|panel|on-?site|virtual|remote|video|phone|zoom|teams|google\\s+meet|' +
  'hiring\\s+manager|recruiter|hr|follow[- ]?up|stage\\s*\\d+|initial|informal|culture|behaviou?ral|case|coding|system\\s+design|portfolio|team)';
const MEETING =
  '(?:(?:updated\\s+)?invitation|invite|interviews?|interviewing|screen(?:ing)?|call|chat|meeting|conversation|catch[- ]?up|coffee|discussion|' +
  'session|intro(?:duction|ductory)?|review|presentation|assessment(?:\\s+(?:day|centre|center))?)';
const MEETING_PHRASE = new RegExp(`\\b(?:${KIND}\\s+)*${MEETING}(?:\\s+${KIND})*\\b`, 'gi');
const ONLY_KIND_WORDS = new RegExp(`^(?:${KIND}|\\s)+$`, 'i');

// The head nouns of job titles: a piece ending in one of these (or starting "Head of …") is a role.
const JOB_NOUNS = new Set(
  (
    'accountant administrator advisor adviser agent analyst architect artist assistant associate attorney auditor buyer ' +
    'chemist clerk coach consultant controller coordinator copywriter counsel cto designer developer director ' +
    'economist editor engineer executive fellow generalist head intern investigator journalist lawyer lead lecturer ' +
    'librarian manager marketer mechanic nurse officer operator paralegal partner pharmacist physician planner ' +
    'president producer professor programmer psychologist recruiter representative researcher scientist secretary ' +
    'specialist statistician strategist supervisor surgeon teacher technician technologist tester therapist trainee ' +
    'translator vp writer sre devops qa ux ui pm tpm sdr bdr'
  ).split(' '),
);

// Separators between pieces. A bare hyphen counts only with spaces round it ("Acme - Analyst").
const SEPARATORS = /\s+[–—-]\s+|\s*[|:/•·]\s*|\s+<>\s+|\s+x\s+|[()[\]]/;

// Titles of the person met rather than of the job applied for: "Chat with Alex (Founder)".
const THEIR_TITLES = /^(?:co-?founder|founder|ceo|cto|cfo|coo|owner|president)$/i;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** True when the piece reads like a job title: its last word (or first, for "Head of …") is a job noun. */
export function isRole(piece: string): boolean {
  const w = words(piece.toLowerCase().replace(/[^\p{L}\p{N}\s&+#.-]/gu, ' '));
  const last = w[w.length - 1]?.replace(/[.,]$/, '');
  const first = w[0];
  return Boolean((last && (JOB_NOUNS.has(last) || JOB_NOUNS.has(last.replace(/s$/, '')))) || first === 'head' || first === 'vp');
}

/** A name that could be a company's: starts with a capital or digit, has a letter, is not a sentence. */
function looksLikeName(piece: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(piece) && /\p{L}/u.test(piece) && words(piece).length <= 6;
}

const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The clues in `title`. `people` are names the invite gives (organizer, attendees): pieces that
 * name them are not companies.
 */
export function readTitle(title: string, people: readonly string[]): TitleClues {
  const personKeys = new Set(people.flatMap((p) => [normalized(p), ...words(p).map(normalized)]).filter((k) => k.length >= 3));
  const isPerson = (piece: string) => {
    const key = normalized(piece);
    return personKeys.has(key) || words(piece).every((w) => personKeys.has(normalized(w)));
  };

  const pieces: string[] = [];
  for (const raw of cleanText(title, 300).split(SEPARATORS)) {
    // Connecting words split a piece further: "Data Analyst at Acme", "Interview for Analyst with Acme".
    for (const part of raw.split(/\s+(?:at|with|for|between|and|&)\s+|^(?:with|for|at)\s+/i)) {
      const piece = part
        .replace(MEETING_PHRASE, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^[\s,.'’&-]+|[\s,.'’&-]+$/g, '')
        .trim();
      if (piece && /\p{L}/u.test(piece) && !ONLY_KIND_WORDS.test(piece)) pieces.push(piece);
    }
  }

  let role: string | null = null;
  const companies: string[] = [];
  for (const piece of pieces) {
    if (isPerson(piece) || THEIR_TITLES.test(piece)) continue;
    if (isRole(piece)) {
      role ??= cleanText(piece, 200);
    } else if (looksLikeName(piece)) {
      companies.push(cleanText(piece, 200));
    }
  }
  return { role, companies };
}
