/**
 * The page shell every web page shares (header, navigation, notices, footer) and small form
 * helpers. Templates use hono/html, which escapes every interpolated value; `raw` is used only for
 * markup built here.
 */
import { getAllTimezones } from 'countries-and-timezones';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isIanaTimeZone } from '../domain/time-zone.js';
import { pageHeaders } from '../http/page-headers.js';
import { CSRF_FIELD, type WebEnv } from './session.js';

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;
export type Section = 'today' | 'interviews' | 'companies' | 'settings';

/** The app's own stylesheet and script only. */
export const WEB_PAGE_HEADERS = pageHeaders(
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
);

/** Asset URLs carry a version so a changed stylesheet is never served stale from a cache. */
export const ASSET_VERSION = '1';

export interface PageOptions {
  title: string;
  section?: Section;
  /** A short success message (from ?done=…, or the action just taken). */
  notice?: string;
  /** Problems to fix, shown above the content. */
  errors?: string[];
  body: Markup;
}

const NAV: Array<{ section: Section; href: string; label: string }> = [
  { section: 'today', href: '/', label: 'Today' },
  { section: 'interviews', href: '/interviews', label: 'Interviews' },
  { section: 'companies', href: '/companies', label: 'Companies' },
  { section: 'settings', href: '/settings', label: 'Settings' },
];

/** The hidden CSRF field every form carries. */
export const csrfField = (c: Context<WebEnv>) => html`<input type="hidden" name="${CSRF_FIELD}" value="${c.get('csrfToken')}">`;

function navigation(c: Context<WebEnv>, current: Section | undefined): Markup {
  if (!c.get('subscriber')) return html``;
  return html`<nav aria-label="Main">
      ${NAV.map((n) => html`<a href="${n.href}"${n.section === current ? raw(' aria-current="page"') : ''}>${n.label}</a>`)}
      <form method="post" action="/sign-out">${csrfField(c)}<button type="submit">Sign out</button></form>
    </nav>`;
}

export function renderPage(c: Context<WebEnv>, options: PageOptions): Markup {
  const errors = options.errors ?? [];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · afterview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css?v=${ASSET_VERSION}">
<script src="/assets/app.js?v=${ASSET_VERSION}" defer></script>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top"><div class="bar">
  <a class="brand" href="/">afterview</a>
  ${navigation(c, options.section)}
</div></header>
<main id="content" tabindex="-1">
${options.notice ? html`<div class="notice" role="status">${options.notice}</div>` : ''}
${
  errors.length > 0
    ? html`<div class="notice error" role="alert"><strong>Please fix this:</strong><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
    : ''
}
${options.body}
</main>
<footer class="foot">afterview — what to do after an interview, and good news worth a note. Your data stays yours: export or delete it from Settings.</footer>
</body>
</html>`;
}

export async function sendPage(c: Context<WebEnv>, options: PageOptions, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(await renderPage(c, options), status, WEB_PAGE_HEADERS);
}

interface ZonePicker {
  groups: Array<{ region: string; zones: string[] }>;
  /** Each listed zone's former names (Asia/Kolkata: Asia/Calcutta), which browsers and old data may still use. */
  formerNames: Map<string, string[]>;
  /** Any name the data knows → the listed zone it means. */
  canonical: Map<string, string>;
}

let picker: ZonePicker | undefined;

/**
 * The zones a person picks from: the tz database's current names (Asia/Kolkata, Europe/Kyiv,
 * Asia/Ho_Chi_Minh) that this runtime also knows, UTC first, grouped by region. The runtime's own
 * list (Intl) still uses the old CLDR names, so the list comes from the tz data; old names stay
 * valid input everywhere (isIanaTimeZone) and are shown as the zone they now stand for.
 */
function zonePicker(): ZonePicker {
  if (picker) return picker;
  const all = Object.values(getAllTimezones({ deprecated: true }));
  const listed = all.filter((z) => !z.aliasOf && z.name.includes('/') && !z.name.startsWith('Etc/') && isIanaTimeZone(z.name));
  const listedNames = new Set(listed.map((z) => z.name));
  const formerNames = new Map<string, string[]>();
  const canonical = new Map<string, string>();
  for (const z of all) {
    const current = z.aliasOf ?? z.name;
    if (!listedNames.has(current)) continue;
    canonical.set(z.name, current);
    if (z.aliasOf) formerNames.set(current, [...(formerNames.get(current) ?? []), z.name]);
  }
  const groups = new Map<string, string[]>();
  for (const zone of [...listedNames].sort()) {
    const region = zone.slice(0, zone.indexOf('/'));
    (groups.get(region) ?? groups.set(region, []).get(region)!).push(zone);
  }
  picker = {
    groups: [{ region: 'UTC', zones: ['UTC'] }, ...[...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([region, zones]) => ({ region, zones }))],
    formerNames,
    canonical,
  };
  return picker;
}

/** Every zone offered in the picker, UTC first, grouped by region. */
export function timeZoneGroups(): Array<{ region: string; zones: string[] }> {
  return zonePicker().groups;
}

/** A time zone <select>; `detect` lets the script pick the browser's zone when none is chosen. */
export function timeZoneSelect(name: string, id: string, selected: string, detect = false): Markup {
  const { groups, formerNames, canonical } = zonePicker();
  // A stored old name (Asia/Calcutta) is shown as the zone it stands for; saving then stores the current name.
  const chosen = canonical.get(selected) ?? selected;
  const known = groups.some((g) => g.zones.includes(chosen));
  const also = (zone: string) => {
    const former = formerNames.get(zone);
    return former ? raw(` data-also="${former.join(' ')}"`) : '';
  };
  return html`<select name="${name}" id="${id}"${detect ? raw(' data-detect-zone') : ''}>
    ${known ? '' : html`<option value="${selected}" selected>${selected}</option>`}
    ${groups.map(
      (g) => html`<optgroup label="${g.region}">${g.zones.map(
        (z) => html`<option value="${z}"${also(z)}${z === chosen ? raw(' selected') : ''}>${z.replace(/_/g, ' ')}</option>`,
      )}</optgroup>`,
    )}
  </select>`;
}

export function options(choices: Array<{ value: string; label: string }>, selected: string | undefined): Markup {
  return html`${choices.map((o) => html`<option value="${o.value}"${o.value === selected ? raw(' selected') : ''}>${o.label}</option>`)}`;
}

export const checked = (on: boolean | undefined) => (on ? raw(' checked') : '');
