/**
 * Double opt-in: subscribing only ever sends a confirmation mail; confirming (a POST, never a GET)
 * marks the subscriber confirmed, schedules the first digest and issues an API token once.
 * Sign-in mails a one-time link that issues another token. Requests answer the same way whatever
 * the address's state, so the API cannot be used to learn who subscribed.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS, type Subscriber } from '../../domain/subscriber.js';
import { nextDigestAt } from '../../domain/subscriber-schedule.js';
import { issueTicket, LINK_PATHS, linkTo, SIGN_IN_VALID_MINUTES, TICKET_PURPOSE, type TicketPurpose } from './account-links.js';
import { sendAccountMail } from './account-outbox.js';
import type { AccountDependencies, ClientInfo } from './dependencies.js';
import { InvalidLinkError } from './errors.js';
import { maskEmail } from '../../domain/masked-email.js';
import { assertRoomForApiToken, issueApiToken } from './api-tokens.js';
import { hashScope, hashToken } from './tokens.js';

export { CONFIRMATION_VALID_HOURS, LINK_PATHS, SIGN_IN_VALID_MINUTES, TICKET_PURPOSE } from './account-links.js';

/**
 * Account mail per address and per client; past these a request still answers 202 but sends
 * nothing, and the log says which limit refused it. In local mode every request comes from
 * 127.0.0.1, so "the client" is the one person trying the product: they get a limit that fits
 * making test accounts, and the per-address limit still keeps any one inbox from being flooded.
 */
export const ACCOUNT_MAIL_LIMITS = {
  perAddress: { limit: 3, windowSeconds: 3600 },
  perClient: { limit: 10, windowSeconds: 3600 },
  perClientLocal: { limit: 200, windowSeconds: 3600 },
} as const;

/** Email addresses are compared without case; what the person typed is kept for mail. */
export function normalizeEmail(email: string): string {
  return email.trim();
}

const describeLimit = ({ limit, windowSeconds }: { limit: number; windowSeconds: number }, per: string) =>
  `${limit} mails ${windowSeconds === 3600 ? 'an hour' : `per ${windowSeconds} s`} per ${per}`;

async function mailAllowed(deps: AccountDependencies, kind: 'subscribe' | 'sign-in', email: string, client: ClientInfo): Promise<boolean> {
  const now = deps.clock.now();
  const perAddress = ACCOUNT_MAIL_LIMITS.perAddress;
  const perClient = deps.config.runtime === 'local' ? ACCOUNT_MAIL_LIMITS.perClientLocal : ACCOUNT_MAIL_LIMITS.perClient;
  // Both counters advance on every request, so one busy address cannot hide behind many clients.
  const [clientOk, addressOk] = await Promise.all([
    deps.repos.rateLimiter.hit(`mail:${kind}:ip:${hashScope(client.network)}`, perClient.limit, perClient.windowSeconds, now),
    deps.repos.rateLimiter.hit(`mail:${kind}:addr:${hashScope(email)}`, perAddress.limit, perAddress.windowSeconds, now),
  ]);
  if (clientOk && addressOk) return true;
  // A warning, so local mode (and an operator) sees why no mail came; never the address itself.
  deps.logger.warn('account mail not sent: limit reached', {
    kind,
    limit: clientOk ? describeLimit(perAddress, 'email address') : describeLimit(perClient, 'client address'),
  });
  return false;
}

/**
 * POST /v1/subscriptions. Always "accepted": a new or pending address gets a confirmation mail,
 * a confirmed one a sign-in link, a suppressed or throttled one nothing.
 */
export async function requestSubscription(
  deps: AccountDependencies,
  input: { email: string; timeZone?: string },
  client: ClientInfo,
): Promise<void> {
  const email = normalizeEmail(input.email);
  if (!(await mailAllowed(deps, 'subscribe', email, client))) return;
  if (await deps.repos.suppressions.isSuppressed(email)) return;
  const now = deps.clock.now();
  const { subscriber } = await deps.repos.subscribers.createIfAbsent({
    ...DEFAULT_SETTINGS,
    timeZone: input.timeZone ?? DEFAULT_SETTINGS.timeZone,
    id: randomUUID(),
    email,
    status: 'pending',
    createdAt: now.toISOString(),
    tokenHashes: [],
  });
  if (subscriber.status === 'confirmed') {
    await sendAccountMail(deps, subscriber.id, { kind: 'sign-in', requestId: randomUUID(), alreadySubscribed: true });
    return;
  }
  if (input.timeZone && subscriber.timeZone !== input.timeZone) {
    // Someone subscribing again (pending or unsubscribed) may have moved.
    await deps.repos.subscribers.save({ ...subscriber, timeZone: input.timeZone });
  }
  await sendAccountMail(deps, subscriber.id, { kind: 'confirmation', requestId: randomUUID() });
}

/** POST /v1/sign-in: a sign-in link for confirmed subscribers only; everyone else gets nothing. */
export async function requestSignIn(deps: AccountDependencies, input: { email: string }, client: ClientInfo): Promise<void> {
  const email = normalizeEmail(input.email);
  if (!(await mailAllowed(deps, 'sign-in', email, client))) return;
  const subscriber = await deps.repos.subscribers.findByEmail(email);
  if (!subscriber || subscriber.status !== 'confirmed') return;
  if (await deps.repos.suppressions.isSuppressed(subscriber.email)) return;
  await sendAccountMail(deps, subscriber.id, { kind: 'sign-in', requestId: randomUUID(), alreadySubscribed: false });
}

/**
 * Whose account a confirmation or sign-in link is for, as a masked address (`d•••@example.com`),
 * or null when the link cannot be used (GET pages; reads only). The page names the account so a
 * link someone else planted cannot silently sign a person into the planter's account.
 */
export async function accountForTicket(deps: AccountDependencies, purpose: TicketPurpose, token: string): Promise<{ maskedEmail: string } | null> {
  const ticket = await deps.repos.tickets.peek(hashToken(token), deps.clock.now());
  if (ticket?.purpose !== purpose || !ticket.subscriberId) return null;
  const subscriber = await deps.repos.subscribers.get(ticket.subscriberId);
  return subscriber ? { maskedEmail: maskEmail(subscriber.email) } : null;
}

async function redeem(
  deps: AccountDependencies,
  purpose: TicketPurpose,
  token: string,
  what: string,
  nextStep: string,
  beforeUse?: (subscriberId: string) => Promise<void>,
) {
  const now = deps.clock.now();
  const hash = hashToken(token);
  // Peek first so a ticket for the other purpose is refused without being used up.
  const peeked = await deps.repos.tickets.peek(hash, now);
  if (peeked?.purpose !== purpose) throw new InvalidLinkError(what, nextStep);
  // A check that refuses (e.g. too many API tokens) leaves the link usable.
  if (beforeUse && peeked.subscriberId) await beforeUse(peeked.subscriberId);
  const ticket = await deps.repos.tickets.consume(hash, now);
  const subscriber = ticket?.subscriberId ? await deps.repos.subscribers.get(ticket.subscriberId) : null;
  if (!ticket || !subscriber) throw new InvalidLinkError(what, nextStep);
  return { subscriber, now };
}

async function confirm(deps: AccountDependencies, token: string): Promise<{ subscriber: Subscriber; now: Date }> {
  const { subscriber, now } = await redeem(
    deps,
    TICKET_PURPOSE.confirm,
    token,
    'confirmation',
    'Subscribe again to get a new confirmation email.',
  );
  await deps.repos.subscribers.save({
    ...subscriber,
    status: 'confirmed',
    confirmedAt: now.toISOString(),
    nextDigestAt: nextDigestAt(subscriber, now),
  });
  return { subscriber, now };
}

/** POST /v1/subscriptions/confirm: confirms once and returns the API token (shown only now). */
export async function confirmSubscription(deps: AccountDependencies, token: string): Promise<{ apiToken: string; subscriberId: string }> {
  const { subscriber, now } = await confirm(deps, token);
  const apiToken = await issueApiToken(deps, subscriber.id, now);
  deps.logger.info('subscription confirmed', { subscriberId: subscriber.id });
  return { apiToken, subscriberId: subscriber.id };
}

/** The web app's confirm button: confirms once, issues no API token (the browser gets a session). */
export async function confirmSubscriptionInBrowser(deps: AccountDependencies, token: string): Promise<{ subscriberId: string }> {
  const { subscriber } = await confirm(deps, token);
  deps.logger.info('subscription confirmed', { subscriberId: subscriber.id, via: 'web' });
  return { subscriberId: subscriber.id };
}

async function signIn(
  deps: AccountDependencies,
  token: string,
  beforeUse?: (subscriberId: string) => Promise<void>,
): Promise<{ subscriber: Subscriber; now: Date }> {
  const nextStep = 'Ask for a new sign-in link.';
  const { subscriber, now } = await redeem(deps, TICKET_PURPOSE.signIn, token, 'sign-in', nextStep, beforeUse);
  if (subscriber.status !== 'confirmed') throw new InvalidLinkError('sign-in', nextStep);
  return { subscriber, now };
}

/** POST /v1/sign-in/confirm: a new API token for a confirmed subscriber. */
export async function completeSignIn(deps: AccountDependencies, token: string): Promise<{ apiToken: string; subscriberId: string }> {
  const { subscriber, now } = await signIn(deps, token, (subscriberId) => assertRoomForApiToken(deps, subscriberId));
  const apiToken = await issueApiToken(deps, subscriber.id, now);
  deps.logger.info('signed in', { subscriberId: subscriber.id });
  return { apiToken, subscriberId: subscriber.id };
}

/** The web app's sign-in button: uses the link once, issues no API token (the browser gets a session). */
export async function completeSignInInBrowser(deps: AccountDependencies, token: string): Promise<{ subscriberId: string }> {
  const { subscriber } = await signIn(deps, token);
  deps.logger.info('signed in', { subscriberId: subscriber.id, via: 'web' });
  return { subscriberId: subscriber.id };
}

/**
 * A one-time sign-in link to the web app for a confirmed subscriber, without sending mail: the
 * demo prints it so its user is one click from the app.
 */
export async function createWebSignInLink(deps: AccountDependencies, subscriberId: string): Promise<string> {
  const token = await issueTicket(deps, TICKET_PURPOSE.signIn, subscriberId, SIGN_IN_VALID_MINUTES * 60);
  return linkTo(deps, LINK_PATHS.signIn.web, token);
}

