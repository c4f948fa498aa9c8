/** GET /v1/calendar?token=: the "add to calendar" file for a dated action in a digest. */
import { createRoute } from '@hono/zod-openapi';
import { calendarFileForLink } from '../../app/digest/calendar-file.js';
import { newRouter, type ApiDependencies } from '../context.js';
import { ErrorResponse, LinkTokenQuery } from '../schemas.js';

export function calendarRoutes(deps: ApiDependencies) {
  const router = newRouter();
  router.openapi(
    createRoute({
      tags: ['Email links'],
      method: 'get',
      path: '/v1/calendar',
      summary: 'An .ics calendar entry for a dated action (linked from digests)',
      description: 'Reads only. The signed link names one action of one interview.',
      request: { query: LinkTokenQuery },
      responses: {
        200: { content: { 'text/calendar': { schema: { type: 'string' } } }, description: 'An all-day calendar entry' },
        404: { content: { 'application/json': { schema: ErrorResponse } }, description: 'The link is not valid any more' },
      },
    }),
    async (c) => {
      const { token } = c.req.valid('query');
      const { filename, ics } = await calendarFileForLink(deps, token);
      return c.body(ics, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  );
  return router;
}
