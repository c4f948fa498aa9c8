/**
 * The one-click links every email carries (DESIGN.md §3): each signed for one purpose and one
 * subscriber, on the public address, at the path that serves that purpose — and the RFC 8058
 * headers that let a mail client unsubscribe in one click.
 */
import type { Config } from '../config/env.js';
import { DAY_SECONDS } from '../domain/durations.js';
import type { LinkPurpose, LinkSigner } from './ports.js';

/** What a link in an email may do (the calendar feed's link lives in settings, not in mail). */
export type EmailLinkPurpose = Exclude<LinkPurpose, 'calendar-feed'>;

const PATH: Readonly<Record<EmailLinkPurpose, string>> = {
  'interview-event': '/v1/actions',
  'stop-watching': '/v1/actions',
  'not-relevant': '/v1/actions',
  unsubscribe: '/v1/unsubscribe',
  calendar: '/v1/calendar',
};

/** Action links live for the signer's default 30 days; an unsubscribe link for a year. */
const TTL_SECONDS: Partial<Record<EmailLinkPurpose, number>> = { unsubscribe: 365 * DAY_SECONDS };

export type EmailLink = (purpose: EmailLinkPurpose, data?: Record<string, string>) => Promise<string>;

/** Makes the links of one email to `subscriberId`, signed at `now`. */
export function emailLinks(deps: { links: Pick<LinkSigner, 'sign'>; config: Pick<Config, 'publicUrl'> }, subscriberId: string, now: Date): EmailLink {
  return async (purpose, data = {}) => {
    const token = await deps.links.sign({ purpose, subscriberId, data }, now, TTL_SECONDS[purpose]);
    return `${deps.config.publicUrl}${PATH[purpose]}?token=${encodeURIComponent(token)}`;
  };
}

/** RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the link. */
export function oneClickUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
