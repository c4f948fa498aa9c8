/**
 * The account emails: confirmation (the only mail an unconfirmed address ever gets) and sign-in.
 * Plain text and HTML with the same words; no images, no tracking.
 */
import type { OutgoingEmail } from '../ports.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The web app's page (for people) and the API's page (for scripts) behind one one-time link. */
export interface AccountLinks {
  web: string;
  api: string;
}

interface Link {
  url: string;
  label: string;
}

function compose(to: string, kind: string, subject: string, paragraphs: string[], link: Link, apiLink: Link): OutgoingEmail {
  const text =
    [...paragraphs.slice(0, 1), `${link.label}: ${link.url}`, ...paragraphs.slice(1), `${apiLink.label}: ${apiLink.url}`].join('\n\n') + '\n';
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36em">',
    `<p>${escapeHtml(paragraphs[0] ?? '')}</p>`,
    `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:.6em 1.2em;border-radius:6px;background:#1f4e8c;color:#fff;text-decoration:none">${escapeHtml(link.label)}</a></p>`,
    ...paragraphs.slice(1).map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p style="color:#555;font-size:.9em">${escapeHtml(apiLink.label)}: <a href="${escapeHtml(apiLink.url)}">${escapeHtml(apiLink.url)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { to, kind, subject, text, html };
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
