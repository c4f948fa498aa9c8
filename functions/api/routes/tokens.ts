/** The subscriber's API tokens: /v1/tokens (list) and /v1/tokens/{id} (revoke). */
import { createRoute } from '@hono/zod-openapi';
import { listApiTokens, revokeApiToken } from '../../app/account/api-tokens.js';
import { BEARER_SECURITY, newRouter, requireSubscriber, subscriberOf, type ApiDependencies } from '../context.js';
import { ApiTokenList, ErrorResponse, IdParam } from '../schemas.js';

const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const common = { tags: ['Account'], security: BEARER_SECURITY, middleware: [requireSubscriber] };
const errors = {
  401: json(ErrorResponse, 'Missing or invalid API token'),
  429: json(ErrorResponse, 'Too many requests'),
};

export function tokenRoutes(deps: ApiDependencies) {
  const router = newRouter();

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/v1/tokens',
      summary: 'Your API tokens',
      description:
        'Each token’s id, when it was made and when it was last used (to within an hour). The tokens themselves are never shown again after they are issued, and neither are their hashes.',
      responses: { 200: json(ApiTokenList, 'Your API tokens, oldest first'), ...errors },
    }),
    async (c) => c.json({ tokens: await listApiTokens(deps, subscriberOf(c), c.get('apiTokenId')) }, 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/v1/tokens/{id}',
      summary: 'Revoke one of your API tokens',
      description: 'The token stops working at once — also when it is the one this request uses.',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, 404: json(ErrorResponse, 'No such token (or not yours)'), ...errors },
    }),
    async (c) => {
      const subscriberId = subscriberOf(c);
      await revokeApiToken(deps, subscriberId, c.req.valid('param').id);
      deps.logger.info('API token revoked', { subscriberId });
      return c.body(null, 204);
    },
  );
  return router;
}
