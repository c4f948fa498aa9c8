/**
 * The congratulations alert (DESIGN.md §3): what happened and where it was reported, the drafted
 * note with a prefilled mailto: to the interviewer, the channel to use, one-click signed actions
 * ("I sent it", "Not relevant", "Stop watching"), and RFC 8058 one-click unsubscribe headers.
 * Built once as an email view; functions/mail renders both parts (and escapes every feed- or
 * user-provided string in the HTML).
 */
import { mailtoLink, type EmailBlock, type EmailLink, type EmailSection, type EmailView } from '../../domain/email/index.js';
import { CHANNEL_ADVICE, formatDayOf } from '../../domain/follow-up/index.js';
import type { Draft, StoredInterview } from '../../domain/interview.js';
import type { Story } from '../../domain/news.js';
import { renderEmail } from '../../mail/index.js';
import { oneClickUnsubscribeHeaders } from '../email-links.js';
import type { OutgoingEmail } from '../ports.js';

/**
 * One interview the news is a reason to write about, with its note and its "I sent it" link: a
 * congratulations note, or — while the thank-you is still due (R8, R1) — the thank-you with one
 * sentence about the news, offered with the plan's own reasons (`why`).
 */
export type AlertNote = {
  interview: Pick<StoredInterview, 'company' | 'role' | 'interviewer' | 'lastEmployerChannel'>;
  draft: Draft;
  sentUrl: string;
} & ({ kind?: 'congratulations' } | { kind: 'thank-you'; why: string; newsFolded: boolean });

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

/** One line saying where and when: "Reported by Reuters on 3 Nov 2026". */
function reportedLine(input: AlertEmailInput): string {
  const when = input.story.publishedAt ? formatDayOf(input.story.publishedAt, input.timeZone, 'year') : null;
  const by = input.story.publisher ? ` by ${input.story.publisher}` : '';
  return `Reported${by}${when ? ` on ${when}` : ''}`;
}

/** Header values must not carry line breaks (header injection). */
const headerSafe = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/** What the alert says: the news, then for each interview the note, how to send it and its links. */
export function alertView(input: AlertEmailInput): EmailView {
  const { story, companyName } = input;
  const event = story.classification?.event ? EVENT_WORDS[story.classification.event] : undefined;
  const people = [...new Set(input.notes.map((n) => n.interview.interviewer.name))];
  const onlyThankYous = input.notes.every((n) => n.kind === 'thank-you');
  const subject = headerSafe(
    onlyThankYous
      ? `Good news at ${companyName}: your thank-you to ${people.join(' and ')} can mention it`
      : `Good news at ${companyName}: a reason to write to ${people.join(' and ')}`,
  ).slice(0, 200);

  const news: EmailBlock[] = [
    { kind: 'paragraph', text: `${companyName} is in the news${event ? ` with ${event}` : ''}:` },
    {
      kind: 'story',
      title: story.title,
      url: story.link,
      byline: reportedLine(input),
      ...(story.summary && story.summary !== story.title ? { summary: story.summary } : {}),
    },
  ];
  const notes = input.notes.map((note): EmailSection => {
    const { interview, draft, sentUrl } = note;
    const who = interview.interviewer.name;
    const mailto = interview.interviewer.email ? mailtoLink(interview.interviewer.email, draft) : null;
    const copy: EmailBlock[] = mailto ? [] : [{ kind: 'paragraph', tone: 'quiet', text: `Copy the note above and send it to ${who}.` }];
    const write: EmailLink[] = mailto ? [{ label: `Write to ${who}`, url: mailto, primary: true }] : [];
    const why: EmailBlock[] =
      note.kind === 'thank-you'
        ? [
            {
              kind: 'paragraph',
              text: [
                'Your thank-you note to ',
                { strong: who },
                ` (your ${interview.role} interview at ${interview.company}) is still to send. `,
                note.newsFolded
                  ? 'Here it is with one line about the news, so one note does both: no separate congratulations.'
                  : 'Here it is; the news is a good reason to send it today.',
              ],
            },
            { kind: 'paragraph', tone: 'quiet', text: note.why },
          ]
        : [
            {
              kind: 'paragraph',
              text: ['A short note to ', { strong: who }, ` (your ${interview.role} interview at ${interview.company}) keeps you in mind without asking for anything.`],
            },
            { kind: 'paragraph', tone: 'quiet', text: CHANNEL_ADVICE[interview.lastEmployerChannel ?? 'email'] },
          ];
    return {
      blocks: [
        ...why,
        { kind: 'draft', subject: draft.subject, body: draft.body },
        ...copy,
        { kind: 'links', links: [...write, { label: 'I sent it', url: sentUrl }] },
      ],
    };
  });
  const stop: EmailBlock = {
    kind: 'links',
    links: [
      { label: 'Not relevant', url: input.notRelevantUrl },
      { label: `Stop watching ${companyName}`, url: input.stopWatchingUrl },
    ],
  };

  return {
    subject,
    preview: `${story.title} — ${onlyThankYous ? 'one line for your thank-you to' : 'a reason to write to'} ${people.join(' and ')}`,
    sections: [{ blocks: news }, ...notes, { blocks: [stop] }],
    footer: {
      text: 'afterview suggests; you decide and send. Nothing is ever sent to the employer for you.',
      links: [{ label: 'Unsubscribe', url: input.unsubscribeUrl }],
    },
  };
}

export function composeAlertEmail(input: AlertEmailInput): OutgoingEmail {
  return {
    to: input.to,
    ...renderEmail(alertView(input)),
    headers: oneClickUnsubscribeHeaders(input.unsubscribeUrl),
    kind: 'alert',
  };
}
