/**
 * The subscriber's own account: settings (changing time zone or hour moves the next digest),
 * export of everything stored about them, deletion of all of it, and unsubscribing.
 */
import type { Subscriber, SubscriberSettings } from '../../domain/subscriber.js';
import { nextDigestAt } from '../../domain/subscriber-schedule.js';
import type { CompanySourcesSync } from '../companies/ports.js';
import { NotFoundError } from '../errors.js';
import type { Clock, CompanyRepository, SubscriberRepository } from '../ports.js';

export interface MeDependencies {
  repos: { subscribers: SubscriberRepository; companies: CompanyRepository };
  clock: Clock;
  companySources: CompanySourcesSync;
}

/** What GET /v1/me shows: settings and state, no token hashes. */
export interface AccountView extends SubscriberSettings {
  email: string;
  status: Subscriber['status'];
  createdAt: string;
  confirmedAt?: string;
  nextDigestAt?: string;
}

export function accountView(s: Subscriber): AccountView {
  return {
    email: s.email,
    status: s.status,
    timeZone: s.timeZone,
    digestHour: s.digestHour,
    alerts: s.alerts,
    dailyEvenIfEmpty: s.dailyEvenIfEmpty,
    createdAt: s.createdAt,
    ...(s.confirmedAt ? { confirmedAt: s.confirmedAt } : {}),
    ...(s.nextDigestAt ? { nextDigestAt: s.nextDigestAt } : {}),
  };
}

export async function getAccount(deps: Pick<MeDependencies, 'repos'>, subscriberId: string): Promise<Subscriber> {
  const subscriber = await deps.repos.subscribers.get(subscriberId);
  if (!subscriber) throw new NotFoundError('account');
  return subscriber;
}

export async function updateSettings(
  deps: MeDependencies,
  subscriberId: string,
  patch: Partial<SubscriberSettings>,
): Promise<Subscriber> {
  const current = await getAccount(deps, subscriberId);
  const merged = { ...current, ...patch };
  // Only a confirmed subscriber is scheduled; the next digest follows the new hour and zone at once.
  const schedule = current.status === 'confirmed' ? { nextDigestAt: nextDigestAt(merged, deps.clock.now()) } : {};
  return deps.repos.subscribers.updateSettings(subscriberId, { ...patch, ...schedule });
}

/** Stops all mail at once (RFC 8058 one-click and the emailed link); data stays until deleted. */
export async function unsubscribe(deps: Pick<MeDependencies, 'repos'>, subscriberId: string): Promise<boolean> {
  const current = await deps.repos.subscribers.get(subscriberId);
  if (!current) return false;
  if (current.status !== 'unsubscribed') {
    const { nextDigestAt: _dropped, ...rest } = current;
    // Saving without nextDigestAt and as unsubscribed removes the digest index entry too.
    await deps.repos.subscribers.save({ ...rest, status: 'unsubscribed' });
  }
  return true;
}

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK']);
const SECRET_ATTRIBUTES = new Set(['tokenHashes']);

/**
 * The export's key for each kind of record stored under a subscriber: camelCase like every other
 * key in it. A kind not named here (one added later) is exported under its name in camelCase, so
 * nothing stored is ever left out.
 */
const EXPORT_KEYS: Readonly<Record<string, string>> = {
  company: 'companies',
  interview: 'interviews',
  feedback: 'feedback',
  'alert-claim': 'alertsSent',
  'outbox-message': 'mail',
  'api-token': 'tokens',
  quotas: 'quotas',
};

const camelCase = (kind: string) => kind.replace(/[-_ ]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Everything stored under the subscriber, grouped by kind, without keys and token hashes. */
export async function exportAccount(deps: MeDependencies, subscriberId: string): Promise<Record<string, unknown>> {
  const items = await deps.repos.subscribers.exportAll(subscriberId);
  const groups: Record<string, Record<string, unknown>[]> = {};
  let account: Record<string, unknown> | null = null;
  for (const item of items) {
    const clean = Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k) && !SECRET_ATTRIBUTES.has(k)));
    const entity = typeof item.entity === 'string' ? item.entity : 'other';
    delete clean.entity;
    if (entity === 'subscriber') {
      account = { ...clean, apiTokens: Array.isArray(item.tokenHashes) ? item.tokenHashes.length : 0 };
    } else {
      (groups[entity] ??= []).push(clean);
    }
  }
  if (!account) throw new NotFoundError('account');
  // Every mail recorded for them in the outbox (digests, confirmation, sign-in): what, when, whether it went.
  const mail = groups['outbox-message'] ?? [];
  const exported: Record<string, unknown> = {
    exportedAt: deps.clock.now().toISOString(),
    account,
    companies: [],
    interviews: [],
    feedback: [],
    alertsSent: [],
    // Digests recorded before the outbox were claims; both kinds stay listed until the claims expire.
    digestsSent: [...(groups['digest-claim'] ?? []), ...mail.filter((m) => m.kind === 'digest' && m.state === 'sent')],
    mail: [],
    tokens: [],
  };
  for (const [kind, records] of Object.entries(groups)) {
    if (kind === 'digest-claim') continue;
    const key = EXPORT_KEYS[kind] ?? camelCase(kind);
    const listed = exported[key];
    exported[key] = Array.isArray(listed) ? [...(listed as unknown[]), ...records] : records;
  }
  return exported;
}

/** Deletes the account and every item that is the subscriber's; safe to call again after a failure. */
export async function deleteAccount(deps: MeDependencies, subscriberId: string): Promise<void> {
  for (const company of await deps.repos.companies.list(subscriberId)) await deps.companySources.remove(company);
  await deps.repos.subscribers.deleteAll(subscriberId);
}
