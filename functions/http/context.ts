/**
 * What the API (functions/api/) and the web app (functions/web/) share: the dependencies every
 * route gets, and the request limits both apply.
 */
import type { Services } from '../app/services.js';

/** Requests per window; each scope counts in a fixed window (RateLimiter). */
export interface HttpLimits {
  /** Per subscriber (API token or web session), every signed-in route. */
  perSubscriber: { limit: number; windowSeconds: number };
  /** Per client address, for requests without a valid token or session (subscribe, links, bad tokens). */
  perClient: { limit: number; windowSeconds: number };
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  perSubscriber: { limit: 300, windowSeconds: 60 },
  perClient: { limit: 60, windowSeconds: 60 },
};

/** The ports every route may use (built by a composition root in functions/wiring/). */
export interface HttpDependencies extends Services {
  limits?: Partial<HttpLimits>;
  /**
   * Subscription and sign-in requests take at least this long, whatever happened, so timing does
   * not tell a known address from an unknown one. Default 250 ms.
   */
  accountResponseFloorMs?: number;
}

/** The limits in force: the defaults, with any the deployment (or a test) set. */
export function limitsOf(deps: Pick<HttpDependencies, 'limits'>): HttpLimits {
  return { ...DEFAULT_HTTP_LIMITS, ...deps.limits };
}
