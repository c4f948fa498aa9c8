/**
 * The one-time links in confirmation and sign-in mail: what each ticket is for, where its links
 * land, how long it works, and how one is issued (only the ticket's hash is stored).
 */
import type { AccountDependencies } from './dependencies.js';
import { hashToken, newTicketToken } from './tokens.js';

export const TICKET_PURPOSE = { confirm: 'confirm-subscription', signIn: 'sign-in' } as const;
export type TicketPurpose = (typeof TICKET_PURPOSE)[keyof typeof TICKET_PURPOSE];

/**
 * Where the emailed links land. Each mail carries the web app's page (confirm or sign in, then
 * open afterview in the browser) and the API's page (show an API token) with the same one-time
 * ticket: whichever is used first uses it up.
 */
export const LINK_PATHS = {
  confirm: { web: '/subscribe/confirm', api: '/v1/subscriptions/confirm' },
  signIn: { web: '/sign-in/confirm', api: '/v1/sign-in/confirm' },
} as const;

export const CONFIRMATION_VALID_HOURS = 24;
export const SIGN_IN_VALID_MINUTES = 60;

export async function issueTicket(
  deps: Pick<AccountDependencies, 'repos' | 'clock'>,
  purpose: TicketPurpose,
  subscriberId: string,
  validSeconds: number,
): Promise<string> {
  const now = deps.clock.now();
  const token = newTicketToken();
  await deps.repos.tickets.create(hashToken(token), {
    purpose,
    subscriberId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + validSeconds * 1000).toISOString(),
  });
  return token;
}

export const linkTo = (deps: Pick<AccountDependencies, 'config'>, path: string, token: string) =>
  `${deps.config.publicUrl}${path}?token=${encodeURIComponent(token)}`;
