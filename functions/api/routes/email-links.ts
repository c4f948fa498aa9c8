/**
 * The signed links in digests and alerts: /v1/actions (record an event, stop watching, not
 * relevant, unsubscribe) and /v1/unsubscribe (RFC 8058 one-click). GET shows what the link will
 * do and changes nothing; POST does it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InvalidLinkError } from '../../app/account/errors.js';
import { checkUnsubscribeLink, performEmailAction, previewEmailAction, unsubscribeByLink } from '../../app/account/email-actions.js';
import { newRouter, type ApiDependencies } from '../context.js';
import { page } from '../pages.js';
import { LinkTokenQuery } from '../schemas.js';

const html = (description: string) => ({ content: { 'text/html': { schema: { type: 'string' as const } } }, description });

function invalidLinkPage(c: Context, err: unknown): Response | Promise<Response> {
  const message = err instanceof InvalidLinkError ? err.message : 'This link is not complete. Open the full link from the email.';
  return page(c, { title: 'This link cannot be used', paragraphs: [message.charAt(0).toUpperCase() + message.slice(1)] }, 400);
}

/** Renders link problems as a page (a person clicked it), everything else goes to the error handler. */
async function asPage(c: Context, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InvalidLinkError) return invalidLinkPage(c, err);
    throw err;
  }
}

/** What RFC 8058 clients send; the page's button sends the same. An empty body is accepted too. */
const OneClickForm = z
  .object({ 'List-Unsubscribe': z.literal('One-Click', { message: 'must be "One-Click" (RFC 8058)' }).optional() })
  .strict()
  .openapi('OneClickUnsubscribe');
/** The action page's button posts no fields: the token is in the URL. */
const EmptyForm = z.object({}).strict().openapi('EmptyForm');

const queryHook = (result: { success: boolean }, c: Context) => {
  if (!result.success) return invalidLinkPage(c, null);
};

export function emailLinkRoutes(deps: ApiDependencies) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/v1/actions',
      tags: ['Email links'],
      summary: 'The page behind an action link in an email',
      description: 'Describes what the link will do, with a button. Changes nothing.',
      request: { query: LinkTokenQuery },
      responses: { 200: html('What the link does, and a button'), 400: html('The link is not valid') },
    }),
    (c) =>
      asPage(c, async () => {
        const { token } = c.req.valid('query');
        const preview = await previewEmailAction(deps, token);
        return page(c, {
          title: preview.title,
          paragraphs: [preview.description],
          form: { action: `actions?token=${encodeURIComponent(token)}`, button: preview.button },
        });
      }),
    queryHook,
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/v1/actions',
      tags: ['Email links'],
      summary: 'Do what an action link says (once)',
      request: { query: LinkTokenQuery, body: { content: { 'application/x-www-form-urlencoded': { schema: EmptyForm } } } },
      responses: { 200: html('Done'), 400: html('The link is not valid') },
    }),
    (c) =>
      asPage(c, async () => {
        const outcome = await performEmailAction(deps, c.req.valid('query').token);
        return page(c, { title: outcome.title, paragraphs: [outcome.message] });
      }),
    queryHook,
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/v1/unsubscribe',
      tags: ['Email links'],
      summary: 'The page behind an unsubscribe link',
      description: 'A page with an unsubscribe button. Changes nothing.',
      request: { query: LinkTokenQuery },
      responses: { 200: html('A page with a button'), 400: html('The link is not valid') },
    }),
    (c) =>
      asPage(c, async () => {
        const { token } = c.req.valid('query');
        await checkUnsubscribeLink(deps, token);
        return page(c, {
          title: 'Unsubscribe from afterview',
          paragraphs: ['Press the button to stop all email from afterview. Your data stays until you delete your account.'],
          form: {
            action: `unsubscribe?token=${encodeURIComponent(token)}`,
            fields: { 'List-Unsubscribe': 'One-Click' },
            button: 'Unsubscribe',
          },
        });
      }),
    queryHook,
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/v1/unsubscribe',
      tags: ['Email links'],
      summary: 'One-click unsubscribe (RFC 8058)',
      description:
        'Mail clients POST `List-Unsubscribe=One-Click` (form-encoded) to the List-Unsubscribe URL; the page’s button does the same. Effective immediately; repeating it is harmless. Protected by the link’s signature and counted per subscriber, never per client address: mail providers send these from a few shared addresses.',
      request: {
        query: LinkTokenQuery,
        body: { content: { 'application/x-www-form-urlencoded': { schema: OneClickForm } } },
      },
      responses: { 200: html('Unsubscribed'), 400: html('The link is not valid') },
    }),
    (c) =>
      asPage(c, async () => {
        await unsubscribeByLink(deps, c.req.valid('query').token);
        return page(c, {
          title: 'You are unsubscribed',
          paragraphs: ['afterview will not email you any more. Changed your mind? Subscribe again at any time.'],
        });
      }),
    queryHook,
  );
  return router;
}
