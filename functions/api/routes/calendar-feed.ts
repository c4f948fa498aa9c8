/**
 * The subscriber's calendar feed: GET /v1/calendar.ics?token= (what a calendar app subscribes to)
 * and POST /v1/me/calendar-url (a new link; the old one stops working). GET /v1/me shows the
 * current link as `calendarUrl`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CALENDAR_FEED_PATH, calendarFeedFor, renewCalendarUrl } from '../../app/calendar/calendar-feed.js';
import { BEARER_SECURITY, newRouter, requireSubscriber, subscriberOf, type ApiDependencies } from '../context.js';
import { ErrorResponse, LinkTokenQuery } from '../schemas.js';

const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const CalendarUrl = z
  .object({ calendarUrl: z.string().openapi({ description: 'The new feed address; subscribe to it again in your calendar app.' }) })
  .openapi('CalendarUrl');

export function calendarFeedRoutes(deps: ApiDependencies) {
  const router = newRouter();

  router.openapi(
    createRoute({
      tags: ['Calendar'],
      method: 'get',
      path: CALENDAR_FEED_PATH,
      summary: 'Your plan as a calendar feed (subscribe to it from your calendar app)',
      description:
        'Every upcoming thank-you, check-in and follow-up, and every decision date, as all-day events on the days the plan gives them, ' +
        'each with the reason, the drafted note and a link to the Today page. Events keep their UID as the plan changes and carry a SEQUENCE ' +
        'that grows with every change. The signed token in the link (from GET /v1/me `calendarUrl`) stops working once you renew the link.',
      request: { query: LinkTokenQuery },
      responses: {
        200: { content: { 'text/calendar': { schema: z.string() } }, description: 'An iCalendar feed (RFC 5545)' },
        404: json(ErrorResponse, 'The link is not valid: renewed, mistyped, or the account was deleted'),
        429: json(ErrorResponse, 'Too many requests'),
      },
    }),
    async (c) => {
      const ics = await calendarFeedFor(deps, c.req.valid('query').token);
      return c.body(ics, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="afterview.ics"',
        'Cache-Control': 'private, no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );

  router.openapi(
    createRoute({
      tags: ['Account'],
      security: BEARER_SECURITY,
      middleware: [requireSubscriber],
      method: 'post',
      path: '/v1/me/calendar-url',
      summary: 'Renew your calendar feed link',
      description: 'Makes a new calendar feed link. The old one stops working at once (a calendar app still subscribed to it gets 404).',
      responses: {
        200: json(CalendarUrl, 'The new link'),
        401: json(ErrorResponse, 'Missing or invalid API token'),
        404: json(ErrorResponse, 'The account no longer exists'),
        429: json(ErrorResponse, 'Too many requests'),
      },
    }),
    async (c) => c.json({ calendarUrl: await renewCalendarUrl(deps, subscriberOf(c)) }, 200),
  );
  return router;
}
