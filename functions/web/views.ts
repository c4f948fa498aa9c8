/**
 * Pieces of pages about interviews: an action with its draft (copy button, mailto: link, "I sent
 * it"), the record-what-happened buttons, the timeline. Words match the digest's.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { ACTION_TITLE, CHANNEL_WORDS, sentEventFor } from '../domain/digest/index.js';
import { mailtoLink } from '../domain/email/index.js';
import { addDays, formatDay, formatWeekday, nextKeyDates, TIMELINE_MARKS } from '../domain/follow-up/index.js';
import type { Channel, Draft, FollowUpAction, InterviewEventType, StoredInterview } from '../domain/interview.js';
import { csrfField, type Markup } from './layout.js';
import type { WebEnv } from './session.js';

export const EVENT_LABEL: Record<InterviewEventType, string> = {
  'thank-you-sent': 'I sent the thank-you',
  'check-in-sent': 'I sent a check-in',
  'follow-up-sent': 'I sent the follow-up',
  'congrats-sent': 'I sent a congratulations note',
  'heard-back': 'They replied',
  'references-requested': 'They asked for references',
  offer: 'Offer',
  rejected: 'Not selected',
  withdrawn: 'I withdrew',
};

/** How the history reads: "Thank-you sent", "They replied (decision by 10 Dec)". */
export const EVENT_PAST: Record<InterviewEventType, string> = {
  'thank-you-sent': 'Thank-you sent',
  'check-in-sent': 'Check-in sent',
  'follow-up-sent': 'Follow-up sent',
  'congrats-sent': 'Congratulations note sent',
  'heard-back': 'They replied',
  'references-requested': 'They asked for references',
  offer: 'Offer received',
  rejected: 'Not selected',
  withdrawn: 'Withdrew',
};

export const CHANNEL_CHOICES: Array<{ value: Channel; label: string }> = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'letter', label: 'Letter' },
  { value: 'in-person', label: 'In person' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'video', label: 'Video call' },
];

/** "Due today", "Overdue — was due Mon 3 Nov", "Tuesday 11 November". */
export function dueBadge(action: FollowUpAction, today: string): Markup {
  if (action.overdue) return html`<span class="badge late">Overdue · was due ${formatDay(action.dueOn)}</span>`;
  if (action.dueOn < today) return html`<span class="badge due">Due since ${formatDay(action.dueOn)}</span>`;
  if (action.dueOn === today) return html`<span class="badge due">Due today</span>`;
  if (action.dueOn === addDays(today, 1)) return html`<span class="badge">Tomorrow</span>`;
  return html`<span class="badge">${formatWeekday(action.dueOn)}</span>`;
}

export interface ActionContext {
  interview: Pick<StoredInterview, 'id' | 'company' | 'role' | 'interviewer'>;
  today: string;
  /** Where "I sent it" returns to. */
  returnTo: string;
}

/** One event button: a form that POSTs the event with the CSRF token. */
export function eventButton(c: Context<WebEnv>, interviewId: string, type: InterviewEventType, returnTo: string, label = EVENT_LABEL[type], style = ''): Markup {
  return html`<form method="post" action="/interviews/${interviewId}/events">
    ${csrfField(c)}<input type="hidden" name="type" value="${type}"><input type="hidden" name="return" value="${returnTo}">
    <button type="submit"${style ? html` class="${style}"` : ''}>${label}</button>
  </form>`;
}

/** A drafted note with its ways to send it: mail app, copy, and the "I sent it" button. */
export function draftBlock(id: string, draft: Draft, mailto: string | null, sentButton: Markup | ''): Markup {
  return html`<div class="draft">
      <p class="subject">Subject: ${draft.subject}</p>
      <pre id="${id}">${draft.body}</pre>
    </div>
    <div class="row">
      ${mailto ? html`<a class="button secondary" href="${mailto}">Open in my mail app</a>` : ''}
      <button type="button" class="secondary" data-copy="${id}" hidden>Copy the note</button>
      ${sentButton}
    </div>`;
}

export function actionBlock(c: Context<WebEnv>, action: FollowUpAction, ctx: ActionContext): Markup {
  const id = `draft-${ctx.interview.id}-${action.type}`;
  const sent = sentEventFor(action.type);
  const email = ctx.interview.interviewer.email;
  const mailto = action.draft && email && action.channel === 'email' ? mailtoLink(email, action.draft) : null;
  return html`<section class="action" aria-labelledby="${id}-title">
    <h3 id="${id}-title">${ACTION_TITLE[action.type]} ${sent ? dueBadge(action, ctx.today) : html`<span class="badge">Worth knowing</span>`}</h3>
    <p>${action.why}</p>
    ${
      action.draft
        ? html`<p class="meta">Send it ${CHANNEL_WORDS[action.channel]}${email && action.channel === 'email' ? html` to ${email}` : ''}.</p>
          ${draftBlock(id, action.draft, mailto, sent ? eventButton(c, ctx.interview.id, sent, ctx.returnTo, `I sent it`) : '')}`
        : ''
    }
  </section>`;
}

/** The interview's milestones (interview → thank-you → decision → follow-up). */
export function timeline(interview: StoredInterview, now: Date): Markup {
  return html`<ol class="timeline">
    ${nextKeyDates(interview, now).map(
      (k) => html`<li class="${k.state}"><span class="mark" aria-hidden="true">${TIMELINE_MARKS[k.state].symbol}</span>${k.label}${k.date ? html` — ${formatDay(k.date)}` : ''} <span class="meta">(${TIMELINE_MARKS[k.state].word})</span></li>`,
    )}
  </ol>`;
}

export const STATUS_BADGE = {
  open: html`<span class="badge ok">Open</span>`,
  'moved-on': html`<span class="badge">Moved on</span>`,
  closed: html`<span class="badge">Closed</span>`,
} as const;
