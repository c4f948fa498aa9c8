/**
 * Subscribing and signing in (double opt-in). The POSTs that send mail answer 202 whatever the
 * address's state; the emailed links open a page (GET changes nothing) whose button POSTs.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InvalidLinkError } from '../../app/account/errors.js';
import {
  accountForTicket,
  completeSignIn,
  confirmSubscription,
  requestSignIn,
  requestSubscription,
  TICKET_PURPOSE,
} from '../../app/account/subscriptions.js';
import { describeIssues, QuotaExceededError, ValidationError } from '../../app/errors.js';
import { clientNetwork } from '../../http/client.js';
import { newRouter, type ApiDependencies, type ApiEnv } from '../context.js';
import { page } from '../pages.js';
import { Accepted, ApiTokenResponse, ErrorResponse, LinkTokenQuery, SignInRequest, SubscriptionRequest, TokenForm } from '../schemas.js';

const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const html = (description: string) => ({ content: { 'text/html': { schema: { type: 'string' as const } } }, description });

const ACCEPTED_MESSAGE = 'If this address can receive mail from afterview, a link is on its way. Check your inbox.';

/** Answers no sooner than `floorMs` after `startedAt`, so known and unknown addresses take as long. */
async function padTo(startedAt: number, floorMs: number): Promise<void> {
  const wait = startedAt + floorMs - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/** The two flows differ only in words and the use case that redeems the ticket. */
interface LinkFlow {
  path: string;
  purpose: (typeof TICKET_PURPOSE)[keyof typeof TICKET_PURPOSE];
  tag: string;
  summary: string;
  pageTitle: string;
  pageText: string;
  /** Names the account the link is for (a masked address), and what to do if it is not yours. */
  accountText: (maskedEmail: string) => string;
  button: string;
  expiredText: string;
  redeem: (deps: ApiDependencies, token: string) => Promise<{ apiToken: string }>;
}

const FLOWS: LinkFlow[] = [
  {
    path: '/v1/subscriptions/confirm',
    purpose: TICKET_PURPOSE.confirm,
    tag: 'Subscriptions',
    summary: 'Confirm a subscription',
    pageTitle: 'Confirm your subscription',
    pageText: 'Press the button to start getting interview follow-up reminders and company news from afterview. You will see your API token once.',
    accountText: (masked) => `This link confirms the subscription of ${masked}. If that is not your address, do not press the button: close this page.`,
    button: 'Confirm my subscription',
    expiredText: 'This confirmation link has expired or was already used. Subscribe again to get a new one.',
    redeem: confirmSubscription,
  },
  {
    path: '/v1/sign-in/confirm',
    purpose: TICKET_PURPOSE.signIn,
    tag: 'Subscriptions',
    summary: 'Complete a sign-in',
    pageTitle: 'Get a new API token',
    pageText: 'Press the button to get a new API token. It is shown once; your other tokens keep working.',
    accountText: (masked) =>
      `This link signs in to the afterview account of ${masked}. If that is not your address, do not press the button: close this page, or anything you add would go to someone else’s account.`,
    button: 'Show my new token',
    expiredText: 'This sign-in link has expired or was already used. Ask for a new one.',
    redeem: completeSignIn,
  },
];

function isForm(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type);
}

export function subscriptionRoutes(deps: ApiDependencies) {
  const router = newRouter();
  const floorMs = deps.accountResponseFloorMs ?? 250;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/v1/subscriptions',
      tags: ['Subscriptions'],
      summary: 'Subscribe by email',
      description:
        'Always 202, whether the address is new, pending, confirmed, unsubscribed or suppressed. A new or pending address gets a confirmation email; nothing else is ever sent to an address until it is confirmed.',
      request: { body: { required: true, content: { 'application/json': { schema: SubscriptionRequest } } } },
      responses: { 202: json(Accepted, 'Accepted'), 400: json(ErrorResponse, 'Invalid body'), 429: json(ErrorResponse, 'Too many requests') },
    }),
    async (c) => {
      const startedAt = Date.now();
      await requestSubscription(deps, c.req.valid('json'), { network: clientNetwork(c) });
      await padTo(startedAt, floorMs);
      return c.json({ accepted: true as const, message: ACCEPTED_MESSAGE }, 202);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sign-in',
      tags: ['Subscriptions'],
      summary: 'Email a sign-in link that issues a new API token',
      description: 'Always 202. Only confirmed subscribers get the email.',
      request: { body: { required: true, content: { 'application/json': { schema: SignInRequest } } } },
      responses: { 202: json(Accepted, 'Accepted'), 400: json(ErrorResponse, 'Invalid body'), 429: json(ErrorResponse, 'Too many requests') },
    }),
    async (c) => {
      const startedAt = Date.now();
      await requestSignIn(deps, c.req.valid('json'), { network: clientNetwork(c) });
      await padTo(startedAt, floorMs);
      return c.json({ accepted: true as const, message: ACCEPTED_MESSAGE }, 202);
    },
  );

  for (const flow of FLOWS) {
    router.openapi(
      createRoute({
        method: 'get',
        path: flow.path,
        tags: [flow.tag],
        summary: `${flow.summary}: the page behind the emailed link`,
        description: 'Shows a page with a button; changes nothing (mail scanners open links).',
        request: { query: LinkTokenQuery },
        responses: { 200: html('A page with a button that POSTs the token'), 400: html('The link is not valid') },
      }),
      async (c) => {
        const { token } = c.req.valid('query');
        const account = await accountForTicket(deps, flow.purpose, token);
        if (!account) {
          return page(c, { title: 'This link cannot be used', paragraphs: [flow.expiredText] }, 400);
        }
        // Relative action: the last path segment is "confirm" in both flows.
        return page(c, {
          title: flow.pageTitle,
          paragraphs: [flow.accountText(account.maskedEmail), flow.pageText],
          form: { action: 'confirm', fields: { token }, button: flow.button },
        });
      },
      (result, c) => {
        if (!result.success) return page(c, { title: 'This link cannot be used', paragraphs: [flow.expiredText] }, 400);
      },
    );

    router.openapi(
      createRoute({
        method: 'post',
        path: flow.path,
        tags: [flow.tag],
        summary: flow.summary,
        description:
          'Redeems the emailed link once. JSON in → JSON out ({apiToken}); the page’s form post → a page showing the token. The token is shown only this once.',
        request: {
          body: {
            content: {
              'application/json': { schema: TokenForm },
              'application/x-www-form-urlencoded': { schema: TokenForm },
            },
          },
        },
        responses: {
          200: {
            content: { 'application/json': { schema: ApiTokenResponse }, 'text/html': { schema: { type: 'string' as const } } },
            description: 'The new API token',
          },
          400: json(ErrorResponse, 'The link is not valid'),
          409: json(ErrorResponse, 'You already hold as many API tokens as an account may (the message names the limit)'),
        },
      }),
      async (c) => {
        const form = isForm(c);
        const token = form ? c.req.valid('form').token : c.req.valid('json').token;
        try {
          if (!token) throw new ValidationError('body: token: required');
          const { apiToken } = await flow.redeem(deps, token);
          if (!form) return c.json({ apiToken }, 200);
          return page(c, {
            title: 'Here is your API token',
            paragraphs: [
              'Copy it now: afterview keeps only a fingerprint of it and cannot show it again.',
              'Use it as "Authorization: Bearer <token>" with the API. Lost it? Ask for a sign-in link to get another.',
            ],
            secret: { label: 'Your API token:', value: apiToken },
          });
        } catch (err) {
          if (form && (err instanceof InvalidLinkError || err instanceof ValidationError)) {
            return page(c, { title: 'This link cannot be used', paragraphs: [flow.expiredText] }, 400);
          }
          if (form && err instanceof QuotaExceededError) {
            const sentence = err.message.charAt(0).toUpperCase() + err.message.slice(1);
            return page(c, { title: 'No new token', paragraphs: [`${sentence}. This link still works once you have.`] }, 409);
          }
          throw err;
        }
      },
      (result, c) => {
        // A person's form post gets a page; an API client gets the usual JSON 400 (default hook).
        if (!result.success && isForm(c)) return page(c, { title: 'This link cannot be used', paragraphs: [flow.expiredText] }, 400);
        if (!result.success) throw new ValidationError(`body: ${describeIssues(result.error.issues)}`);
      },
    );
  }
  return router;
}
