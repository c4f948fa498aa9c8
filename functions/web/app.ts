/**
 * The web app for people who do not use APIs: server-rendered pages on the same Hono app as the
 * API, calling the same use cases. Mounted at `/` by functions/api/app.ts.
 *
 * Every web path passes, in order: a body size cap, hono/csrf's Origin check (POST), the session
 * (cookie → subscriber), throttling (per subscriber, or per client before sign-in), and the form
 * token check on every POST (functions/web/session.ts).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { html } from 'hono/html';
import { subscriberForSession } from '../app/account/browser-sessions.js';
import { NotFoundError, RateLimitedError } from '../app/errors.js';
import { isForPeople, statusOf } from '../http/errors.js';
import { STYLESHEET, SCRIPT } from '../http/assets.js';
import { clientNetwork } from '../http/client.js';
import { limitsOf, type HttpDependencies } from '../http/context.js';
import { throttle } from '../http/throttle.js';
import { sendPage, type Section } from './layout.js';
import { accountRoutes } from './routes/account.js';
import { calendarSettingsRoutes } from './routes/calendar-settings.js';
import { companyRoutes } from './routes/companies.js';
import { interviewRoutes } from './routes/interviews.js';
import { INVITE_UPLOAD_PATH, interviewImportRoutes, inviteTooLargePage, MAX_INVITE_FORM_BYTES } from './routes/interview-import.js';
import { todayRoutes } from './routes/today.js';
import { clearSessionCookie, CSRF_FIELD, csrfTokenFor, csrfTokenMatches, isHttps, readSessionCookie, type WebEnv } from './session.js';

/** The paths the web app answers; its middleware runs on these only, never on /v1. */
export const WEB_PATHS = ['/', '/sign-in', '/sign-in/*', '/subscribe', '/subscribe/*', '/sign-out', '/interviews', '/interviews/*', '/companies', '/companies/*', '/settings', '/account/*'];

const MAX_FORM_BYTES = 64 * 1024;

/** A POST without this session's form token: from another site, or a page older than the session. */
class FormTokenError extends Error {
  override name = 'FormTokenError';
}

/** Which section of the navigation a path belongs to, for error pages. */
function sectionOf(path: string): Section | undefined {
  if (path.startsWith('/interviews')) return 'interviews';
  if (path.startsWith('/companies')) return 'companies';
  if (path.startsWith('/settings') || path.startsWith('/account')) return 'settings';
  return undefined;
}

export function notFoundPage(c: Context<WebEnv>): Promise<Response> {
  return sendPage(
    c,
    {
      title: 'Not found',
      section: sectionOf(c.req.path),
      body: html`<h1>Not found</h1>
        <p>There is nothing here — the page may have been removed, or the link is incomplete.</p>
        <p><a href="/">Go to today’s plan</a></p>`,
    },
    404,
  );
}

export function webRoutes(deps: HttpDependencies): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  const limits = limitsOf(deps);
  const publicOrigin = new URL(deps.config.publicUrl).origin;

  // Static assets: public, cacheable (the URL carries a version), no session work.
  web.get('/assets/app.css', (c) => c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' }));
  web.get('/assets/app.js', (c) =>
    c.body(SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' }),
  );

  const tooMuchText = (c: Context) => sendPage(c as Context<WebEnv>, { title: 'Too much', body: html`<h1>That was too much text</h1><p>Please shorten it and try again.</p>` }, 413);
  const capAt = (maxSize: number, onError: (c: Context) => Promise<Response>) => bodyLimit({ maxSize, onError });
  const formCap = capAt(MAX_FORM_BYTES, tooMuchText);
  // A calendar invite is uploaded as a file, and may be larger than any form a person types; past
  // that, the invite page says what the API says about invites.
  const inviteCap = capAt(MAX_INVITE_FORM_BYTES, (c) => inviteTooLargePage(c as Context<WebEnv>));
  const bodyCap: MiddlewareHandler<WebEnv> = (c, next) => (c.req.path === INVITE_UPLOAD_PATH ? inviteCap : formCap)(c, next);
  // The page's own origin, or the public URL's (behind a proxy the two may differ).
  const originCheck = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
  const sessionAndForm: MiddlewareHandler<WebEnv> = async (c, next) => {
    const secure = isHttps(c, deps.config.publicUrl);
    const cookie = readSessionCookie(c, secure);
    const subscriber = cookie ? await subscriberForSession(deps, cookie) : null;
    if (subscriber) {
      c.set('subscriber', subscriber);
      c.set('session', cookie);
    } else if (cookie) {
      clearSessionCookie(c, secure);
    }
    await throttle(
      deps.repos.rateLimiter,
      'web',
      subscriber ? { subscriberId: subscriber.id } : { clientNetwork: clientNetwork(c) },
      subscriber ? limits.perSubscriber : limits.perClient,
      deps.clock.now(),
    );
    c.set('csrfToken', csrfTokenFor(c, secure, subscriber ? cookie : undefined));
    if (c.req.method === 'POST') {
      const body = await c.req.parseBody();
      const form: Record<string, string> = {};
      for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
      if (!csrfTokenMatches(c, secure, subscriber ? cookie : undefined, form[CSRF_FIELD])) throw new FormTokenError();
      c.set('form', form);
    }
    await next();
  };
  const guard: MiddlewareHandler<WebEnv> = async (c, next) => {
    // Two patterns may match one path ('/interviews' and '/interviews/*'): do the work once.
    if (c.get('csrfToken')) return next();
    return bodyCap(c, async () => {
      await originCheck(c, async () => {
        await sessionAndForm(c, next);
      });
    });
  };
  for (const path of WEB_PATHS) web.use(path, guard);

  // The invite import before the interviews, whose /interviews/:id would otherwise take /interviews/import.
  for (const routes of [accountRoutes, calendarSettingsRoutes, todayRoutes, interviewImportRoutes, interviewRoutes, companyRoutes]) web.route('/', routes(deps));

  web.onError(async (err, c) => {
    if (err instanceof NotFoundError) return notFoundPage(c);
    if (err instanceof FormTokenError) {
      return sendPage(
        c,
        {
          title: 'Form expired',
          body: html`<h1>This form has expired</h1>
            <p>For your safety afterview accepts a form only from the page it sent. Go back, reload the page, and try again.</p>
            <p><a href="/">Go to today’s plan</a></p>`,
        },
        403,
      );
    }
    if (err instanceof RateLimitedError) {
      c.header('Retry-After', String(err.retryAfterSeconds));
      return sendPage(c, { title: 'Slow down', body: html`<h1>Too many requests</h1><p>Please wait a minute and try again.</p>` }, 429);
    }
    if (err instanceof HTTPException && err.status === 403) {
      return sendPage(c, { title: 'Refused', body: html`<h1>Refused</h1><p>This form was sent from another site, so afterview did not accept it.</p>` }, 403);
    }
    // Only messages written for people are shown; anything else stays in the log.
    if (isForPeople(err)) {
      return sendPage(c, { title: 'Something is not right', body: html`<h1>Something is not right</h1><p>${err.message}</p><p><a href="/">Go to today’s plan</a></p>` }, statusOf(err) === 409 ? 409 : 400);
    }
    deps.logger.error('web request failed', { path: c.req.path, method: c.req.method, error: err instanceof Error ? err.message : String(err) });
    return sendPage(c, { title: 'Sorry', body: html`<h1>Sorry, something went wrong on our side</h1><p>Please try again in a moment.</p>` }, 500);
  });
  return web;
}
