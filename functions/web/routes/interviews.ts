/**
 * Interviews: list, add, see one (its plan, timeline and history), change, remove, and record
 * what happened. Every id is looked up under the signed-in subscriber, so another person's id is
 * simply not found (404).
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { AppError, QuotaExceededError, ValidationError } from '../../app/errors.js';
import {
  addInterview,
  getInterview,
  listInterviews,
  recordEvent,
  removeInterview,
  updateInterview,
} from '../../app/interviews/interviews.js';
import { planForInterview, planForOneInterview } from '../../app/interviews/plan.js';
import { listCompanies } from '../../app/companies/watched-companies.js';
import type { HttpDependencies } from '../../http/context.js';
import { isForPeople, statusOf } from '../../http/errors.js';
import { dateIn, formatDay } from '../../domain/follow-up/index.js';
import { COMPANY_NAME_MAX_CHARS } from '../../domain/company.js';
import type { InterviewEventType, StoredInterview } from '../../domain/interview.js';
import { interviewFormValues, NEW_DECISION_LABEL, parseEventForm, parseInterviewForm, type FormValues } from '../forms.js';
import { checked, csrfField, options, sendPage, timeZoneSelect, type Markup } from '../layout.js';
import { requireSignIn, type WebEnv } from '../session.js';
import { actionBlock, CHANNEL_CHOICES, EVENT_LABEL, EVENT_PAST, eventButton, STATUS_BADGE, timeline } from '../views.js';

const FORMAT_CHOICES = [
  { value: '', label: 'Not said' },
  { value: 'in-person', label: 'In person' },
  { value: 'video', label: 'Video' },
  { value: 'phone', label: 'Phone' },
];

const NOTICES: Record<string, string> = {
  added: 'Interview added. Here is what to do next.',
  saved: 'Changes saved.',
  removed: 'Interview removed.',
};

function noticeFor(done: string): string | undefined {
  if (NOTICES[done]) return NOTICES[done];
  return done in EVENT_PAST ? `Recorded: ${EVENT_PAST[done as InterviewEventType].toLowerCase()}.` : undefined;
}

/** Only the app's own pages are places to return to after recording an event. */
function safeReturn(value: string | undefined, interviewId: string): string {
  return value === '/' ? '/' : `/interviews/${interviewId}`;
}

export function interviewRoutes(deps: HttpDependencies): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  web.use('/interviews', requireSignIn);
  web.use('/interviews/*', requireSignIn);

  const formPage = (c: Context<WebEnv>, mode: { id?: string }, values: FormValues, errors: string[] = [], status: 400 | 409 = 400) =>
    interviewFormPage(deps, c, mode, values, errors, '', status);

  web.get('/interviews', async (c) => {
    const subscriber = c.get('subscriber')!;
    const now = deps.clock.now();
    const interviews = await listInterviews(deps, subscriber.id);
    return sendPage(c, {
      title: 'Interviews',
      section: 'interviews',
      notice: noticeFor(c.req.query('done') ?? ''),
      body: html`<h1>Interviews</h1>
        <p class="row"><a class="button" href="/interviews/new">Add an interview</a>
        <a class="button secondary" href="/interviews/import">Add from a calendar invite</a></p>
        ${
          interviews.length === 0
            ? html`<div class="card empty"><p>No interviews yet.</p></div>`
            : html`<div class="card"><table>
              <thead><tr><th scope="col">Company and role</th><th scope="col">Interview</th><th scope="col">Status</th></tr></thead>
              <tbody>${interviews.map((i) => {
                const status = planForInterview(i, now).status;
                return html`<tr><td><a href="/interviews/${i.id}">${i.company}</a><br><span class="meta">${i.role} · ${i.interviewer.name}</span></td>
                  <td>${formatDay(dateIn(i.interviewedAt, i.timeZone))}</td><td>${STATUS_BADGE[status]}</td></tr>`;
              })}</tbody></table></div>`
        }`,
    });
  });

  web.get('/interviews/new', async (c) => {
    const subscriber = c.get('subscriber')!;
    return interviewFormPage(
      deps,
      c,
      {},
      { date: dateIn(deps.clock.now(), subscriber.timeZone), timeZone: subscriber.timeZone },
      [],
      html`<p>Have the invitation? <a href="/interviews/import">Add from a calendar invite</a> and afterview fills this in for you.</p>`,
    );
  });

  web.post('/interviews', async (c) => {
    const form = c.get('form');
    const parsed = parseInterviewForm(form);
    if (!parsed.ok) return formPage(c, {}, form, parsed.errors);
    try {
      const interview = await addInterview(deps, c.get('subscriber')!.id, parsed.value);
      return c.redirect(`/interviews/${interview.id}?done=added`, 303);
    } catch (err) {
      if (isForPeople(err)) return formPage(c, {}, form, [err.message], statusOf(err) === 409 ? 409 : 400);
      throw err;
    }
  });

  web.get('/interviews/:id', async (c) => {
    const subscriber = c.get('subscriber')!;
    const interview = await getInterview(deps, subscriber.id, c.req.param('id'));
    return interviewPage(deps, c, interview, deps.clock.now(), noticeFor(c.req.query('done') ?? ''));
  });

  web.get('/interviews/:id/edit', async (c) => {
    const interview = await getInterview(deps, c.get('subscriber')!.id, c.req.param('id'));
    return formPage(c, { id: interview.id }, interviewFormValues(interview));
  });

  web.post('/interviews/:id', async (c) => {
    const id = c.req.param('id');
    const subscriberId = c.get('subscriber')!.id;
    await getInterview(deps, subscriberId, id);
    const form = c.get('form');
    const parsed = parseInterviewForm(form);
    if (!parsed.ok) return formPage(c, { id }, form, parsed.errors);
    try {
      await updateInterview(deps, subscriberId, id, parsed.value);
    } catch (err) {
      if (err instanceof AppError && ['conflict', 'validation_error', 'quota_exceeded'].includes(err.code)) {
        return formPage(c, { id }, form, [err.message], err.code === 'validation_error' ? 400 : 409);
      }
      throw err;
    }
    return c.redirect(`/interviews/${id}?done=saved`, 303);
  });

  web.get('/interviews/:id/delete', async (c) => {
    const interview = await getInterview(deps, c.get('subscriber')!.id, c.req.param('id'));
    return sendPage(c, {
      title: 'Remove the interview',
      section: 'interviews',
      body: html`<h1>Remove this interview?</h1>
        <p>${interview.role} at ${interview.company}, with ${interview.interviewer.name}. Its history goes too; afterview keeps watching ${interview.company}’s news until you remove the company.</p>
        <form method="post" action="/interviews/${interview.id}/delete" class="row">
          ${csrfField(c)}<button type="submit" class="danger">Remove the interview</button>
          <a href="/interviews/${interview.id}">Keep it</a>
        </form>`,
    });
  });

  web.post('/interviews/:id/delete', async (c) => {
    await removeInterview(deps, c.get('subscriber')!.id, c.req.param('id'));
    return c.redirect('/interviews?done=removed', 303);
  });

  web.post('/interviews/:id/events', async (c) => {
    const id = c.req.param('id');
    const subscriberId = c.get('subscriber')!.id;
    const form = c.get('form');
    const parsed = parseEventForm(form);
    if (!parsed.ok) {
      const interview = await getInterview(deps, subscriberId, id);
      return interviewPage(deps, c, interview, deps.clock.now(), undefined, parsed.errors);
    }
    try {
      await recordEvent(deps, subscriberId, id, parsed.value);
    } catch (err) {
      const interview = () => getInterview(deps, subscriberId, id);
      if (err instanceof QuotaExceededError) return interviewPage(deps, c, await interview(), deps.clock.now(), undefined, [err.message], 409);
      // The one field of this form the use case checks: said with the form's own label.
      if (err instanceof ValidationError) {
        return interviewPage(deps, c, await interview(), deps.clock.now(), undefined, [err.message.replace(/^decisionExpectedBy:/, `${NEW_DECISION_LABEL}:`)], 400);
      }
      throw err;
    }
    return c.redirect(`${safeReturn(form.return, id)}?done=${parsed.value.type}`, 303);
  });

  return web;
}

async function interviewPage(
  deps: HttpDependencies,
  c: Context<WebEnv>,
  interview: StoredInterview,
  now: Date,
  notice?: string,
  errors: string[] = [],
  status: 400 | 409 = 400,
): Promise<Response> {
  // As on Today and in the digest: a thank-you still due carries the company's good news.
  const plan = await planForOneInterview(deps, interview.subscriberId, interview, now);
  const today = dateIn(now, interview.timeZone);
  const back = `/interviews/${interview.id}`;
  const open = plan.status === 'open';
  const outreach: InterviewEventType[] = interview.contactPolicy === 'no-contact' ? [] : ['thank-you-sent', 'check-in-sent', 'follow-up-sent', 'congrats-sent'];
  const body: Markup = html`<p class="meta"><a href="/interviews">← All interviews</a></p>
    <h1>${interview.company} ${STATUS_BADGE[plan.status]}</h1>
    <p class="lead">${interview.role} · with ${interview.interviewer.name}${interview.interviewer.email ? html` (${interview.interviewer.email})` : ''}${
      interview.contactPolicy === 'no-contact' ? html` · <strong>no contact until they reach out</strong>` : ''
    }</p>
    <div class="card">
      <h2>What to do</h2>
      ${
        plan.actions.length === 0
          ? html`<p>${open ? 'Nothing to do for now. afterview tells you when it is time.' : 'Nothing more to do for this interview.'}</p>`
          : plan.actions.map((a) => actionBlock(c, a, { interview, today, returnTo: back }))
      }
    </div>
    <div class="card">
      <h2>Record what happened</h2>
      <div class="row">${outreach.map((type) => eventButton(c, interview.id, type, back, EVENT_LABEL[type], 'secondary'))}</div>
      <form method="post" action="/interviews/${interview.id}/events" class="replied">
        ${csrfField(c)}<input type="hidden" name="type" value="heard-back"><input type="hidden" name="return" value="${back}">
        <div><label for="new-decision">New decision date <span class="hint">Optional, if they gave one</span></label>
        <input type="date" id="new-decision" name="decisionExpectedBy"></div>
        <button type="submit" class="secondary">They replied</button>
      </form>
      <div class="row">${(['references-requested', 'offer', 'rejected', 'withdrawn'] as const).map((type) =>
        eventButton(c, interview.id, type, back, EVENT_LABEL[type], 'secondary'),
      )}</div>
    </div>
    <div class="card">
      <h2>Timeline</h2>
      ${timeline(interview, now)}
      ${
        interview.events.length > 0
          ? html`<h3>History</h3><ul>${[...interview.events]
              .sort((a, b) => a.at.localeCompare(b.at))
              .map(
                (e) =>
                  html`<li>${formatDay(dateIn(e.at, interview.timeZone))}: ${EVENT_PAST[e.type]}${e.decisionExpectedBy ? ` (decision by ${formatDay(e.decisionExpectedBy)})` : ''}</li>`,
              )}</ul>`
          : ''
      }
    </div>
    <p class="row"><a class="button secondary" href="/interviews/${interview.id}/edit">Change details</a>
    <a class="button secondary" href="/interviews/${interview.id}/delete">Remove</a></p>`;
  return sendPage(c, { title: `${interview.company} — ${interview.role}`, section: 'interviews', notice, errors, body }, errors.length > 0 ? status : 200);
}

/**
 * The interview form (add or change), filled with `values`. `intro` goes above it: the invite
 * import uses it to say what was read and what to check.
 */
export async function interviewFormPage(
  deps: HttpDependencies,
  c: Context<WebEnv>,
  mode: { id?: string; title?: string },
  values: FormValues,
  errors: string[] = [],
  intro: Markup | '' = '',
  /** 409 when a limit or a clash with what is stored refused it; 400 for input to fix. */
  status: 400 | 409 = 400,
): Promise<Response> {
  const subscriber = c.get('subscriber')!;
  const companies = await listCompanies(deps, subscriber.id);
  const title = mode.title ?? (mode.id ? 'Change the interview' : 'Add an interview');
  const field = (name: string) => values[name] ?? '';
  return sendPage(
    c,
    {
      title,
      section: 'interviews',
      errors,
      body: html`<h1>${title}</h1>
        ${intro}
        <form class="stack card" method="post" action="${mode.id ? `/interviews/${mode.id}` : '/interviews'}">
          ${csrfField(c)}
          <div class="two">
            <div><label for="company">Company</label>
            <input type="text" id="company" name="company" required maxlength="${COMPANY_NAME_MAX_CHARS}" list="company-names" value="${field('company')}" autocomplete="organization">
            <datalist id="company-names">${companies.map((co) => html`<option value="${co.name}"></option>`)}</datalist></div>
            <div><label for="role">Role</label>
            <input type="text" id="role" name="role" required maxlength="200" value="${field('role')}" autocomplete="organization-title"></div>
          </div>
          <div class="two">
            <div><label for="interviewer-name">Interviewer’s name</label>
            <input type="text" id="interviewer-name" name="interviewerName" required maxlength="200" value="${field('interviewerName')}"></div>
            <div><label for="interviewer-email">Interviewer’s email <span class="hint">Optional: lets afterview prefill your notes</span></label>
            <input type="email" id="interviewer-email" name="interviewerEmail" maxlength="320" value="${field('interviewerEmail')}"></div>
          </div>
          <div class="two">
            <div><label for="date">Interview date</label>
            <input type="date" id="date" name="date" required value="${field('date')}"></div>
            <div><label for="time">Time <span class="hint">Optional</span></label>
            <input type="time" id="time" name="time" value="${field('time')}"></div>
          </div>
          <div class="two">
            <div><label for="format">Format</label>
            <select id="format" name="format">${options(FORMAT_CHOICES, field('format'))}</select></div>
            <div><label for="decision">They expect to decide by <span class="hint">Optional: the date they gave you</span></label>
            <input type="date" id="decision" name="decisionExpectedBy" value="${field('decisionExpectedBy')}"></div>
          </div>
          <div class="two">
            <div><label for="channel">Their last message came by <span class="hint">afterview suggests answering the same way</span></label>
            <select id="channel" name="lastEmployerChannel">${options(CHANNEL_CHOICES, field('lastEmployerChannel') || 'email')}</select></div>
            <div><label for="zone">Time zone of the interview</label>
            ${timeZoneSelect('timeZone', 'zone', field('timeZone') || subscriber.timeZone)}</div>
          </div>
          <label class="inline"><input type="checkbox" name="noContact"${checked(Boolean(values.noContact))}> <span>They asked me not to contact them until they reach out <span class="hint">afterview then suggests no thank-you, follow-up or congratulations for this interview.</span></span></label>
          <div class="row"><button type="submit">${mode.id ? 'Save changes' : 'Add the interview'}</button>
          <a href="${mode.id ? `/interviews/${mode.id}` : '/interviews'}">Cancel</a></div>
        </form>`,
    },
    errors.length > 0 ? status : 200,
  );
}
