/** The one throttle of the API and the web app: fixed windows per scope, 429 with Retry-After. */
import { hashScope } from '../app/account/tokens.js';
import { RateLimitedError } from '../app/errors.js';
import type { RateLimiter } from '../app/ports.js';

/** Who is counted: a subscriber by id, or a client by its (hashed) network (functions/http/client.ts). */
export type ThrottleScope = { subscriberId: string } | { clientNetwork: string };

/**
 * Counts one request of `scope` (prefixed by `surface`, "api" or "web") and throws RateLimitedError
 * when it is over `limit` in the current window; the error says when the window ends.
 */
export async function throttle(
  rateLimiter: RateLimiter,
  surface: string,
  scope: ThrottleScope,
  limit: { limit: number; windowSeconds: number },
  now: Date,
): Promise<void> {
  const key = 'subscriberId' in scope ? `${surface}:sub:${scope.subscriberId}` : `${surface}:ip:${hashScope(scope.clientNetwork)}`;
  if (await rateLimiter.hit(key, limit.limit, limit.windowSeconds, now)) return;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowEnd = (Math.floor(nowSeconds / limit.windowSeconds) + 1) * limit.windowSeconds;
  const retryAfter = Math.max(1, windowEnd - nowSeconds);
  throw new RateLimitedError(`too many requests; try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`, retryAfter);
}
