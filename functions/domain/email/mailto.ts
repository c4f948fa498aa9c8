/**
 * One click to send a drafted note from the candidate's own mail app (RFC 6068): the interviewer's
 * address, the subject and the body prefilled. Line breaks are CRLF, as the RFC asks.
 */
import type { Draft } from '../interview.js';
import { wellFormed } from '../unicode.js';

/** A `mailto:` link for `draft` to `to`; every part percent-encoded so no field can spill into another. */
export function mailtoLink(to: string, draft: Draft): string {
  const address = wellFormed(to.trim()).split('@').map(encodeURIComponent).join('@');
  const body = wellFormed(draft.body).replace(/\r?\n/g, '\r\n');
  const subject = wellFormed(draft.subject).replace(/[\r\n]+/g, ' ');
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
