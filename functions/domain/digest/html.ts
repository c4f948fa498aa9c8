/**
 * The few HTML pieces the digest is built from. Mail clients want simple tables and inline styles;
 * every user-provided or feed-provided string passes through `escapeHtml`, every link through `safeHref`.
 */

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escaped text with line breaks as <br> (Outlook ignores white-space: pre-wrap). */
export function escapeLines(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>');
}

/** The URL if it is http(s) or mailto (never javascript: or data:), else null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed) || /[\s<>"]/.test(trimmed)) return null;
  return trimmed;
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
} as const;

const FONT = 'Arial,Helvetica,sans-serif';

/** A link styled as a button; nothing when the URL is not safe. */
export function button(label: string, url: string | null, primary = false): string {
  const href = safeHref(url);
  if (!href) return '';
  const style = primary
    ? `display:inline-block;padding:8px 14px;margin:6px 6px 0 0;background:${COLORS.accent};color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;font-family:${FONT};`
    : `display:inline-block;padding:7px 13px;margin:6px 6px 0 0;border:1px solid ${COLORS.accent};color:${COLORS.accent};text-decoration:none;border-radius:4px;font-size:14px;font-family:${FONT};`;
  return `<a href="${escapeHtml(href)}" style="${style}">${escapeHtml(label)}</a>`;
}

export function link(label: string, url: string | null): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}" style="color:${COLORS.accent};">${escapeHtml(label)}</a>` : escapeHtml(label);
}

export function heading(text: string): string {
  return `<tr><td style="padding:20px 24px 4px;font-family:${FONT};"><h2 style="margin:0;font-size:18px;color:${COLORS.text};border-bottom:1px solid ${COLORS.line};padding-bottom:6px;">${escapeHtml(text)}</h2></td></tr>`;
}

export function row(inner: string): string {
  return `<tr><td style="padding:8px 24px;font-family:${FONT};font-size:15px;line-height:1.5;color:${COLORS.text};">${inner}</td></tr>`;
}

/** The whole document: a centred 600px card, no remote images, no tracking. */
export function page(title: string, preheader: string, rows: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;background:${COLORS.page};">`,
    `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(preheader)}</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${COLORS.page};"><tr><td align="center" style="padding:16px 8px;">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:${COLORS.card};border-radius:8px;">`,
    ...rows,
    '</table></td></tr></table></body></html>',
  ].join('\n');
}
