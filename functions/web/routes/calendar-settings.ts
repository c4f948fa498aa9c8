/**
 * Settings → "Your calendar": the subscriber's calendar feed link, a one-click "subscribe in your
 * calendar" (webcal://, which calendar apps open as a subscription), and renewing the link when it
 * has been shared by mistake (the old one stops working at once).
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { calendarUrlFor, renewCalendarUrl } from '../../app/calendar/calendar-feed.js';
import type { HttpDependencies } from '../../http/context.js';
import type { Subscriber } from '../../domain/subscriber.js';
import { csrfField, type Markup } from '../layout.js';
import { requireSignIn, type WebEnv } from '../session.js';

export const CALENDAR_RENEW_PATH = '/account/calendar-url';
export const CALENDAR_RENEWED_NOTICE = 'Your calendar link is new, and the old one no longer works: subscribe to this one in your calendar app.';

/** The settings card, with the subscriber’s current feed link. */
export async function calendarCard(deps: HttpDependencies, c: Context<WebEnv>, subscriber: Subscriber): Promise<Markup> {
  const url = await calendarUrlFor(deps, subscriber);
  const webcal = url.replace(/^https?:\/\//, 'webcal://');
  return html`<h2 id="calendar-heading">Your calendar</h2>
    <div class="card" aria-labelledby="calendar-heading">
      <p>See every thank-you, check-in, follow-up and decision date in the calendar you already use. It updates itself as your plan changes.</p>
      <p class="row"><a class="button" href="${webcal}">Subscribe in your calendar</a></p>
      <div><label for="calendar-url">Or add this address as a calendar subscription (“From URL” in Google Calendar, “Subscribe to calendar” in Outlook) <span class="hint">Keep it to yourself: anyone with it can see your plan.</span></label>
      <input type="text" id="calendar-url" value="${url}" readonly spellcheck="false"></div>
      <form method="post" action="${CALENDAR_RENEW_PATH}" class="row">
        ${csrfField(c)}<button type="submit" class="secondary">Make a new link</button>
        <span class="meta">The current link stops working at once.</span>
      </form>
    </div>`;
}

export function calendarSettingsRoutes(deps: HttpDependencies): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  web.post(CALENDAR_RENEW_PATH, requireSignIn, async (c) => {
    await renewCalendarUrl(deps, c.get('subscriber')!.id);
    return c.redirect('/settings?done=calendar', 303);
  });
  return web;
}
