import type { MiddlewareHandler } from 'hono';
import { subscriberIdForToken } from '../app/account/subscriptions.js';
import { hashScope } from '../app/account/tokens.js';
import { RateLimitedError } from '../app/errors.js';
import { clientIp } from './client.js';
import { DEFAULT_API_LIMITS, type ApiDependencies, type ApiEnv } from './context.js';

/**
 * Works out who is calling (from the bearer token only) and throttles: per subscriber when the
 * token is valid, per client address otherwise. Over the limit → 429 with Retry-After.
 * The token itself is never logged or stored; only its hash is looked up.
 */
export function identifyAndThrottle(deps: ApiDependencies): MiddlewareHandler<ApiEnv> {
  const limits = { ...DEFAULT_API_LIMITS, ...deps.limits };
  return async (c, next) => {
    const header = c.req.header('authorization');
    let scope: string;
    let limit: { limit: number; windowSeconds: number };
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const subscriberId = bearer ? await subscriberIdForToken(deps, bearer) : null;
    if (subscriberId) {
      c.set('subscriberId', subscriberId);
      scope = `api:sub:${subscriberId}`;
      limit = limits.perSubscriber;
    } else {
      c.set('authProblem', header ? 'invalid' : 'missing');
      scope = `api:ip:${hashScope(clientIp(c))}`;
      limit = limits.perClient;
    }
    const now = deps.clock.now();
    if (!(await deps.repos.rateLimiter.hit(scope, limit.limit, limit.windowSeconds, now))) {
      const windowEnd = (Math.floor(now.getTime() / 1000 / limit.windowSeconds) + 1) * limit.windowSeconds;
      const retryAfter = Math.max(1, windowEnd - Math.floor(now.getTime() / 1000));
      throw new RateLimitedError(`too many requests; try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`, retryAfter);
    }
    await next();
  };
}
