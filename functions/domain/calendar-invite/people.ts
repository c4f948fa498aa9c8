/**
 * Who the candidate meets, from ORGANIZER and ATTENDEE: never the candidate's own address (the
 * subscriber's), never a room, and never a scheduling service's robot address (Calendly sends as
 * no-reply@calendly.com with the host's name beside it). The organizer wins; when the invite names
 * more people, the person is told whom we picked.
 */
import { cleanText } from '../follow-up/index.js';

/** One person (or address) an invite names. */
export interface InvitePerson {
  name: string | null;
  email: string | null;
  role: 'organizer' | 'attendee';
  /** CUTYPE: INDIVIDUAL unless it says ROOM, RESOURCE or GROUP. */
  kind: string;
}

/**
 * Scheduling and recruiting services: their addresses stand for no person and no employer. (Not
 * google.com or zoom.us: people work there too; their robots are caught by the mailbox name.)
 */
export const SCHEDULING_DOMAINS: ReadonlySet<string> = new Set([
  'calendly.com', 'greenhouse.io', 'lever.co', 'ashbyhq.com', 'goodtime.io', 'myworkday.com',
  'smartrecruiters.com', 'icims.com', 'jobvite.com', 'workable.com', 'bamboohr.com', 'recruitee.com', 'teamtailor.com',
  'personio.de', 'hirevue.com', 'modernloop.io', 'paradox.ai', 'doodle.com', 'youcanbook.me', 'acuityscheduling.com',
  'savvycal.com', 'cal.com', 'zcal.co', 'calendar.google.com', 'breezy.hr', 'jazzhr.com', 'zohorecruit.com',
]);

/** Local parts that are mailboxes, not people. */
const ROBOT_LOCAL_PART = /^(?:no-?reply|do-?not-?reply|notifications?|calendar(?:-notification)?|invites?|scheduling|scheduler|mailer|bounce[s]?|support|system)(?:[+._-].*)?$/i;

/** The address of a mailto: value, lower-cased; null when it is not a plausible address. */
export function addressOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const address = value.trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(address) && address.length <= 320 ? address : null;
}

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/** True for a scheduling service's domain or any of its subdomains (acme.greenhouse.io). */
export function isSchedulingDomain(domain: string): boolean {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) if (SCHEDULING_DOMAINS.has(labels.slice(i).join('.'))) return true;
  return false;
}

/** Shared mailboxes of a hiring team: a real address to write to, but not a person's name. */
const TEAM_LOCAL_PART = /^(?:jobs|careers|talent|recruit(?:ing|ment|er|ers)?|hr|people|hiring|interviews?|team|info|hello|contact|ta)(?:[+._-].*)?$/i;
const TEAM_WORDS = /\b(?:team|talent|recruit(?:ing|ment)?|careers|jobs|hr|hiring|people|coordinator|scheduling|acquisition|human resources)\b/i;

/** A name as people write their own: two to four capitalised words, no team words, no digits. */
export function looksLikePersonName(name: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(name) && !TEAM_WORDS.test(name);
}

/** A team's mailbox (jobs@, talent@), or a team's name on an address that is not first.last@. */
function isTeam(p: InvitePerson): boolean {
  if (p.email && TEAM_LOCAL_PART.test(p.email.slice(0, p.email.indexOf('@')))) return true;
  return p.name !== null && TEAM_WORDS.test(p.name) && (p.email === null || nameFromAddress(p.email) === null);
}

export const isRobotAddress = (email: string) => ROBOT_LOCAL_PART.test(email.slice(0, email.indexOf('@'))) || isSchedulingDomain(domainOf(email));

/**
 * A display name as a person would write it: quotes gone, "Lee, Dana" → "Dana Lee"; null when the
 * "name" is only an address (Google writes CN=the address when it knows no name).
 */
export function displayName(cn: string | null | undefined): string | null {
  if (!cn) return null;
  let name = cleanText(cn.replace(/^["']|["']$/g, ''), 200);
  if (!name || name.includes('@')) return null;
  const comma = name.indexOf(',');
  if (comma > 0 && name.indexOf(',', comma + 1) < 0) {
    const before = name.slice(0, comma).trim();
    const after = name.slice(comma + 1).trim();
    // "Dana Lee, PhD" keeps its order; "Lee, Dana" is turned round.
    name = /^(?:phd|md|mba|jr\.?|sr\.?|[ivx]+)$/i.test(after) || !after ? before : `${after} ${before}`;
  }
  return /\p{L}/u.test(name) ? name : null;
}

/** "dana.lee@acme.example" → "Dana Lee"; null unless the local part is clearly first.last. */
export function nameFromAddress(email: string): string | null {
  const local = email.slice(0, email.indexOf('@'));
  const parts = local.split(/[._-]/).filter(Boolean);
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^\p{L}{2,}$/u.test(p))) return null;
  return parts.map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase()).join(' ');
}

export interface InterviewerChoice {
  name: string | null;
  email: string | null;
  warnings: string[];
}

/**
 * The interviewer among `people`, given the candidate's own address. `hostName` is a name the
 * invite's text gives for its host ("Priya Raman is inviting you to a scheduled Zoom meeting").
 */
export function chooseInterviewer(people: readonly InvitePerson[], candidateEmail: string, hostName: string | null): InterviewerChoice {
  const candidate = candidateEmail.trim().toLowerCase();
  const warnings: string[] = [];
  const humans = people.filter((p) => (p.kind === 'INDIVIDUAL' || p.kind === '') && p.email !== candidate);
  const isReal = (p: InvitePerson) => p.email !== null && !isRobotAddress(p.email);
  const organizer = humans.find((p) => p.role === 'organizer');
  const guests = humans.filter((p) => p.role === 'attendee' && isReal(p));
  // The best name an address goes by: Google repeats the organizer as a guest, often with a better name.
  const nameFor = (email: string | null, fallback: string | null) => {
    const names = humans.filter((p) => p.email === email && p.name).map((p) => p.name!);
    return names.find(looksLikePersonName) ?? (fallback && looksLikePersonName(fallback) ? fallback : null);
  };

  let chosen: { name: string | null; email: string | null; why: string } | null = null;
  if (organizer && isReal(organizer) && !isTeam(organizer)) {
    chosen = { name: nameFor(organizer.email, organizer.name), email: organizer.email, why: 'the organizer' };
  } else if (organizer && !isReal(organizer) && organizer.name) {
    // A scheduling service sent it in the host's name: find the host's own address among the guests.
    const same = guests.find((p) => p.name === organizer.name);
    chosen = { name: organizer.name, email: same?.email ?? null, why: 'the host' };
    if (!same && organizer.email) {
      warnings.push(`The invite came from ${domainOf(organizer.email)}, not from ${organizer.name}’s own address, so the interviewer’s email is left empty.`);
    }
  } else {
    const person = guests.find((p) => !isTeam(p) && hostName !== null && p.name === hostName) ?? guests.find((p) => !isTeam(p));
    if (person) chosen = { name: nameFor(person.email, person.name), email: person.email, why: organizer ? 'a guest' : 'the first guest' };
    else if (organizer && isReal(organizer)) chosen = { name: nameFor(organizer.email, organizer.name), email: organizer.email, why: 'the organizer' };
    else if (hostName) chosen = { name: hostName, email: null, why: 'the host' };
  }
  if (!chosen) return { name: null, email: null, warnings };

  if (!chosen.name && chosen.email) {
    const guessed = nameFromAddress(chosen.email);
    if (guessed) {
      chosen.name = guessed;
      warnings.push(`We guessed the interviewer’s name, ${guessed}, from ${chosen.email} — check it.`);
    }
  }
  const others = [...new Set(guests.filter((p) => !isTeam(p) && p.email !== chosen.email).map((p) => nameFor(p.email, p.name) ?? p.email!))];
  if (others.length > 0) {
    const listed =
      others.length > 3
        ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more`
        : others.length === 1
          ? others[0]!
          : `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
    const who = chosen.name ?? chosen.email ?? 'the organizer';
    warnings.push(`The invite also names ${listed}; we picked ${who} (${chosen.why}) as your interviewer — change it if you met someone else.`);
  }
  return { name: chosen.name, email: chosen.email, warnings };
}
