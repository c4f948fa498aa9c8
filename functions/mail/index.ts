/**
 * The two email renderers: any {@link EmailView} (functions/domain/email) becomes the plain-text
 * and the HTML part of one message, saying the same thing.
 */
import type { EmailView } from '../domain/email/index.js';
import { renderHtml } from './html.js';
import { renderText } from './text.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function renderEmail(view: EmailView): RenderedEmail {
  return { subject: view.subject, text: renderText(view), html: renderHtml(view) };
}

export { renderHtml } from './html.js';
export { MAX_TEXT_LINE, renderText } from './text.js';
