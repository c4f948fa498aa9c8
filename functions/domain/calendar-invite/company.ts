/**
 * The company, from two clues: the interviewer's email domain ("dana@acmerobotics.com") and the
 * invite's title ("Interview: Data Analyst – Acme Robotics"). Free-mail domains (the
 * email-providers list) and scheduling services say nothing about the employer. When both clues
 * agree the title's spelling is used; when only one speaks, or they disagree, the person is told.
 */
import freeMailDomains from 'email-providers/all.json' with { type: 'json' };
import { getDomainWithoutSuffix, getDomain } from 'tldts-icann';
import { cleanText } from '../follow-up/index.js';
import { domainOf, isSchedulingDomain } from './people.js';

const FREE_MAIL: ReadonlySet<string> = new Set(freeMailDomains as string[]);

/** True for an address at a free-mail provider (gmail.com, outlook.com, gmx.de…). */
export function isFreeMailDomain(domain: string): boolean {
  const registrable = getDomain(domain, { allowPrivateDomains: false }) ?? domain;
  return FREE_MAIL.has(domain) || FREE_MAIL.has(registrable);
}

/** The registrable domain of an employer's address, or null for free mail and scheduling services. */
export function employerDomain(email: string | null): string | null {
  if (!email) return null;
  const domain = domainOf(email);
  if (isFreeMailDomain(domain) || isSchedulingDomain(domain)) return null;
  return getDomain(domain) ?? domain;
}

const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** "acme-robotics.co.uk" → "Acme Robotics"; "initech.com" → "Initech". */
export function nameFromDomain(domain: string): string | null {
  const label = getDomainWithoutSuffix(domain) ?? domain.split('.')[0] ?? '';
  const words = label.split(/[-_.]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return null;
  return cleanText(words.map((w) => (w.length <= 3 && words.length > 1 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1))).join(' '), 200);
}

/** True when a title piece names the company of `domain` ("Acme Robotics" and acmerobotics.com, or acme.example). */
function namesDomain(piece: string, domain: string): boolean {
  const label = key(getDomainWithoutSuffix(domain) ?? '');
  const whole = key(piece);
  const first = key(piece.split(/\s+/)[0] ?? '');
  if (label.length < 2 || whole.length < 2) return false;
  return whole === label || whole.startsWith(label) || label.startsWith(whole) || (first.length >= 3 && label.startsWith(first));
}

export interface CompanyGuess {
  company: string | null;
  warnings: string[];
}

/**
 * The company from the employer's domain (the interviewer's, else any other guest's at a company
 * domain) and the title's company pieces.
 */
export function guessCompany(domains: readonly string[], titleCompanies: readonly string[]): CompanyGuess {
  const domain = domains[0] ?? null;
  if (domain) {
    const agreeing = titleCompanies.find((piece) => namesDomain(piece, domain));
    if (agreeing) return { company: agreeing, warnings: [] };
    const fromTitle = titleCompanies[0];
    if (fromTitle) {
      return {
        company: fromTitle,
        warnings: [`The title says “${fromTitle}” but the invite comes from ${domain}; we used “${fromTitle}” — check it.`],
      };
    }
    const fromDomain = nameFromDomain(domain);
    if (fromDomain) return { company: fromDomain, warnings: [`We guessed the company from ${domain} — check it.`] };
  }
  const fromTitle = titleCompanies[0];
  if (fromTitle) return { company: fromTitle, warnings: [`We took the company, “${fromTitle}”, from the invite’s title — check it.`] };
  return { company: null, warnings: [] };
}
