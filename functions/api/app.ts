/**
 * The one Hono app: served by Node in local mode and by the Lambda behind API Gateway.
 * Routes parse and validate, call a use case, and map errors in one place.
 * Each resource is a router of its own (functions/api/routes/), mounted here; the web app for
 * people (functions/web/) is handed in as a `site` by the composition root, so neither imports
 * the other.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { PayloadTooLargeError, ValidationError } from '../app/errors.js';
import { firstIllFormedText } from '../domain/unicode.js';
import type { ApiDependencies, ApiEnv } from './context.js';
import { errorBody, toErrorResponse } from '../http/errors.js';
import { identifyAndThrottle } from './middleware.js';
import { calendarRoutes } from './routes/calendar.js';
import { calendarFeedRoutes } from './routes/calendar-feed.js';
import { companyRoutes } from './routes/companies.js';
import { mountDocs } from './routes/docs.js';
import { emailLinkRoutes } from './routes/email-links.js';
import { interviewRoutes } from './routes/interviews.js';
import { INVITE_IMPORT_PATH, interviewImportRoutes } from './routes/interview-import.js';
import { inviteTooLarge, MAX_INVITE_BYTES } from '../app/interviews/import-invite.js';
import { meRoutes } from './routes/me.js';
import { planRoutes } from './routes/plan.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { tokenRoutes } from './routes/tokens.js';

export type { ApiDependencies, ApiLimits } from './context.js';

/** Request bodies larger than this are refused with 413 before they are read further. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A web app mounted beside the API: its routes, and its page for paths nobody answers. */
export interface Site {
  routes: Hono<any>;
  notFoundPage(c: Context): Response | Promise<Response>;
}

/**
 * A JSON body whose strings hold a lone UTF-16 surrogate ("\\ud800") is refused with a 400 before any
 * route sees it: such text is no character, and it would break a URL, a header or a mail later.
 */
async function refuseTextThatIsNotUnicode(c: Context<ApiEnv>, next: Next): Promise<void> {
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && /json/i.test(c.req.header('content-type') ?? '')) {
    // Hono keeps the parsed body, so the route's validator reads the same value; a body that is
    // not JSON is left for the validator to refuse in its own words.
    const body: unknown = await c.req.json().catch(() => undefined);
    if (firstIllFormedText(body) !== null) {
      throw new ValidationError('the request body holds text that is not valid Unicode (a lone surrogate such as \\ud800); send the text as it is written');
    }
  }
  await next();
}

export function createApi(deps: ApiDependencies, site?: Site): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>();

  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        c.json(errorBody('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(', ')}`), 405, {
          Allow: methods.join(', '),
        }),
    }),
  );

  app.get('/health', async (c) => {
    const { ok, problems } = await deps.readiness();
    if (ok) return c.json({ ok: true });
    // What failed is for the logs: backend error text never goes to a caller.
    deps.logger.warn('not ready', { problems: problems.map((p) => `${p.part}: ${p.problem}`) });
    return c.json({ ok: false }, 503);
  });

  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new PayloadTooLargeError(MAX_BODY_BYTES);
    },
  });
  // A calendar invite (an Outlook one carries its zone rules and boilerplate) may be larger than any
  // JSON body; one larger still is not a usable invite, which the route answers with a 400.
  const inviteBodyLimit = bodyLimit({
    maxSize: MAX_INVITE_BYTES,
    onError: () => {
      throw inviteTooLarge();
    },
  });
  app.use('/v1/*', (c, next) => (c.req.path === INVITE_IMPORT_PATH ? inviteBodyLimit : apiBodyLimit)(c, next));
  app.use('/v1/*', identifyAndThrottle(deps));
  app.use('/v1/*', refuseTextThatIsNotUnicode);

  for (const routes of [subscriptionRoutes, companyRoutes, interviewImportRoutes, interviewRoutes, planRoutes, meRoutes, tokenRoutes, emailLinkRoutes, calendarRoutes, calendarFeedRoutes]) {
    app.route('/', routes(deps));
  }
  mountDocs(app);
  // The web app for people (functions/web/): its own paths, pages and error handling.
  if (site) app.route('/', site.routes);

  app.notFound((c) =>
    // A person browsing gets a page; an API client gets JSON.
    site && !c.req.path.startsWith('/v1/') && /text\/html/.test(c.req.header('accept') ?? '')
      ? site.notFoundPage(c)
      : c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404),
  );
  app.onError((err, c) => {
    const response = toErrorResponse(err, c);
    if (response.status >= 500) {
      // The path only: query strings carry link tokens, which never go into logs.
      deps.logger.error('request failed', { path: c.req.path, method: c.req.method, error: err instanceof Error ? err.message : String(err) });
    }
    return response;
  });
  return app;
}
