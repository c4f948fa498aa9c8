import type { MiddlewareHandler } from 'hono';
import { subscriberIdForToken } from '../app/account/subscriptions.js';
import { clientIp } from '../http/client.js';
import { limitsOf } from '../http/context.js';
import { throttle } from '../http/throttle.js';
import type { ApiDependencies, ApiEnv } from './context.js';

/**
 * Works out who is calling (from the bearer token only) and throttles: per subscriber when the
 * token is valid, per client address otherwise. Over the limit → 429 with Retry-After.
 * The token itself is never logged or stored; only its hash is looked up.
 */
export function identifyAndThrottle(deps: ApiDependencies): MiddlewareHandler<ApiEnv> {
  const limits = limitsOf(deps);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const subscriberId = bearer ? await subscriberIdForToken(deps, bearer) : null;
    if (subscriberId) {
      c.set('subscriberId', subscriberId);
      await throttle(deps.repos.rateLimiter, 'api', { subscriberId }, limits.perSubscriber, deps.clock.now());
    } else {
      c.set('authProblem', header ? 'invalid' : 'missing');
      await throttle(deps.repos.rateLimiter, 'api', { clientIp: clientIp(c) }, limits.perClient, deps.clock.now());
    }
    await next();
  };
}
