/**
 * The congratulations alert (DESIGN.md §3): what happened and where it was reported, the drafted
 * note with a prefilled mailto: to the interviewer, the channel to use, one-click signed actions
 * ("I sent it", "Not relevant", "Stop watching"), and RFC 8058 one-click unsubscribe headers.
 * Plain text and HTML carry the same content; every feed- or user-provided string is escaped.
 */
import { button, COLORS, escapeHtml, escapeLines, link, page, row } from '../../domain/digest/html.js';
import { mailtoLink } from '../../domain/digest/mailto.js';
import { CHANNEL_ADVICE } from '../../domain/follow-up/index.js';
import type { Draft, StoredInterview } from '../../domain/interview.js';
import type { Story } from '../../domain/news.js';
import type { OutgoingEmail } from '../ports.js';

/** One interview the news is a reason to write about, with its note and its "I sent it" link. */
export interface AlertNote {
  interview: Pick<StoredInterview, 'company' | 'role' | 'interviewer' | 'lastEmployerChannel'>;
  draft: Draft;
  sentUrl: string;
}

export interface AlertEmailInput {
  to: string;
  /** The company as the subscriber named it. */
  companyName: string;
  story: Pick<Story, 'title' | 'link' | 'publisher' | 'publishedAt' | 'summary' | 'classification'>;
  notes: AlertNote[];
  notRelevantUrl: string;
  stopWatchingUrl: string;
  unsubscribeUrl: string;
  /** For the date the news was published, in the subscriber's zone. */
  timeZone: string;
}

/** Words for the classifier's event names; an unknown event is simply not named. */
const EVENT_WORDS: Record<string, string> = {
  award: 'an award',
  'contract-win': 'a new contract',
  expansion: 'an expansion',
  hiring: 'plans to grow the team',
  funding: 'new funding',
  'product-launch': 'a product launch',
  milestone: 'a milestone',
  'strong-results': 'strong results',
  partnership: 'a new partnership',
  acquisition: 'an acquisition',
  ipo: 'a stock market listing',
  'regulatory-approval': 'a regulatory approval',
};

/** Building a DateTimeFormat is costly; one per zone is enough. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = DATE_FORMATS.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    } catch {
      format = dateFormat('UTC');
    }
    DATE_FORMATS.set(timeZone, format);
  }
  return format;
}

function formatDate(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : dateFormat(timeZone).format(at);
}

/** One line saying where and when: "Reported by Reuters on 3 Nov 2026". */
function reportedLine(input: AlertEmailInput): string {
  const when = formatDate(input.story.publishedAt, input.timeZone);
  const by = input.story.publisher ? ` by ${input.story.publisher}` : '';
  return `Reported${by}${when ? ` on ${when}` : ''}`;
}

/** Header values must not carry line breaks (header injection). */
const headerSafe = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

export function composeAlertEmail(input: AlertEmailInput): OutgoingEmail {
  const { story, companyName } = input;
  const event = story.classification?.event ? EVENT_WORDS[story.classification.event] : undefined;
  const people = [...new Set(input.notes.map((n) => n.interview.interviewer.name))];
  const subject = headerSafe(`Good news at ${companyName}: a reason to write to ${people.join(' and ')}`).slice(0, 200);
  const whatHappened = `${companyName} is in the news${event ? ` with ${event}` : ''}:`;

  const text: string[] = [
    whatHappened,
    '',
    `  “${story.title}”`,
    `  ${reportedLine(input)}${story.link ? `: ${story.link}` : ''}`,
    ...(story.summary && story.summary !== story.title ? ['', `  ${story.summary}`] : []),
    '',
  ];
  const html: string[] = [
    row(`<p style="margin:0 0 8px;">${escapeHtml(whatHappened)}</p>` +
      `<p style="margin:0;font-size:17px;font-weight:bold;">${link(`“${story.title}”`, story.link)}</p>` +
      `<p style="margin:4px 0 0;color:${COLORS.muted};font-size:13px;">${escapeHtml(reportedLine(input))}</p>` +
      (story.summary && story.summary !== story.title ? `<p style="margin:8px 0 0;">${escapeHtml(story.summary)}</p>` : '')),
  ];

  for (const note of input.notes) {
    const { interview, draft } = note;
    const who = interview.interviewer.name;
    const channel = interview.lastEmployerChannel ?? 'email';
    const mailto = interview.interviewer.email ? mailtoLink(interview.interviewer.email, draft) : null;
    text.push(
      `A short congratulations note to ${who} (your ${interview.role} interview at ${interview.company}) keeps you in mind without asking for anything.`,
      CHANNEL_ADVICE[channel],
      '',
      `Subject: ${draft.subject}`,
      '',
      draft.body,
      '',
      ...(mailto ? [`Open it in your mail app, addressed to ${who}: ${mailto}`] : [`Copy the note above and send it to ${who}.`]),
      `When you have sent it, one click records it: ${note.sentUrl}`,
      '',
    );
    html.push(
      row(`<p style="margin:0;">A short congratulations note to <strong>${escapeHtml(who)}</strong> (your ${escapeHtml(interview.role)} interview at ${escapeHtml(interview.company)}) keeps you in mind without asking for anything.</p>` +
        `<p style="margin:6px 0 0;color:${COLORS.muted};font-size:14px;">${escapeHtml(CHANNEL_ADVICE[channel])}</p>`),
      row(`<div style="background:${COLORS.note};border:1px solid ${COLORS.line};border-radius:6px;padding:12px 14px;">` +
        `<p style="margin:0 0 8px;"><strong>Subject:</strong> ${escapeHtml(draft.subject)}</p>` +
        `<p style="margin:0;">${escapeLines(draft.body)}</p></div>`),
      row((mailto ? button(`Write to ${who}`, mailto, true) : `<p style="margin:0;color:${COLORS.muted};">Copy the note above and send it to ${escapeHtml(who)}.</p>`) +
        button('I sent it', note.sentUrl)),
    );
  }

  text.push(
    `Not relevant? ${input.notRelevantUrl}`,
    `Stop watching ${companyName}: ${input.stopWatchingUrl}`,
    '',
    'afterview suggests; you decide and send. Nothing is ever sent to the employer for you.',
    `Unsubscribe: ${input.unsubscribeUrl}`,
  );
  html.push(
    row(button('Not relevant', input.notRelevantUrl) + button(`Stop watching ${companyName}`, input.stopWatchingUrl)),
    row(`<p style="margin:12px 0 0;color:${COLORS.faint};font-size:12px;">afterview suggests; you decide and send. Nothing is ever sent to the employer for you. ` +
      `${link('Unsubscribe', input.unsubscribeUrl)}</p>`),
  );

  return {
    to: input.to,
    subject,
    text: text.join('\n'),
    html: page(subject, `${story.title} — a reason to write to ${people.join(' and ')}`, html),
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    kind: 'alert',
  };
}
