/**
 * `/`: today's plan — what to do about each interview today (with the drafted note), the last
 * day's good news about watched companies, what is coming up this week, and one line for every
 * other open interview. The same engines as GET /v1/plan and the digest (plannedInterviews, which
 * folds good news into a thank-you still due; recentGoodNews; interviewStanding).
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { listCompanies } from '../../app/companies/watched-companies.js';
import { listInterviews } from '../../app/interviews/interviews.js';
import { notRelevantOnDemand } from '../../app/news/not-relevant.js';
import { recentGoodNews } from '../../app/news/recent-good-news.js';
import { foldedNews, planInterviewsWithNews } from '../../app/news/thank-you-news.js';
import type { HttpDependencies } from '../../http/context.js';
import {
  ACTION_TITLE,
  GOOD_NEWS_NOTE_LEAD,
  goodNewsNoNoteLine,
  interviewStanding,
  thankYouPlaceOf,
  type DigestInterview,
  type GoodNewsItem,
} from '../../domain/digest/index.js';
import { mailtoLink, safeHref } from '../../domain/email/index.js';
import { dateIn, formatDay, formatDayOf, formatWeekday } from '../../domain/follow-up/index.js';
import { sendPage, type Markup } from '../layout.js';
import { requireSignIn, type WebEnv } from '../session.js';
import { actionBlock, draftBlock, dueBadge, EVENT_PAST, eventButton } from '../views.js';

const NOTICES: Record<string, string> = {
  welcome: 'Welcome to afterview! Your address is confirmed. Add the interviews you had, and afterview tells you what to do each day.',
  'signed-in': 'You are signed in.',
};

export function todayRoutes(deps: HttpDependencies): Hono<WebEnv> {
  const web = new Hono<WebEnv>();

  web.get('/', requireSignIn, async (c) => {
    const subscriber = c.get('subscriber')!;
    const now = deps.clock.now();
    const [interviews, companies] = await Promise.all([listInterviews(deps, subscriber.id), listCompanies(deps, subscriber.id)]);
    // The "not relevant" marks are read once, and only when some story is there to check.
    const scope = { subscriberId: subscriber.id, companies, interviews, notRelevant: notRelevantOnDemand(deps, subscriber.id) };
    const planned = await planInterviewsWithNews(deps, scope, now);
    const goodNews = await recentGoodNews(deps, scope, now, undefined, foldedNews(planned));
    const done = c.req.query('done') ?? '';
    const notice = NOTICES[done] ?? (done in EVENT_PAST ? `Recorded: ${EVENT_PAST[done as keyof typeof EVENT_PAST].toLowerCase()}.` : undefined);
    const today = dateIn(now, subscriber.timeZone);

    const plans = planned
      .map(({ interview, plan }) => ({ interview, plan, today: dateIn(now, interview.timeZone) }))
      .filter((p) => p.plan.status === 'open' || p.plan.actions.length > 0);
    const dueNow = plans
      .map((p) => ({ ...p, actions: p.plan.actions.filter((a) => a.dueOn <= p.today) }))
      .filter((p) => p.actions.length > 0)
      .sort((a, b) => a.actions[0]!.dueOn.localeCompare(b.actions[0]!.dueOn) || a.interview.company.localeCompare(b.interview.company));
    const upcoming = plans
      .flatMap((p) => p.plan.actions.filter((a) => a.dueOn > p.today).map((action) => ({ ...p, action })))
      .sort((a, b) => a.action.dueOn.localeCompare(b.action.dueOn));
    const open = plans.filter((p) => p.plan.status === 'open').length;
    // Open, with nothing to do this week: one line each says where it stands (as in the digest).
    const others = plans
      .filter((p) => p.plan.status === 'open' && p.plan.actions.length === 0)
      .sort((a, b) => a.interview.company.localeCompare(b.interview.company));

    const body =
      interviews.length === 0
        ? html`<h1>Today</h1>
          <div class="card empty">
            <h2>Add your first interview</h2>
            <p>Tell afterview who you met and when. It drafts your thank-you note, tells you when to follow up, and watches the company’s news for a reason to write.</p>
            <p><a class="button" href="/interviews/new">Add an interview</a></p>
          </div>
          ${goodNewsSection(c, goodNews, plans, now, subscriber.timeZone)}`
        : html`<h1>Today <span class="meta">· ${formatWeekday(today)}</span></h1>
          <p class="lead">${open} open interview${open === 1 ? '' : 's'}. ${
            dueNow.length > 0
              ? 'Here is what to do today.'
              : goodNews.some((n) => n.note)
                ? 'Nothing due today, but there is good news worth a note.'
                : 'Nothing to do today — keep applying.'
          }</p>
          ${dueNow.map(
            (p) => html`<article class="card">
              <header><h2><a href="/interviews/${p.interview.id}">${p.interview.company}</a></h2>
              <span class="meta">${p.interview.role} · ${p.interview.interviewer.name}</span></header>
              ${p.actions.map((a) => actionBlock(c, a, { interview: p.interview, today: p.today, returnTo: '/' }))}
            </article>`,
          )}
          ${goodNewsSection(c, goodNews, plans, now, subscriber.timeZone)}
          ${
            upcoming.length > 0
              ? html`<h2>Coming up</h2>
                <div class="card"><table>
                  <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Interview</th></tr></thead>
                  <tbody>${upcoming.map(
                    (u) => html`<tr><td>${dueBadge(u.action, u.today)}</td><td>${ACTION_TITLE[u.action.type]}</td>
                      <td><a href="/interviews/${u.interview.id}">${u.interview.company}</a> <span class="meta">${u.interview.role}</span></td></tr>`,
                  )}</tbody>
                </table></div>`
              : ''
          }
          ${
            others.length > 0
              ? html`<h2>Other open interviews</h2>
                <div class="card"><ul class="standing">${others.map(
                  (p) => html`<li><a href="/interviews/${p.interview.id}">${p.interview.company}</a> <span class="meta">(${p.interview.role})</span>: ${interviewStanding(p.interview, now)}</li>`,
                )}</ul></div>`
              : ''
          }
          <p><a class="button secondary" href="/interviews/new">Add an interview</a></p>
          <p class="meta">Dates are in each interview’s time zone. Your digest comes at ${String(subscriber.digestHour).padStart(2, '0')}:00 (${subscriber.timeZone})${subscriber.nextDigestAt ? `, next on ${formatDay(dateIn(subscriber.nextDigestAt, subscriber.timeZone))}` : ''}.</p>`;

    return sendPage(c, { title: 'Today', section: 'today', notice, body });
  });

  return web;
}

/** The last day's good news, each with the note to send or why there is none (as in the digest). */
function goodNewsSection(c: Context<WebEnv>, items: GoodNewsItem[], plans: DigestInterview[], now: Date, timeZone: string): Markup | '' {
  if (items.length === 0) return '';
  const byId = new Map(plans.map((p) => [p.interview.id, p.interview]));
  return html`<h2>Good news</h2>
    ${items.map((item) => {
      // Only web links leave the page; anything else (javascript:, data:, mailto:) is not linked.
      const href = safeHref(item.link, { allowMailto: false });
      // The note was written for the first interview it concerns (recentGoodNews): it goes to that interviewer.
      const target = item.note ? byId.get(item.interviewIds[0] ?? '') : undefined;
      const email = target?.interviewer.email;
      const id = `congrats-${item.companyId}-${item.storyId}`.replace(/[^A-Za-z0-9_-]/g, '-');
      const published = item.publishedAt ? formatDayOf(item.publishedAt, timeZone) : null;
      return html`<article class="card news" aria-labelledby="${id}-title">
        <header><h3 id="${id}-title">${item.companyName}</h3>
        <span class="meta">${[item.publisher, published].filter(Boolean).join(' · ')}</span></header>
        <p class="headline">${href ? html`<a href="${href}" rel="noopener noreferrer">${item.title}</a>` : item.title}</p>
        ${
          item.note && target
            ? html`<p class="meta">${GOOD_NEWS_NOTE_LEAD}${email ? html` — send it by email to ${email}` : ''}.</p>
              ${draftBlock(id, item.note, email ? mailtoLink(email, item.note) : null, eventButton(c, target.id, 'congrats-sent', '/', 'I sent it'))}`
            : html`<p class="meta no-note">${goodNewsNoNoteLine(item, timeZone, thankYouPlaceOf(item, plans, now))}</p>`
        }
      </article>`;
    })}`;
}
