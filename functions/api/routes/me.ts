/** The account itself: /v1/me (settings, deletion) and /v1/me/export. */
import { createRoute } from '@hono/zod-openapi';
import { accountView, deleteAccount, exportAccount, getAccount, updateSettings } from '../../app/account/me.js';
import { calendarUrlFor } from '../../app/calendar/calendar-feed.js';
import type { Subscriber } from '../../domain/subscriber.js';
import { BEARER_SECURITY, newRouter, requireSubscriber, subscriberOf, type ApiDependencies } from '../context.js';
import { Account, AccountExport, ErrorResponse, SettingsPatch } from '../schemas.js';

const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const common = { tags: ['Account'], security: BEARER_SECURITY, middleware: [requireSubscriber] };
const errors = {
  401: json(ErrorResponse, 'Missing or invalid API token'),
  404: json(ErrorResponse, 'The account no longer exists'),
  429: json(ErrorResponse, 'Too many requests'),
};

export function meRoutes(deps: ApiDependencies) {
  const router = newRouter();
  const withCalendar = async (s: Subscriber) => ({ ...accountView(s), calendarUrl: await calendarUrlFor(deps, s) });

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/v1/me', summary: 'Your settings', responses: { 200: json(Account, 'Your account'), ...errors } }),
    async (c) => c.json(await withCalendar(await getAccount(deps, subscriberOf(c))), 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/v1/me',
      summary: 'Change your settings',
      description: 'timeZone (IANA), digestHour (0–23, local), alerts (instant | digest), dailyEvenIfEmpty. The next digest moves at once.',
      request: { body: { required: true, content: { 'application/json': { schema: SettingsPatch } } } },
      responses: { 200: json(Account, 'Your account'), 400: json(ErrorResponse, 'Invalid settings'), ...errors },
    }),
    async (c) => c.json(await withCalendar(await updateSettings(deps, subscriberOf(c), c.req.valid('json'))), 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/v1/me',
      summary: 'Delete your account and all your data',
      description: 'Removes every item stored for you, and your API tokens. Cannot be undone.',
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      const subscriberId = subscriberOf(c);
      await deleteAccount(deps, subscriberId);
      deps.logger.info('account deleted', { subscriberId });
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/v1/me/export',
      summary: 'Everything stored about you, as JSON',
      responses: { 200: json(AccountExport, 'Your data'), ...errors },
    }),
    async (c) => {
      c.header('Content-Disposition', 'attachment; filename="afterview-export.json"');
      c.header('Cache-Control', 'no-store');
      return c.json(await exportAccount(deps, subscriberOf(c)), 200);
    },
  );
  return router;
}
