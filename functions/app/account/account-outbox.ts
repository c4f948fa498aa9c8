/**
 * Confirmation and sign-in mail through the outbox. The request records the mail (who and why —
 * never the link), composes it and sends it at once; if the mail service fails, the message stays
 * pending and the next mail run sends it. Composing issues the one-time ticket, so a mail sent
 * again after a crash carries a new ticket, and no ticket ever waits in the table unsent.
 */
import type { Composers, Composition, MessageOf } from '../outbox/deliver-due.js';
import { composeAndDeliver, type MessageResult } from '../outbox/deliver-due.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import { refOf, type PayloadOf } from '../outbox/ports.js';
import { deadlineIn } from '../run-deadline.js';
import { CONFIRMATION_VALID_HOURS, issueTicket, LINK_PATHS, linkTo, SIGN_IN_VALID_MINUTES, TICKET_PURPOSE } from './account-links.js';
import { confirmationEmail, signInEmail } from './account-mail.js';
import type { AccountDependencies } from './dependencies.js';

type AccountMailKind = 'confirmation' | 'sign-in';

/**
 * How long after the request a mail is still worth sending: a confirmation for a day (the address's
 * owner may still be waiting for it), a sign-in link for two hours (after that the person has gone).
 */
export const ACCOUNT_MAIL_WORTH_SENDING_MS: Record<AccountMailKind, number> = {
  confirmation: CONFIRMATION_VALID_HOURS * 3600_000,
  'sign-in': 2 * 3600_000,
};

/**
 * What one request may spend on sending: the person is waiting, and the rest is the next run's
 * job. An attempt starts only while one more fits (with its record) before the API's 10 s timeout.
 */
const REQUEST_SEND_BUDGET_MS = 9_000;
const REQUEST_SEND_ATTEMPTS = 2;

/** Records an account mail and sends it now; returns what became of it (it stays pending on failure). */
export async function sendAccountMail(
  deps: AccountDependencies,
  subscriberId: string,
  payload: PayloadOf<AccountMailKind>,
): Promise<MessageResult> {
  const now = deps.clock.now();
  await deps.repos.outbox.record(subscriberId, payload, now);
  const sender = new OutboxSender(deps, {
    maxAttempts: REQUEST_SEND_ATTEMPTS,
    deadline: deadlineIn(REQUEST_SEND_BUDGET_MS, () => deps.clock.now().getTime()),
  });
  const message: MessageOf<AccountMailKind> = {
    ...refOf(subscriberId, payload),
    kind: payload.kind,
    payload,
    state: 'pending',
    createdAt: now.toISOString(),
    dueAt: now.toISOString(),
    leases: 0,
    attempts: 0,
  };
  const result = await composeAndDeliver(deps, sender, (m) => composeAccountMail(deps, m), message, now);
  deps.logger.info(`${payload.kind} mail`, { subscriberId, outcome: result, suppressed: result === 'suppressed' });
  return result;
}

/** The composers for account mail, for the runs that deliver what requests left pending. */
export function accountMailComposers(deps: AccountDependencies): Pick<Required<Composers>, AccountMailKind> {
  return {
    confirmation: (message) => composeAccountMail(deps, message),
    'sign-in': (message) => composeAccountMail(deps, message),
  };
}

async function composeAccountMail(deps: AccountDependencies, message: MessageOf<AccountMailKind>): Promise<Composition> {
  const subscriber = await deps.repos.subscribers.get(message.subscriberId);
  if (!subscriber) return { end: 'skipped', reason: 'the account is gone' };
  const confirming = message.payload.kind === 'confirmation';
  // Confirmation goes only to an address not yet confirmed; sign-in only to a confirmed one.
  if (confirming === (subscriber.status === 'confirmed')) return { end: 'skipped', reason: `the subscriber is ${subscriber.status}` };
  if (deps.clock.now().getTime() - Date.parse(message.createdAt) > ACCOUNT_MAIL_WORTH_SENDING_MS[message.payload.kind]) {
    return { end: 'dropped', reason: 'too late to be useful' };
  }
  if (await deps.repos.suppressions.isSuppressed(subscriber.email)) return { end: 'suppressed', reason: 'address suppressed' };

  if (message.payload.kind === 'confirmation') {
    const token = await issueTicket(deps, TICKET_PURPOSE.confirm, subscriber.id, CONFIRMATION_VALID_HOURS * 3600);
    const links = { web: linkTo(deps, LINK_PATHS.confirm.web, token), api: linkTo(deps, LINK_PATHS.confirm.api, token) };
    return { send: confirmationEmail(subscriber.email, links, CONFIRMATION_VALID_HOURS) };
  }
  const token = await issueTicket(deps, TICKET_PURPOSE.signIn, subscriber.id, SIGN_IN_VALID_MINUTES * 60);
  const links = { web: linkTo(deps, LINK_PATHS.signIn.web, token), api: linkTo(deps, LINK_PATHS.signIn.api, token) };
  return { send: signInEmail(subscriber.email, links, SIGN_IN_VALID_MINUTES, message.payload.alreadySubscribed) };
}
