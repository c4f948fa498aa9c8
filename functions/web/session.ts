/**
 * Who is signed in, and the CSRF token every form carries.
 *
 * Session: an HttpOnly, SameSite=Lax cookie (Secure, with the `__Host-` prefix, when the app is
 * reached over https) holding a browser session (functions/app/account/browser-sessions.ts);
 * Lax so that arriving from a link in an email still finds the person signed in.
 *
 * CSRF: a synchronizer token derived from the session — HMAC-SHA256 keyed with the session
 * cookie's value — so a page on another site, which can neither read the cookie nor the page,
 * cannot produce it. Before signing in (the sign-in, subscribe and link-landing forms) the key is
 * a random pre-session cookie instead. Every POST must carry the token in `_csrf`; hono/csrf's
 * Origin / Sec-Fetch-Site check runs in front of it as a second, independent guard.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { Subscriber } from '../domain/subscriber.js';

export type WebEnv = {
  Variables: {
    subscriber?: Subscriber;
    /** The raw session cookie value, when it names a live session. */
    session?: string;
    /** The token this request's forms carry. */
    csrfToken: string;
    /** The parsed form body of a POST (read once, by the CSRF check). */
    form: Record<string, string>;
  };
};

export const CSRF_FIELD = '_csrf';
const PRE_SESSION_MAX_AGE = 2 * 3600;

/** Secure cookies (and the __Host- prefix) whenever the browser talks https to the app. */
export function isHttps(c: Context, publicUrl: string): boolean {
  return new URL(c.req.url).protocol === 'https:' || publicUrl.startsWith('https:');
}

function names(secure: boolean) {
  return secure
    ? { session: '__Host-afterview-session', preSession: '__Host-afterview-form' }
    : { session: 'afterview-session', preSession: 'afterview-form' };
}

function cookieOptions(secure: boolean, maxAge: number): CookieOptions {
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge };
}

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, names(secure).session);
}

export function writeSessionCookie(c: Context, secure: boolean, value: string, expiresAt: Date, now: Date): void {
  const maxAge = Math.max(60, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  setCookie(c, names(secure).session, value, cookieOptions(secure, maxAge));
  // The pre-session key has done its job.
  deleteCookie(c, names(secure).preSession, { path: '/', secure });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, names(secure).session, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}

function tokenFor(key: string): string {
  return createHmac('sha256', key).update('afterview web form v1').digest('base64url');
}

/**
 * The CSRF token for this request's forms. Signed in: derived from the session. Not signed in:
 * derived from the pre-session cookie, which is created here when missing.
 */
export function csrfTokenFor(c: Context, secure: boolean, session: string | undefined): string {
  if (session) return tokenFor(session);
  const cookieName = names(secure).preSession;
  let key = getCookie(c, cookieName);
  if (!key || key.length < 32 || key.length > 100) {
    key = randomBytes(32).toString('base64url');
    setCookie(c, cookieName, key, cookieOptions(secure, PRE_SESSION_MAX_AGE));
  }
  return tokenFor(key);
}

/** Whether `submitted` is this request's CSRF token (constant-time compare). */
export function csrfTokenMatches(c: Context, secure: boolean, session: string | undefined, submitted: string | undefined): boolean {
  const key = session ?? getCookie(c, names(secure).preSession);
  if (!key || !submitted) return false;
  const expected = Buffer.from(tokenFor(key));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A person who is not signed in goes to the sign-in page (303, so a POST becomes a GET). */
export const requireSignIn: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (!c.get('subscriber')) return c.redirect('/sign-in', 303);
  await next();
};
