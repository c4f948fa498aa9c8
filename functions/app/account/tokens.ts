/**
 * Secrets handed to people: API tokens and the one-time tickets in confirmation and sign-in mail.
 * Long random values (32 bytes); only their SHA-256 is ever stored, so a leaked table holds no
 * usable token.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Prefix that makes an API token recognisable to secret scanners and people. */
export const API_TOKEN_PREFIX = 'avt_';

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A single-use ticket for a confirmation or sign-in link. */
export function newTicketToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up instead of the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A client address as a rate-limit scope: hashed, so no IP address is stored. */
export function hashScope(value: string): string {
  return createHash('sha256').update(value.trim().toLowerCase(), 'utf8').digest('hex').slice(0, 32);
}
