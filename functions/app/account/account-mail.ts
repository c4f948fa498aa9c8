/**
 * The account emails: confirmation (the only mail an unconfirmed address ever gets) and sign-in.
 * Plain text and HTML with the same words; no images, no tracking.
 */
import type { OutgoingEmail } from '../ports.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function compose(to: string, kind: string, subject: string, paragraphs: string[], link: { url: string; label: string }): OutgoingEmail {
  const text = [...paragraphs.slice(0, 1), `${link.label}: ${link.url}`, ...paragraphs.slice(1)].join('\n\n') + '\n';
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36em">',
    `<p>${escapeHtml(paragraphs[0] ?? '')}</p>`,
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    ...paragraphs.slice(1).map((p) => `<p>${escapeHtml(p)}</p>`),
    '</body></html>',
  ].join('\n');
  return { to, kind, subject, text, html };
}

export function confirmationEmail(to: string, url: string, validHours: number): OutgoingEmail {
  return compose(
    to,
    'confirmation',
    'Confirm your afterview subscription',
    [
      'Someone — hopefully you — asked afterview to send interview follow-up reminders and company news to this address.',
      `The link works once, for ${validHours} hours. It opens a page with a button; nothing happens until you press it.`,
      'If this was not you, ignore this email: without a confirmation, afterview sends nothing more to this address.',
    ],
    { url, label: 'Confirm your subscription' },
  );
}

export function signInEmail(to: string, url: string, validMinutes: number, alreadySubscribed: boolean): OutgoingEmail {
  return compose(
    to,
    'sign-in',
    'Your afterview sign-in link',
    [
      alreadySubscribed
        ? 'This address is already subscribed to afterview. If you need a new API token, use this link.'
        : 'Here is the sign-in link you asked for. It gives you a new API token.',
      `The link works once, for ${validMinutes} minutes. Your existing tokens keep working.`,
      'If you did not ask for this, ignore this email.',
    ],
    { url, label: 'Get a new API token' },
  );
}
