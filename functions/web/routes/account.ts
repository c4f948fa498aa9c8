/**
 * Signing in and out, subscribing, the pages behind the emailed links, settings, export and
 * account deletion. Sign-in is the API's magic-link flow: the same use cases send the same mail;
 * the emailed link lands here, and its button (a POST; GET changes nothing) starts a browser
 * session instead of showing an API token.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { endBrowserSession, startBrowserSession } from '../../app/account/browser-sessions.js';
import { InvalidLinkError } from '../../app/account/errors.js';
import { deleteAccount, exportAccount, updateSettings } from '../../app/account/me.js';
import { listApiTokens, revokeApiToken, signOutEverywhere } from '../../app/account/api-tokens.js';
import {
  accountForTicket,
  completeSignInInBrowser,
  confirmSubscriptionInBrowser,
  LINK_PATHS,
  requestSignIn,
  requestSubscription,
  TICKET_PURPOSE,
} from '../../app/account/subscriptions.js';
import { clientNetwork } from '../../http/client.js';
import type { HttpDependencies } from '../../http/context.js';
import { maskEmail } from '../../domain/masked-email.js';
import { formatDay } from '../../domain/follow-up/index.js';
import { localDate } from '../../domain/time-zone.js';
import { parseSettingsForm, type FormValues } from '../forms.js';
import { checked, csrfField, options, sendPage, timeZoneSelect } from '../layout.js';
import { CALENDAR_RENEWED_NOTICE, calendarCard } from './calendar-settings.js';
import { clearSessionCookie, isHttps, requireSignIn, writeSessionCookie, type WebEnv } from '../session.js';

const EmailAddress = z.email().max(320);

const NOTICES: Record<string, string> = {
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out everywhere: every browser session and every API token of your account has stopped working. Sign in again here.',
  'token-revoked': 'The API token is revoked: it no longer works.',
  deleted: 'Your account and all your data are deleted. Thank you for using afterview.',
  settings: 'Settings saved.',
  calendar: CALENDAR_RENEWED_NOTICE,
};

const notice = (c: Context<WebEnv>) => NOTICES[c.req.query('done') ?? ''];

/** Answers no sooner than `floorMs` after `startedAt`, so known and unknown addresses take as long. */
async function padTo(startedAt: number, floorMs: number): Promise<void> {
  const wait = startedAt + floorMs - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

function signInPage(c: Context<WebEnv>, values: { email?: string; errors?: string[]; subscribeErrors?: string[] } = {}, status: 400 | 200 = 200) {
  return sendPage(
    c,
    {
      title: 'Sign in',
      notice: notice(c),
      errors: [...(values.errors ?? []), ...(values.subscribeErrors ?? [])],
      body: html`<h1>After the interview, know what to do</h1>
        <p class="lead">What to do after each interview — the thank-you, the follow-up, when to move on — and a ready-to-send note when the company has good news.</p>
        <div class="card">
          <h2 id="sign-in-heading">Sign in</h2>
          <p>No password: afterview emails you a link that signs you in.</p>
          <form class="stack" method="post" action="/sign-in" aria-labelledby="sign-in-heading">
            ${csrfField(c)}
            <div><label for="sign-in-email">Your email address</label>
            <input type="email" id="sign-in-email" name="email" autocomplete="email" required value="${values.email ?? ''}"></div>
            <div><button type="submit">Email me a sign-in link</button></div>
          </form>
        </div>
        <div class="card">
          <h2 id="subscribe-heading">New here?</h2>
          <p>Start with your email address. afterview sends one email to confirm it is yours; nothing else is sent until you confirm.</p>
          <form class="stack" method="post" action="/subscribe" aria-labelledby="subscribe-heading">
            ${csrfField(c)}
            <div><label for="subscribe-email">Your email address</label>
            <input type="email" id="subscribe-email" name="email" autocomplete="email" required></div>
            <div><label for="subscribe-zone">Your time zone <span class="hint">Your daily digest arrives at 08:00 in this zone; you can change it later.</span></label>
            ${timeZoneSelect('timeZone', 'subscribe-zone', 'UTC', true)}</div>
            <div><button type="submit">Subscribe</button></div>
          </form>
        </div>`,
    },
    status,
  );
}

function checkInboxPage(c: Context<WebEnv>, what: string) {
  return sendPage(c, {
    title: 'Check your inbox',
    body: html`<h1>Check your inbox</h1>
      <p>If this address can receive mail from afterview, ${what} is on its way. The link works once; open it in this browser.</p>
      <p>Nothing arrived after a few minutes? Look in the spam folder, or <a href="/sign-in">try again</a>.</p>`,
  });
}

function linkProblemPage(c: Context<WebEnv>, text: string) {
  return sendPage(
    c,
    {
      title: 'This link cannot be used',
      body: html`<h1>This link cannot be used</h1><p>${text}</p><p><a href="/sign-in">Ask for a new link</a></p>`,
    },
    400,
  );
}

/** The two emailed links differ only in words and in the use case that redeems the ticket. */
const LANDINGS = [
  {
    path: LINK_PATHS.confirm.web,
    purpose: TICKET_PURPOSE.confirm,
    title: 'Confirm your subscription',
    text: 'Press the button to confirm this address and open afterview. You will get interview follow-up reminders and good news about the companies you interviewed with.',
    account: 'This link confirms the subscription of',
    button: 'Confirm and open afterview',
    expired: 'This confirmation link has expired or was already used. Subscribe again to get a new one.',
    redeem: confirmSubscriptionInBrowser,
    done: 'welcome',
  },
  {
    path: LINK_PATHS.signIn.web,
    purpose: TICKET_PURPOSE.signIn,
    title: 'Sign in to afterview',
    text: 'Press the button to sign in on this browser.',
    account: 'This link signs in to the afterview account of',
    button: 'Sign in',
    expired: 'This sign-in link has expired or was already used.',
    redeem: completeSignInInBrowser,
    done: 'signed-in',
  },
] as const;

export function accountRoutes(deps: HttpDependencies): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  const floorMs = deps.accountResponseFloorMs ?? 250;

  web.get('/sign-in', async (c) => (c.get('subscriber') ? c.redirect('/', 303) : signInPage(c)));

  web.post('/sign-in', async (c) => {
    const form = c.get('form');
    const email = EmailAddress.safeParse((form.email ?? '').trim());
    if (!email.success) return signInPage(c, { email: form.email, errors: ['Email address: must be an email address like you@example.com'] }, 400);
    const startedAt = Date.now();
    await requestSignIn(deps, { email: email.data }, { network: clientNetwork(c) });
    await padTo(startedAt, floorMs);
    return checkInboxPage(c, 'a sign-in link');
  });

  web.post('/subscribe', async (c) => {
    const form = c.get('form');
    const email = EmailAddress.safeParse((form.email ?? '').trim());
    const zone = parseSettingsForm({ timeZone: form.timeZone ?? '', digestHour: '8', alerts: 'instant' });
    const errors = [
      ...(email.success ? [] : ['Email address: must be an email address like you@example.com']),
      ...(zone.ok ? [] : zone.errors.filter((e) => e.startsWith('Time zone'))),
    ];
    if (!email.success || !zone.ok) return signInPage(c, { subscribeErrors: errors }, 400);
    const startedAt = Date.now();
    await requestSubscription(deps, { email: email.data, timeZone: zone.value.timeZone }, { network: clientNetwork(c) });
    await padTo(startedAt, floorMs);
    return checkInboxPage(c, 'a confirmation link');
  });

  for (const landing of LANDINGS) {
    web.get(landing.path, async (c) => {
      const token = c.req.query('token') ?? '';
      const account = token.length < 20 || token.length > 200 ? null : await accountForTicket(deps, landing.purpose, token);
      if (!account) return linkProblemPage(c, landing.expired);
      // Named, so a link someone else planted cannot silently sign this browser into their account.
      const signedIn = c.get('subscriber');
      const other = signedIn && maskEmail(signedIn.email) !== account.maskedEmail ? maskEmail(signedIn.email) : null;
      return sendPage(c, {
        title: landing.title,
        body: html`<h1>${landing.title}</h1>
          <p>${landing.account} <strong>${account.maskedEmail}</strong>. If that is not your address, do not press the button: close this page, or what you add would go to someone else’s account.</p>
          ${other ? html`<p>This browser is signed in as <strong>${other}</strong> now; pressing the button signs it out of that account.</p>` : ''}
          <p>${landing.text}</p>
          <form method="post" action="${landing.path}">
            ${csrfField(c)}<input type="hidden" name="token" value="${token}">
            <button type="submit">${landing.button}</button>
          </form>`,
      });
    });

    web.post(landing.path, async (c) => {
      const token = c.get('form').token ?? '';
      let subscriberId: string;
      try {
        if (token.length < 20 || token.length > 200) throw new InvalidLinkError('email', '');
        ({ subscriberId } = await landing.redeem(deps, token));
      } catch (err) {
        if (err instanceof InvalidLinkError) return linkProblemPage(c, landing.expired);
        throw err;
      }
      const secure = isHttps(c, deps.config.publicUrl);
      // Someone else may have been signed in on this browser: that session ends here.
      await endBrowserSession(deps, c.get('session'));
      const session = await startBrowserSession(deps, subscriberId);
      writeSessionCookie(c, secure, session.value, session.expiresAt, deps.clock.now());
      return c.redirect(`/?done=${landing.done}`, 303);
    });
  }

  web.post('/sign-out', async (c) => {
    await endBrowserSession(deps, c.get('session'));
    clearSessionCookie(c, isHttps(c, deps.config.publicUrl));
    return c.redirect('/sign-in?done=signed-out', 303);
  });

  web.use('/settings', requireSignIn);
  web.use('/account/*', requireSignIn);

  const settingsPage = async (c: Context<WebEnv>, values: FormValues, errors: string[] = []) => {
    const subscriber = c.get('subscriber')!;
    const tokens = await listApiTokens(deps, subscriber.id);
    const day = (instant: string) => formatDay(localDate(new Date(instant), subscriber.timeZone));
    const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));
    return sendPage(
      c,
      {
        title: 'Settings',
        section: 'settings',
        notice: notice(c),
        errors,
        body: html`<h1>Settings</h1>
          <p class="lead">Signed in as <strong>${subscriber.email}</strong>${subscriber.status === 'unsubscribed' ? html` — unsubscribed: afterview sends you no email` : ''}.</p>
          <form class="stack card" method="post" action="/settings">
            ${csrfField(c)}
            <div><label for="zone">Time zone <span class="hint">Dates and the digest hour follow this zone.</span></label>
            ${timeZoneSelect('timeZone', 'zone', values.timeZone ?? subscriber.timeZone)}</div>
            <div><label for="hour">Daily digest at</label>
            <select id="hour" name="digestHour">${options(hours, values.digestHour ?? String(subscriber.digestHour))}</select></div>
            <fieldset><legend>Good news about a company</legend>
              <label class="inline"><input type="radio" name="alerts" value="instant"${checked((values.alerts ?? subscriber.alerts) === 'instant')}> <span>Email me as soon as afterview finds it, with a note ready to send</span></label>
              <label class="inline"><input type="radio" name="alerts" value="digest"${checked((values.alerts ?? subscriber.alerts) === 'digest')}> <span>Only in my daily digest</span></label>
            </fieldset>
            <label class="inline"><input type="checkbox" name="dailyEvenIfEmpty"${checked(values.dailyEvenIfEmpty !== undefined ? values.dailyEvenIfEmpty === 'on' : subscriber.dailyEvenIfEmpty)}> <span>Send the digest every day, even when there is nothing to do <span class="hint">Otherwise quiet days send nothing.</span></span></label>
            <div><button type="submit">Save settings</button></div>
          </form>
          ${calendarCard(deps, c, subscriber)}
          <h2>Sign-ins and API tokens</h2>
          <div class="card">
            ${
              tokens.length === 0
                ? html`<p>Your account has no API tokens. (Scripts get one through a sign-in link’s “Using the API?” line.)</p>`
                : html`<p>API tokens of your account (a token itself is shown only once, when it is made):</p>
                  <table>
                    <thead><tr><th scope="col">Token</th><th scope="col">Made</th><th scope="col">Last used</th><th scope="col"><span class="visually-hidden">Revoke</span></th></tr></thead>
                    <tbody>${tokens.map(
                      (t) => html`<tr><td><code>${t.id}</code></td><td>${day(t.createdAt)}</td><td>${t.lastUsedAt ? day(t.lastUsedAt) : 'never'}</td>
                        <td><form method="post" action="/account/tokens/${t.id}/revoke">${csrfField(c)}<button type="submit" class="secondary">Revoke<span class="visually-hidden"> token ${t.id}</span></button></form></td></tr>`,
                    )}</tbody>
                  </table>`
            }
            <h3 id="everywhere-heading">Sign out everywhere</h3>
            <p>Ends every session of your account in every browser — this one too — and revokes all its API tokens at once. Use it after signing in on a computer that is not yours, or if a token may have leaked.</p>
            <form method="post" action="/account/sign-out-everywhere" aria-labelledby="everywhere-heading">
              ${csrfField(c)}<button type="submit" class="danger">Sign out everywhere</button>
            </form>
          </div>
          <h2>Your data</h2>
          <div class="card">
            <p>Everything afterview stores about you — account, companies, interviews and what was sent — as one JSON file.</p>
            <p><a class="button secondary" href="/account/export" download>Download my data</a></p>
          </div>
          <div class="card">
            <h3 id="delete-heading">Delete my account</h3>
            <p>This removes your account, companies, interviews and history at once, and signs you out. It cannot be undone.</p>
            <form class="stack" method="post" action="/account/delete" aria-labelledby="delete-heading">
              ${csrfField(c)}
              <label class="inline"><input type="checkbox" name="confirm" required> <span>Yes, delete my account and all my data</span></label>
              <div><button type="submit" class="danger">Delete my account</button></div>
            </form>
          </div>`,
      },
      errors.length > 0 ? 400 : 200,
    );
  };

  web.get('/settings', (c) => settingsPage(c, {}));

  web.post('/settings', async (c) => {
    const form = c.get('form');
    const parsed = parseSettingsForm(form);
    if (!parsed.ok) return settingsPage(c, { ...form, dailyEvenIfEmpty: form.dailyEvenIfEmpty ?? '' }, parsed.errors);
    await updateSettings(deps, c.get('subscriber')!.id, parsed.value);
    return c.redirect('/settings?done=settings', 303);
  });

  web.get('/account/export', async (c) => {
    const subscriber = c.get('subscriber')!;
    const data = await exportAccount(deps, subscriber.id);
    const day = localDate(deps.clock.now(), subscriber.timeZone);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="afterview-export-${day}.json"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  web.post('/account/sign-out-everywhere', async (c) => {
    const subscriberId = c.get('subscriber')!.id;
    const revoked = await signOutEverywhere(deps, subscriberId, deps.clock.now());
    clearSessionCookie(c, isHttps(c, deps.config.publicUrl));
    deps.logger.info('signed out everywhere', { subscriberId, apiTokensRevoked: revoked });
    return c.redirect('/sign-in?done=signed-out-everywhere', 303);
  });

  web.post('/account/tokens/:id/revoke', async (c) => {
    await revokeApiToken(deps, c.get('subscriber')!.id, c.req.param('id'));
    return c.redirect('/settings?done=token-revoked', 303);
  });

  web.post('/account/delete', async (c) => {
    if (c.get('form').confirm !== 'on') {
      return settingsPage(c, {}, ['Delete my account: tick the box to confirm that everything should be deleted']);
    }
    const subscriberId = c.get('subscriber')!.id;
    await deleteAccount(deps, subscriberId);
    await endBrowserSession(deps, c.get('session'));
    clearSessionCookie(c, isHttps(c, deps.config.publicUrl));
    deps.logger.info('account deleted', { subscriberId, via: 'web' });
    return c.redirect('/sign-in?done=deleted', 303);
  });

  return web;
}
