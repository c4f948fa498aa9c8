/**
 * The HTML part of an email, from its view: a centred 600px card of simple tables with inline
 * styles (mail clients ignore <style> and most CSS), no images, no scripts, no tracking. Written
 * with hono/html, which escapes every interpolated value; the only markup is what is written here.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { TIMELINE_MARKS, type KeyDateState } from '../domain/follow-up/timeline.js';
import {
  safeHref,
  type ActionBlock,
  type DraftBlock,
  type EmailBlock,
  type EmailLink,
  type EmailView,
  type GroupHead,
  type Inline,
  type Tone,
  type TimelineStep,
  type Urgency,
} from '../domain/email/index.js';

type Markup = HtmlEscapedString;

/** hono/html, kept synchronous: a view holds no promises, so neither does its markup. */
function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  const out = html(strings, ...values);
  if (out instanceof Promise) throw new TypeError('email markup must not wait on anything');
  return out;
}

export const COLORS = {
  text: '#1f2937',
  muted: '#6b7280',
  faint: '#9ca3af',
  line: '#e5e7eb',
  page: '#f4f4f5',
  card: '#ffffff',
  accent: '#1d4ed8',
  done: '#15803d',
  due: '#b45309',
  overdue: '#b91c1c',
  note: '#f9fafb',
  callout: '#fffbeb',
} as const;

const FONT = 'Arial,Helvetica,sans-serif';
/** Drafts are set like a letter, so they read as the note to send rather than as afterview's words. */
const LETTER_FONT = 'Georgia,Times New Roman,serif';

const STEP_COLOR: Record<KeyDateState, string> = {
  done: COLORS.done,
  due: COLORS.due,
  overdue: COLORS.overdue,
  upcoming: COLORS.muted,
  passed: COLORS.muted,
  unknown: COLORS.faint,
};

const URGENCY_COLOR: Record<Urgency, string> = { overdue: COLORS.overdue, due: COLORS.due, later: COLORS.muted };

/** Space above a block; none for the first in its card row (inline styles have no :first-child). */
const above = (px: number, first: boolean) => `margin:${first ? 0 : px}px 0 0;`;

const TONE_STYLE: Record<Tone, (first: boolean) => string> = {
  plain: (first) => above(14, first),
  quiet: (first) => `${above(6, first)}font-size:14px;color:${COLORS.muted};`,
  fine: (first) => `${above(6, first)}font-size:13px;color:${COLORS.muted};`,
};

const BUTTON = {
  primary: `display:inline-block;padding:8px 14px;margin:6px 6px 0 0;background:${COLORS.accent};color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;font-family:${FONT};`,
  secondary: `display:inline-block;padding:7px 13px;margin:6px 6px 0 0;border:1px solid ${COLORS.accent};color:${COLORS.accent};text-decoration:none;border-radius:4px;font-size:14px;font-family:${FONT};`,
};

/** A link as a button; nothing when the URL is not safe. */
function button(link: EmailLink): Markup | '' {
  const href = safeHref(link.url);
  return href ? markup`<a href="${href}" style="${link.primary ? BUTTON.primary : BUTTON.secondary}">${link.label}</a>` : '';
}

/** A text link; the label alone when the URL is not safe. */
function textLink(label: string, url: string | null, allowMailto = true): Markup {
  const href = safeHref(url, { allowMailto });
  return href ? markup`<a href="${href}" style="color:${COLORS.accent};">${label}</a>` : markup`${label}`;
}

function inline(text: string | Inline[]): Markup {
  if (typeof text === 'string') return markup`${text}`;
  return markup`${text.map((part) =>
    typeof part === 'string' ? part : 'strong' in part ? markup`<strong>${part.strong}</strong>` : textLink(part.link.label, part.link.url),
  )}`;
}

/** Line breaks as <br> (Outlook ignores white-space: pre-wrap). */
function lines(text: string): Markup {
  return markup`${text.split(/\r?\n/).map((line, i) => (i === 0 ? line : markup`<br>${line}`))}`;
}

/** Outlook for Windows ignores inline-block: there the steps sit in table cells ("ghost" cells, in comments other clients skip). */
const GHOST = {
  open: markup`<!--[if mso]><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td valign="top"><![endif]-->`,
  between: markup`<!--[if mso]></td><td valign="top"><![endif]-->`,
  close: markup`<!--[if mso]></td></tr></table><![endif]-->`,
};

/**
 * The interview's milestones, left to right. Each step is an inline block, so on a narrow phone
 * the row wraps instead of pushing the mail wider than the screen (seven steps need about 460 px).
 */
function timeline(steps: TimelineStep[]): Markup {
  const items = steps.map((step, i) => {
    const color = STEP_COLOR[step.state];
    const stressed = step.state === 'due' || step.state === 'overdue';
    const arrow = i > 0 ? markup`<div style="display:inline-block;vertical-align:top;padding:21px 1px 0;color:${COLORS.faint};font-family:${FONT};font-size:12px;line-height:1.3;">→</div>${GHOST.between}` : '';
    return markup`${i > 0 ? GHOST.between : ''}${arrow}<div style="display:inline-block;vertical-align:top;text-align:center;padding:4px 3px;font-family:${FONT};font-size:12px;line-height:1.3;color:${COLORS.muted};"><div style="font-size:15px;font-weight:bold;color:${color};">${TIMELINE_MARKS[step.state].symbol}</div><div style="color:${stressed ? color : COLORS.text};font-weight:${stressed ? 'bold' : 'normal'};">${step.label}</div><div>${step.date ?? '\u00a0'}</div></div>`;
  });
  return markup`<div style="margin:6px 0 4px;">${GHOST.open}${items}${GHOST.close}</div>`;
}

function draft(block: DraftBlock): Markup {
  const small = `color:${COLORS.muted};font-size:13px;`;
  return markup`${block.about ? markup`<div style="${TONE_STYLE.quiet(false)}">${inline(block.about)}</div>` : ''}<div style="margin:8px 0;padding:10px 14px;background:${COLORS.note};border-left:3px solid ${COLORS.line};font-family:${LETTER_FONT};font-size:15px;line-height:1.5;color:${COLORS.text};">${block.to ? markup`<div style="${small}">To: ${block.to}</div>` : ''}<div style="${small}">Subject: ${block.subject}</div><div style="margin-top:8px;">${lines(block.body)}</div></div>`;
}

function buttons(links: EmailLink[]): Markup | '' {
  const shown = links.map(button).filter((b) => b !== '');
  return shown.length ? markup`<div style="margin:4px 0 0;">${shown}</div>` : '';
}

function action(block: ActionBlock): Markup {
  return markup`<div style="margin:10px 0 4px;"><strong>${block.title}</strong> <span style="color:${URGENCY_COLOR[block.when.urgency]};font-size:13px;">${block.when.text} · ${block.channel}</span></div><div style="color:${COLORS.muted};font-size:14px;">${block.why}</div>${block.draft ? draft(block.draft) : ''}${buttons(block.links)}`;
}

function head(head: GroupHead): Markup {
  if (head.kind === 'interview') {
    return markup`<div style="font-size:16px;font-weight:bold;">${head.title} <span style="font-weight:normal;color:${COLORS.muted};">${head.details.map((d) => ` · ${d}`)}</span></div>${head.timeline.length ? timeline(head.timeline) : ''}`;
  }
  const by = head.publisher ? markup` <span style="color:${COLORS.muted};">· ${head.publisher}</span>` : '';
  return markup`<div><strong>${head.source}</strong>: ${textLink(head.title, head.url, false)}${by}</div>`;
}

function block(b: EmailBlock, first = false): Markup | '' {
  switch (b.kind) {
    case 'paragraph':
      return markup`<div style="${TONE_STYLE[b.tone ?? 'plain'](first)}">${inline(b.text)}</div>`;
    case 'callout':
      return markup`<div style="${above(10, first)}padding:8px 12px;background:${COLORS.callout};border-left:3px solid ${COLORS.due};">${b.text}</div>`;
    case 'links':
      if (b.style === 'quiet') {
        const shown = b.links.filter((l) => safeHref(l.url));
        return shown.length
          ? markup`<div style="font-size:13px;margin-top:6px;">${shown.map((l, i) => markup`${i > 0 ? ' · ' : ''}${textLink(l.label, l.url)}`)}</div>`
          : '';
      }
      return buttons(b.links);
    case 'draft':
      return draft(b);
    case 'story':
      return markup`<div style="${above(6, first)}font-size:17px;font-weight:bold;">${textLink(`“${b.title}”`, b.url, false)}</div><div style="margin:4px 0 0;color:${COLORS.muted};font-size:13px;">${b.byline}</div>${b.summary ? markup`<div style="margin:8px 0 0;">${b.summary}</div>` : ''}`;
    case 'action':
      return action(b);
    case 'notice':
      return markup`<div style="margin:10px 0 4px;"><strong>${b.title}</strong></div><div style="font-size:14px;">${b.text}</div>${buttons(b.links)}`;
    case 'status-list':
      return markup`${b.items.map(
        (item, i) =>
          markup`<div style="${above(6, first && i === 0)}"><strong>${item.title}</strong>${item.details.length ? markup` <span style="color:${COLORS.muted};">(${item.details.join(', ')})</span>` : ''}: ${item.text}</div>`,
      )}`;
    case 'group':
      return markup`${head(b.head)}${b.blocks.map((child) => block(child))}`;
  }
}

const row = (inner: Markup | '') =>
  markup`<tr><td style="padding:8px 24px;font-family:${FONT};font-size:15px;line-height:1.5;color:${COLORS.text};">${inner}</td></tr>`;

const heading = (text: string) =>
  markup`<tr><td style="padding:20px 24px 4px;font-family:${FONT};"><h2 style="margin:0;font-size:18px;color:${COLORS.text};border-bottom:1px solid ${COLORS.line};padding-bottom:6px;">${text}</h2></td></tr>`;

/** One card row per group (one interview, one story); the blocks between groups share a row. */
function rows(blocks: EmailBlock[]): Markup[] {
  const out: Markup[] = [];
  let run: Markup[] = [];
  const flush = () => {
    if (run.length) out.push(row(markup`${run}`));
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'group') {
      flush();
      out.push(row(block(b)));
    } else {
      const rendered = block(b, run.length === 0);
      if (rendered !== '') run.push(rendered);
    }
  }
  flush();
  return out;
}

/** The whole document. */
export function renderHtml(view: EmailView): string {
  const masthead = view.title
    ? markup`<tr><td style="padding:24px 24px 4px;font-family:${FONT};"><div style="font-size:13px;color:${COLORS.muted};">${view.title.lead ?? 'afterview'}</div><h1 style="margin:2px 0 0;font-size:22px;color:${COLORS.text};">${view.title.text}</h1></td></tr>`
    : markup`<tr><td style="padding:20px 24px 0;font-family:${FONT};font-size:13px;color:${COLORS.muted};">afterview</td></tr>`;
  const sections = view.sections.map((section) => markup`${section.heading ? heading(section.heading) : ''}${rows(section.blocks)}`);
  const footer = view.footer
    ? markup`<tr><td style="padding:20px 24px 24px;font-family:${FONT};font-size:12px;color:${COLORS.muted};border-top:1px solid ${COLORS.line};">${view.footer.text}${view.footer.links.map((l, i) => markup`${i === 0 ? ' ' : ' · '}${textLink(l.label, l.url)}`)}</td></tr>`
    : markup`<tr><td style="padding:0 0 16px;"></td></tr>`;
  return String(markup`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.subject}</title></head>
<body style="margin:0;padding:0;background:${COLORS.page};">
${view.preview ? markup`<div style="display:none;max-height:0;overflow:hidden;">${view.preview}</div>` : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${COLORS.page};"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:${COLORS.card};border-radius:8px;">
${masthead}
${sections}
${footer}
</table></td></tr></table></body></html>`);
}
