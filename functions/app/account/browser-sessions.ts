/**
 * Browser sessions for the web app. The session cookie holds `<subscriber id>.<32 random bytes>`;
 * the table keeps only a hash of the whole value as an expiring, single-use ticket, so:
 * - a leaked table holds no usable session, and the cookie cannot be pointed at another account
 *   (the id is inside what is hashed);
 * - the stored item names no one, so sessions left behind by a deleted account are not personal data;
 * - signing out uses the ticket up at once, and the table's TTL removes it later;
 * - "sign out everywhere" sets a cut-off on the profile: sessions started before it are refused.
 * Sessions do not slide: after {@link SESSION_DAYS} days the person signs in by email again.
 */
import type { Subscriber } from '../../domain/subscriber.js';
import type { Clock, SubscriberRepository, TicketRepository } from '../ports.js';
import { hashToken, newTicketToken } from './tokens.js';
import { DAY_MS } from '../../domain/durations.js';

export const SESSION_DAYS = 14;
const PURPOSE = 'browser-session';
const SUBSCRIBER_ID = /^[A-Za-z0-9-]{8,64}$/;

export interface BrowserSessionDependencies {
  repos: { tickets: TicketRepository; subscribers: Pick<SubscriberRepository, 'get'> };
  clock: Clock;
}

export interface BrowserSession {
  /** What the cookie carries (never logged or stored). */
  value: string;
  expiresAt: Date;
}

const ticketHash = (value: string) => hashToken(`session:${value}`);

export async function startBrowserSession(deps: BrowserSessionDependencies, subscriberId: string): Promise<BrowserSession> {
  const now = deps.clock.now();
  const value = `${subscriberId}.${newTicketToken()}`;
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await deps.repos.tickets.create(ticketHash(value), { purpose: PURPOSE, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { value, expiresAt };
}

/** The signed-in subscriber, or null (no such session, expired, signed out, or the account is gone). */
export async function subscriberForSession(deps: BrowserSessionDependencies, value: string | undefined): Promise<Subscriber | null> {
  if (!value || value.length > 200) return null;
  const dot = value.indexOf('.');
  const subscriberId = value.slice(0, dot);
  if (dot < 0 || !SUBSCRIBER_ID.test(subscriberId)) return null;
  const ticket = await deps.repos.tickets.peek(ticketHash(value), deps.clock.now());
  if (ticket?.purpose !== PURPOSE) return null;
  const subscriber = await deps.repos.subscribers.get(subscriberId);
  // A pending address never had a session; one that was deleted has none any more.
  if (!subscriber || subscriber.status === 'pending') return null;
  // "Sign out everywhere" ends every session started until then (the same millisecond included).
  if (subscriber.sessionsValidFrom && ticket.createdAt <= subscriber.sessionsValidFrom) return null;
  return subscriber;
}

/** Signs out: the session cannot be used again, even if the cookie was copied. */
export async function endBrowserSession(deps: BrowserSessionDependencies, value: string | undefined): Promise<void> {
  if (!value || value.length > 200) return;
  await deps.repos.tickets.consume(ticketHash(value), deps.clock.now());
}
