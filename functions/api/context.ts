/**
 * What every API route shares: the per-request variables set by the middleware, and the router
 * factory that turns validation failures into the API's 400s.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { describeIssues, UnauthorizedError, ValidationError } from '../app/errors.js';
import type { HttpDependencies, HttpLimits } from '../http/context.js';

/** What the API's routes are built from (the shared HTTP layer's dependencies). */
export type ApiDependencies = HttpDependencies;
export type ApiLimits = HttpLimits;

export type ApiEnv = {
  Variables: {
    /** Set only from a valid API token — never from the path or the body. */
    subscriberId?: string;
    /** The id (never the token) of the API token this request came with. */
    apiTokenId?: string;
    /** Why there is no subscriber: no Authorization header, or a token that is not valid. */
    authProblem?: 'missing' | 'invalid';
  };
};

/** A router whose validation failures become ValidationError (400, the key or field named). */
export function newRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' || result.target === 'form' ? 'body' : result.target;
        const issues = result.error.issues;
        throw new ValidationError(
          `${where}: ${describeIssues(issues)}`,
          issues.map((i) => ({ in: where, path: i.path.map(String).join('.'), message: i.message })),
        );
      }
    },
  });
}

/** Route middleware for everything behind "Authorization: Bearer <token>". */
export const requireSubscriber: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (!c.get('subscriberId')) {
    throw new UnauthorizedError(
      c.get('authProblem') === 'invalid'
        ? 'this API token is not valid (it may belong to a deleted account); sign in again to get a new one'
        : undefined,
    );
  }
  await next();
};

/** The authenticated subscriber's id; the only source of "who" for every data route. */
export function subscriberOf(c: Context<ApiEnv>): string {
  const id = c.get('subscriberId');
  if (!id) throw new UnauthorizedError();
  return id;
}

export const BEARER_SECURITY = [{ bearerAuth: [] as string[] }];
