/**
 * API tokens a person can see and manage: which tokens exist (an id, when it was made and last
 * used — never the token or its hash), revoking one, and signing out everywhere (every API token
 * and every web session). A revoked token is refused by the very next request: tokens are looked
 * up with a strongly consistent read, and the lookup item is what revoking deletes.
 */
import { createHash } from 'node:crypto';
import { HOUR_MS } from '../../domain/durations.js';
import { LIMIT_REACHED, LIMITS } from '../../domain/quotas.js';
import { NotFoundError, QuotaExceededError } from '../errors.js';
import type { ApiTokenRecord, SubscriberRepository } from '../ports.js';
import { hashToken, newApiToken } from './tokens.js';

/**
 * "Last used" is written at most once an hour per token: a write on every request would double
 * the table writes of the API for a figure nobody needs to the minute.
 */
export const LAST_USED_PRECISION_MS = HOUR_MS;

export interface ApiTokenDependencies {
  repos: { subscribers: SubscriberRepository };
}

/** What a person sees of one of their API tokens. */
export interface ApiTokenView {
  id: string;
  createdAt: string;
  /** To within an hour; null when it was never used. */
  lastUsedAt: string | null;
  /** Whether this is the token the request came with. */
  current: boolean;
}

/**
 * A token's public id: derived from its hash one way, so it names the token in lists and URLs
 * without being usable to find or forge it.
 */
export function tokenIdOf(tokenHash: string): string {
  return createHash('sha256').update(`api-token-id:${tokenHash}`).digest('base64url').slice(0, 16);
}

/**
 * The subscriber a bearer token belongs to (and the token's id), or null. Records the use when
 * the last recorded one is more than an hour old.
 */
export async function authenticateApiToken(
  deps: ApiTokenDependencies,
  apiToken: string,
  now: Date,
): Promise<{ subscriberId: string; tokenId: string } | null> {
  if (apiToken.length < 20 || apiToken.length > 200) return null;
  const tokenHash = hashToken(apiToken);
  const record = await deps.repos.subscribers.findApiToken(tokenHash);
  if (!record) return null;
  const since = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!record.lastUsedAt || record.lastUsedAt < since.toISOString()) {
    await deps.repos.subscribers.recordApiTokenUse(tokenHash, now, since);
  }
  return { subscriberId: record.subscriberId, tokenId: tokenIdOf(tokenHash) };
}

function view(record: ApiTokenRecord, currentTokenId: string | undefined): ApiTokenView {
  const id = tokenIdOf(record.tokenHash);
  return { id, createdAt: record.createdAt, lastUsedAt: record.lastUsedAt ?? null, current: id === currentTokenId };
}

/** The subscriber's API tokens, oldest first. */
export async function listApiTokens(deps: ApiTokenDependencies, subscriberId: string, currentTokenId?: string): Promise<ApiTokenView[]> {
  return (await deps.repos.subscribers.listApiTokens(subscriberId)).map((t) => view(t, currentTokenId));
}

/** Revokes one of the subscriber's tokens by its id; another subscriber's id is "not found". */
export async function revokeApiToken(deps: ApiTokenDependencies, subscriberId: string, tokenId: string): Promise<void> {
  const token = (await deps.repos.subscribers.listApiTokens(subscriberId)).find((t) => tokenIdOf(t.tokenHash) === tokenId);
  if (!token || !(await deps.repos.subscribers.revokeApiToken(subscriberId, token.tokenHash))) throw new NotFoundError('API token');
}

/** Refuses (QuotaExceededError) when the subscriber already holds as many API tokens as allowed. */
export async function assertRoomForApiToken(deps: ApiTokenDependencies, subscriberId: string): Promise<void> {
  if ((await deps.repos.subscribers.listApiTokens(subscriberId)).length >= LIMITS.apiTokensPerSubscriber) {
    throw new QuotaExceededError(LIMIT_REACHED.apiTokens);
  }
}

/** Issues a new API token (shown once; only its hash is kept), within the per-account limit. */
export async function issueApiToken(deps: ApiTokenDependencies, subscriberId: string, now: Date): Promise<string> {
  await assertRoomForApiToken(deps, subscriberId);
  const apiToken = newApiToken();
  await deps.repos.subscribers.addApiToken(subscriberId, hashToken(apiToken), now);
  return apiToken;
}

/**
 * Signs the subscriber out everywhere: every API token is revoked and every web session started
 * until now is refused. Returns how many API tokens were revoked.
 */
export async function signOutEverywhere(deps: ApiTokenDependencies, subscriberId: string, now: Date): Promise<number> {
  await deps.repos.subscribers.endSessionsBefore(subscriberId, now);
  const tokens = await deps.repos.subscribers.listApiTokens(subscriberId);
  for (const token of tokens) await deps.repos.subscribers.revokeApiToken(subscriberId, token.tokenHash);
  return tokens.length;
}
