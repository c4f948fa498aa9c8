import type { MiddlewareHandler } from 'hono';
import { authenticateApiToken } from '../app/account/api-tokens.js';
import { clientNetwork } from '../http/client.js';
import { limitsOf } from '../http/context.js';
import { throttle } from '../http/throttle.js';
import type { ApiDependencies, ApiEnv } from './context.js';

/** Signed email links carry their token in the query (functions/app/signed-links.ts). */
const LINK_TOKEN_MAX = 4096;

/**
 * Works out who is calling (from the bearer token only) and throttles: per subscriber when the
 * token is valid, per client network otherwise. Over the limit → 429 with Retry-After.
 *
 * A request that carries a genuine signed email link (`?token=`: one-click unsubscribe, action
 * links, calendar links) is counted against the subscriber the link was signed for, not against
 * the address it comes from: mail providers send RFC 8058 one-click POSTs, and scan links, from
 * a few shared addresses, and a per-address limit would answer those 429. The signature is what
 * protects those routes; a forged or expired token is counted per client like any other request.
 *
 * The token itself is never logged or stored; only its hash is looked up.
 */
export function identifyAndThrottle(deps: ApiDependencies): MiddlewareHandler<ApiEnv> {
  const limits = limitsOf(deps);
  return async (c, next) => {
    const now = deps.clock.now();
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const caller = bearer ? await authenticateApiToken(deps, bearer, now) : null;
    if (caller) {
      c.set('subscriberId', caller.subscriberId);
      c.set('apiTokenId', caller.tokenId);
      await throttle(deps.repos.rateLimiter, 'api', { subscriberId: caller.subscriberId }, limits.perSubscriber, now);
      return next();
    }
    c.set('authProblem', header ? 'invalid' : 'missing');
    const linkToken = c.req.query('token');
    const link = linkToken && linkToken.length <= LINK_TOKEN_MAX ? await deps.links.verify(linkToken, now) : null;
    if (link) {
      await throttle(deps.repos.rateLimiter, 'api-link', { subscriberId: link.subscriberId }, limits.perSubscriber, now);
    } else {
      await throttle(deps.repos.rateLimiter, 'api', { clientNetwork: clientNetwork(c) }, limits.perClient, now);
    }
    await next();
  };
}
