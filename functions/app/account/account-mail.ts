/**
 * The account emails: confirmation (the only mail an unconfirmed address ever gets) and sign-in.
 * Built once as an email view and rendered by functions/mail: plain text and HTML with the same
 * words; no images, no tracking.
 */
import type { EmailBlock, EmailView } from '../../domain/email/index.js';
import { renderEmail } from '../../mail/index.js';
import type { OutgoingEmail } from '../ports.js';

/** The web app's page (for people) and the API's page (for scripts) behind one one-time link. */
export interface AccountLinks {
  web: string;
  api: string;
}

interface Link {
  url: string;
  label: string;
}

/** The first paragraph, the button, the rest, and the API's link in small print. */
function compose(to: string, kind: string, subject: string, paragraphs: string[], link: Link, apiLink: Link): OutgoingEmail {
  const [first = '', ...rest] = paragraphs;
  const view: EmailView = {
    subject,
    preview: first,
    sections: [
      {
        blocks: [
          { kind: 'paragraph', text: first },
          { kind: 'links', links: [{ ...link, primary: true }] },
          ...rest.map((text): EmailBlock => ({ kind: 'paragraph', text })),
        ],
      },
      { blocks: [{ kind: 'links', style: 'quiet', links: [apiLink] }] },
    ],
  };
  return { to, kind, ...renderEmail(view) };
}

export function confirmationEmail(to: string, links: AccountLinks, validHours: number): OutgoingEmail {
  return compose(
    to,
    'confirmation',
    'Confirm your afterview subscription',
    [
      'Someone — hopefully you — asked afterview to send interview follow-up reminders and company news to this address.',
      `The link works once, for ${validHours} hours. It opens a page with a button; nothing happens until you press it.`,
      'If this was not you, ignore this email: without a confirmation, afterview sends nothing more to this address.',
    ],
    { url: links.web, label: 'Confirm and open afterview' },
    { url: links.api, label: 'Using the API? Confirm and get an API token instead' },
  );
}

export function signInEmail(to: string, links: AccountLinks, validMinutes: number, alreadySubscribed: boolean): OutgoingEmail {
  return compose(
    to,
    'sign-in',
    'Your afterview sign-in link',
    [
      alreadySubscribed
        ? 'This address is already subscribed to afterview. Use this link to sign in.'
        : 'Here is the sign-in link you asked for.',
      `The link works once, for ${validMinutes} minutes. It opens a page with a button; nothing happens until you press it. Your existing sessions and API tokens keep working.`,
      'If you did not ask for this, ignore this email.',
    ],
    { url: links.web, label: 'Sign in to afterview' },
    { url: links.api, label: 'Using the API? Get a new API token instead' },
  );
}
