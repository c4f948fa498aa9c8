/**
 * The plain-text part of an email, from its view. Sections are underlined capitals; an action or
 * a notice is a "* " item with its details indented under it, like a list in a text editor;
 * every link is "label: url" on its own line. Prose is not hard-wrapped: mail clients wrap it to
 * the reader's window, and a drafted note must stay copyable as written.
 */
import { TIMELINE_MARKS, type KeyDateState } from '../domain/follow-up/timeline.js';
import { safeHref, type EmailBlock, type EmailLink, type EmailView, type GroupHead, type Inline, type TimelineStep } from '../domain/email/index.js';

/** RFC 5322 caps a line at 998 characters; prose longer than that is broken at a space before it. */
export const MAX_TEXT_LINE = 998;

const INDENT = '  ';

/** The mark after a milestone: a tick when done, else the state's word when a reader acts on it. */
function stepMark(state: KeyDateState): string {
  if (state === 'done') return ` ${TIMELINE_MARKS.done.symbol}`;
  return state === 'upcoming' || state === 'unknown' ? '' : ` (${TIMELINE_MARKS[state].word})`;
}

export function timelineText(steps: TimelineStep[]): string {
  return steps.map((s) => `${s.label}${s.date ? ` ${s.date}` : ''}${stepMark(s.state)}`).join(' → ');
}

function inlineText(text: string | Inline[]): string {
  if (typeof text === 'string') return text;
  return text
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('strong' in part) return part.strong;
      const href = safeHref(part.link.url);
      return href ? `${part.link.label} (${href})` : part.link.label;
    })
    .join('');
}

/** `text` as lines under `pad`, each within {@link MAX_TEXT_LINE} unless one word is longer. */
function prose(text: string, pad: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => (line ? breakLine(line, MAX_TEXT_LINE - pad.length).map((l) => pad + l) : ['']));
}

function breakLine(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  return out;
}

/** "label: url" lines; a link that is not http(s)/mailto, or is for the HTML part only, is left out. */
function linkLines(links: EmailLink[], pad: string): string[] {
  return links.flatMap((link) => {
    const href = link.htmlOnly ? null : safeHref(link.url);
    return href ? [`${pad}${link.label}: ${href}`] : [];
  });
}

function headLines(head: GroupHead, pad: string): string[] {
  if (head.kind === 'interview') {
    return [`${pad}${[head.title, ...head.details].join(' · ')}`, ...(head.timeline.length ? [`${pad}${INDENT}${timelineText(head.timeline)}`] : [])];
  }
  const href = safeHref(head.url, { allowMailto: false });
  return [`${pad}${head.source}: ${head.title}${head.publisher ? ` (${head.publisher})` : ''}`, ...(href ? [`${pad}${INDENT}${href}`] : [])];
}

/** Items ("* ") sit at the group's margin with their details under them; anything else is indented. */
const isItem = (block: EmailBlock) => block.kind === 'action' || block.kind === 'notice';

function blockLines(block: EmailBlock, pad: string): string[] {
  const inner = pad + INDENT;
  switch (block.kind) {
    case 'paragraph':
      return prose(inlineText(block.text), pad);
    case 'callout':
      return prose(block.text, pad);
    case 'links':
      return linkLines(block.links, pad);
    case 'draft':
      return [
        ...(block.about ? prose(inlineText(block.about), pad) : []),
        ...(block.to ? [`${pad}To: ${block.to}`] : []),
        `${pad}Subject: ${block.subject}`,
        '',
        ...prose(block.body, pad),
      ];
    case 'story': {
      const href = safeHref(block.url, { allowMailto: false });
      return [
        `${inner}“${block.title}”`,
        `${inner}${block.byline}${href ? `: ${href}` : ''}`,
        ...(block.summary ? ['', ...prose(block.summary, inner)] : []),
      ];
    }
    case 'action':
      return [
        `${pad}* ${block.title} (${block.when.text}), ${block.channel}`,
        ...prose(block.why, inner),
        ...(block.draft ? ['', ...blockLines(block.draft, inner), ''] : []),
        ...linkLines(block.links, inner),
      ];
    case 'notice':
      return [`${pad}* ${block.title}`, ...prose(block.text, inner), ...linkLines(block.links, inner)];
    case 'status-list':
      return block.items.flatMap((item) => prose(`* ${item.title}${item.details.length ? ` (${item.details.join(', ')})` : ''}: ${item.text}`, pad));
    case 'group':
      return [...headLines(block.head, pad), '', ...block.blocks.flatMap((b) => [...blockLines(b, isItem(b) ? pad : inner), ''])];
  }
}

export function renderText(view: EmailView): string {
  const lines: string[] = [];
  if (view.title) lines.push([view.title.lead, view.title.text].filter(Boolean).join(' '), '');
  for (const section of view.sections) {
    if (section.heading) {
      const heading = section.heading.toUpperCase();
      lines.push(heading, '-'.repeat(heading.length));
    }
    for (const block of section.blocks) lines.push(...blockLines(block, ''), '');
  }
  if (view.footer) lines.push('--', ...prose(view.footer.text, ''), ...linkLines(view.footer.links, ''));
  // One blank line between blocks, however they nest; no trailing spaces.
  return `${lines.map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd()}\n`;
}
