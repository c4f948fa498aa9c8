/** GET /v1/plan: today's actions for every open interview, with drafts (what the digest carries, good news in a thank-you included). */
import { createRoute } from '@hono/zod-openapi';
import { planForSubscriber } from '../../app/interviews/plan.js';
import { BEARER_SECURITY, newRouter, requireSubscriber, subscriberOf, type ApiDependencies } from '../context.js';
import { ErrorResponse, Plan } from '../schemas.js';

export function planRoutes(deps: ApiDependencies) {
  const router = newRouter();
  router.openapi(
    createRoute({
      tags: ['Plan'],
      security: BEARER_SECURITY,
      middleware: [requireSubscriber],
      method: 'get',
      path: '/v1/plan',
      summary: 'Today’s actions for every open interview',
      description:
        'Actions due today, overdue, or due within 7 days, each with a drafted note where one applies; soonest first. ' +
        'While a thank-you is due, its draft carries one sentence about the company’s fresh good news (the same story the digest and the Today page choose).',
      responses: {
        200: { content: { 'application/json': { schema: Plan } }, description: 'The plan' },
        401: { content: { 'application/json': { schema: ErrorResponse } }, description: 'Missing or invalid API token' },
        429: { content: { 'application/json': { schema: ErrorResponse } }, description: 'Too many requests' },
      },
    }),
    async (c) => c.json(await planForSubscriber(deps, subscriberOf(c)), 200),
  );
  return router;
}
