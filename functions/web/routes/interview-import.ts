/**
 * "Add from a calendar invite": the person gives the invite (its .ics file, or its text pasted),
 * afterview reads it and shows the interview form filled in, with what to check. Nothing is saved
 * here: the form posts to /interviews like any other new interview, so saving needs the person's
 * confirmation and passes the same session, CSRF and validation rules.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { DateTime } from 'luxon';
import { decodeFeedBytes } from '../../domain/feed/charset.js';
import { AppError } from '../../app/errors.js';
import { inviteTooLarge, MAX_INVITE_BYTES, readInviteFor, type ImportedInterview } from '../../app/interviews/import-invite.js';
import type { HttpDependencies } from '../../http/context.js';
import type { FormValues } from '../forms.js';
import { csrfField, sendPage } from '../layout.js';
import { requireSignIn, type WebEnv } from '../session.js';
import { interviewFormPage } from './interviews.js';

export const INVITE_UPLOAD_PATH = '/interviews/import';
/** The invite and the form around it (multipart boundaries, the pasted-text field, the token). */
export const MAX_INVITE_FORM_BYTES = MAX_INVITE_BYTES + 32 * 1024;

const KB = MAX_INVITE_BYTES / 1024;

function uploadPage(c: Context<WebEnv>, errors: string[] = [], status: 200 | 400 = 200): Promise<Response> {
  return sendPage(
    c,
    {
      title: 'Add from a calendar invite',
      section: 'interviews',
      errors,
      body: html`<h1>Add from a calendar invite</h1>
        <p class="lead">Give afterview the invitation you received, and it fills in the company, role, interviewer, time and format for you to check. Nothing is saved until you confirm.</p>
        <form class="stack card" method="post" action="${INVITE_UPLOAD_PATH}" enctype="multipart/form-data">
          ${csrfField(c)}
          <div><label for="invite-file">The invite’s .ics file <span class="hint">In the invitation email it is the attachment called invite.ics (Google, Outlook, Teams, Zoom, Calendly) — or save the event from your calendar app. At most ${KB} KB.</span></label>
          <input type="file" id="invite-file" name="invite" accept=".ics,.ical,.ifb,.icalendar,text/calendar"></div>
          <div><label for="invite-text">Or paste its text <span class="hint">It starts with BEGIN:VCALENDAR.</span></label>
          <textarea id="invite-text" name="inviteText" rows="6" spellcheck="false"></textarea></div>
          <div class="row"><button type="submit">Read the invite</button>
          <a href="/interviews/new">Type it in instead</a></div>
        </form>`,
    },
    errors.length > 0 ? status : 200,
  );
}

/**
 * An upload larger than the invite form takes (the body limit refused it before it was read, so
 * before the session is known): the API's sentence about invites, and the way back to try again.
 */
export function inviteTooLargePage(c: Context<WebEnv>): Promise<Response> {
  const sentence = inviteTooLarge().message;
  return sendPage(
    c,
    {
      title: 'Add from a calendar invite',
      section: 'interviews',
      body: html`<h1>That file is too large for an invite</h1>
        <p>${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.</p>
        <p><a class="button" href="${INVITE_UPLOAD_PATH}">Choose the invite again</a></p>`,
    },
    413,
  );
}

/** The interview form's fields (names as in the HTML) from what the invite says. */
function formValuesFrom(interview: ImportedInterview): FormValues {
  // With no zone we can name, the time is shown in UTC, where it is exact.
  const zone = interview.timeZone ?? 'UTC';
  const local = DateTime.fromISO(interview.interviewedAt, { zone });
  return {
    company: interview.company ?? '',
    role: interview.role ?? '',
    interviewerName: interview.interviewer.name ?? '',
    interviewerEmail: interview.interviewer.email ?? '',
    date: local.toISODate() ?? '',
    time: local.toFormat('HH:mm'),
    format: interview.format ?? '',
    timeZone: zone,
  };
}

export function interviewImportRoutes(deps: HttpDependencies): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  web.use(INVITE_UPLOAD_PATH, requireSignIn);

  web.get(INVITE_UPLOAD_PATH, (c) => uploadPage(c));

  web.post(INVITE_UPLOAD_PATH, async (c) => {
    const subscriber = c.get('subscriber')!;
    // The form-token check already read the body; Hono hands back the same parsed body, file included.
    const upload = (await c.req.parseBody()).invite;
    const file = upload instanceof File && upload.size > 0 ? upload : null;
    if (file && file.size > MAX_INVITE_BYTES) return uploadPage(c, [`That file is larger than ${KB} KB, which no calendar invite needs: check that it is the invite’s .ics file.`], 400);
    const text = file ? decodeFeedBytes(new Uint8Array(await file.arrayBuffer()), file.type).text : (c.get('form').inviteText ?? '');
    if (!text.trim()) return uploadPage(c, ['Choose the invite’s .ics file, or paste its text.'], 400);

    let reading;
    try {
      reading = await readInviteFor(deps, subscriber.id, text);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation_error' || err.code === 'payload_too_large')) return uploadPage(c, [err.message], 400);
      throw err;
    }
    const { interview, warnings } = reading;
    const intro = html`<div class="card" id="invite-read">
      <p>Read from your invite. Check the details, complete what is missing, and press <strong>Add the interview</strong> to save it.</p>
      ${warnings.length > 0 ? html`<p><strong>Please check:</strong></p><ul>${warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
    </div>`;
    return interviewFormPage(deps, c, { title: 'Check and add the interview' }, formValuesFrom(interview), [], intro);
  });

  return web;
}
