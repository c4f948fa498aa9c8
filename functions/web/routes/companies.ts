/**
 * Watched companies: list, add, change (other names, words that mark news about something else,
 * extra feeds), and stop watching. Feed URLs pass the fetcher's address rules, as in the API.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { AppError } from '../../app/errors.js';
import { addCompany, getCompany, listCompanies, removeCompany, updateCompany } from '../../app/companies/watched-companies.js';
import { sourceHealth, type SourceStatus } from '../../app/news/source-health.js';
import { dateIn, formatDay } from '../../domain/follow-up/index.js';
import type { HttpDependencies } from '../../http/context.js';
import { COMPANY_NAME_MAX_CHARS, type WatchedCompany } from '../../domain/company.js';
import { parseCompanyForm, type FormValues } from '../forms.js';
import { csrfField, sendPage, type Markup } from '../layout.js';
import { requireSignIn, type WebEnv } from '../session.js';

const NOTICES: Record<string, string> = {
  added: 'afterview now watches this company’s news.',
  saved: 'Changes saved.',
  removed: 'afterview no longer watches that company for you.',
};

const formValues = (co: WatchedCompany): FormValues => ({
  name: co.name,
  aliases: co.aliases.join(', '),
  exclude: co.exclude.join(', '),
  feeds: co.feeds.join('\n'),
});

const SOURCE_NAME: Record<SourceStatus['kind'], string> = {
  'news-search': 'News search',
  feed: 'Feed',
  'fallback-news-search': 'Second news search (in use while the first fails)',
};

/** One source's line: what it is, when it was last read and had news, and since when it fails. */
function sourceLine(source: SourceStatus, timeZone: string): Markup {
  const when = (iso: string) => {
    const local = new Date(iso).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
    return `${formatDay(dateIn(iso, timeZone))} ${local}`;
  };
  const parts = [
    source.lastReadAt ? `read ${when(source.lastReadAt)}` : 'not read yet',
    source.lastNewStoryAt ? `last new story ${when(source.lastNewStoryAt)}` : null,
    source.failingSince ? `failing since ${when(source.failingSince)}${source.health === 'paused' ? ' (now tried weekly)' : ''}` : null,
    source.health === 'gone' ? 'gone: the feed no longer exists' : null,
  ].filter(Boolean);
  const label = source.kind === 'feed' ? html`${SOURCE_NAME.feed} <span class="meta">${source.url}</span>` : SOURCE_NAME[source.kind];
  return html`<li>${label}<br><span class="meta source-${source.health}">${parts.join(' · ')}</span></li>`;
}

/** Problems a person can fix (a name already watched, a feed URL refused, a limit reached) go back to the form. */
const isFixable = (err: unknown): err is AppError =>
  err instanceof AppError && ['validation_error', 'conflict', 'quota_exceeded', 'fetch_refused', 'invalid_url'].includes(err.code);

/** The use case names the API's field ("feeds: …"); the form says its own label. */
const forTheForm = (err: AppError) => err.message.replace(/^feeds: /, 'Extra feeds: ');

/** A limit or a clash is a conflict with what is stored (409); the rest is input to fix (400). */
const statusFor = (err: AppError): 400 | 409 => (err.code === 'conflict' || err.code === 'quota_exceeded' ? 409 : 400);

function companyFields(c: Context<WebEnv>, values: FormValues, idPrefix: string): Markup {
  const v = (k: string) => values[k] ?? '';
  return html`${csrfField(c)}
    <div><label for="${idPrefix}name">Company name</label>
    <input type="text" id="${idPrefix}name" name="name" required maxlength="${COMPANY_NAME_MAX_CHARS}" value="${v('name')}" autocomplete="organization"></div>
    <div><label for="${idPrefix}aliases">Other names <span class="hint">Optional, separated by commas — e.g. a short name or a brand</span></label>
    <input type="text" id="${idPrefix}aliases" name="aliases" value="${v('aliases')}"></div>
    <div><label for="${idPrefix}exclude">Ignore news mentioning <span class="hint">Optional, separated by commas — e.g. “fruit” for Apple</span></label>
    <input type="text" id="${idPrefix}exclude" name="exclude" value="${v('exclude')}"></div>
    <div><label for="${idPrefix}feeds">Extra news feeds <span class="hint">Optional: RSS or Atom URLs, one per line — e.g. the company’s newsroom</span></label>
    <textarea id="${idPrefix}feeds" name="feeds" rows="3">${v('feeds')}</textarea></div>`;
}

export function companyRoutes(deps: HttpDependencies): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  web.use('/companies', requireSignIn);
  web.use('/companies/*', requireSignIn);

  const listPage = async (c: Context<WebEnv>, values: FormValues = {}, errors: string[] = [], status: 400 | 409 = 400) => {
    const subscriber = c.get('subscriber')!;
    const companies = await listCompanies(deps, subscriber.id);
    const health = await sourceHealth(deps, companies);
    return sendPage(
      c,
      {
        title: 'Companies',
        section: 'companies',
        notice: NOTICES[c.req.query('done') ?? ''],
        errors,
        body: html`<h1>Companies</h1>
          <p class="lead">afterview watches the news of these companies and tells you when there is good news worth a short note. Adding an interview adds its company here.</p>
          ${
            companies.length === 0
              ? html`<div class="card empty"><p>No companies yet.</p></div>`
              : html`<div class="card"><table>
                <thead><tr><th scope="col">Company</th><th scope="col">Watching</th><th scope="col">Change</th></tr></thead>
                <tbody>${companies.map(
                  (co) => html`<tr><td><strong>${co.name}</strong>${co.aliases.length ? html`<br><span class="meta">also “${co.aliases.join('”, “')}”</span>` : ''}</td>
                    <td><ul class="sources">${(health.get(co.id) ?? []).map((source) => sourceLine(source, subscriber.timeZone))}</ul>${co.exclude.length ? html`<span class="meta">ignoring ${co.exclude.join(', ')}</span>` : ''}</td>
                    <td><a href="/companies/${co.id}/edit">Edit<span class="visually-hidden"> ${co.name}</span></a> · <a href="/companies/${co.id}/delete">Stop watching</a></td></tr>`,
                )}</tbody></table></div>`
          }
          <h2 id="add-heading">Watch a company</h2>
          <form class="stack card" method="post" action="/companies" aria-labelledby="add-heading">
            ${companyFields(c, values, 'new-')}
            <div><button type="submit">Watch this company</button></div>
          </form>`,
      },
      errors.length > 0 ? status : 200,
    );
  };

  const editPage = (c: Context<WebEnv>, company: WatchedCompany, values: FormValues, errors: string[] = [], status: 400 | 409 = 400) =>
    sendPage(
      c,
      {
        title: `Change ${company.name}`,
        section: 'companies',
        errors,
        body: html`<h1>Change ${company.name}</h1>
          <form class="stack card" method="post" action="/companies/${company.id}">
            ${companyFields(c, values, '')}
            <div class="row"><button type="submit">Save changes</button> <a href="/companies">Cancel</a></div>
          </form>`,
      },
      errors.length > 0 ? status : 200,
    );

  web.get('/companies', (c) => listPage(c));

  web.post('/companies', async (c) => {
    const form = c.get('form');
    const parsed = parseCompanyForm(form);
    if (!parsed.ok) return listPage(c, form, parsed.errors);
    try {
      await addCompany(deps, c.get('subscriber')!.id, parsed.value);
    } catch (err) {
      if (isFixable(err)) return listPage(c, form, [forTheForm(err)], statusFor(err));
      throw err;
    }
    return c.redirect('/companies?done=added', 303);
  });

  web.get('/companies/:id/edit', async (c) => {
    const company = await getCompany(deps, c.get('subscriber')!.id, c.req.param('id'));
    return editPage(c, company, formValues(company));
  });

  web.post('/companies/:id', async (c) => {
    const subscriberId = c.get('subscriber')!.id;
    const company = await getCompany(deps, subscriberId, c.req.param('id'));
    const form = c.get('form');
    const parsed = parseCompanyForm(form);
    if (!parsed.ok) return editPage(c, company, form, parsed.errors);
    try {
      await updateCompany(deps, subscriberId, company.id, parsed.value);
    } catch (err) {
      if (isFixable(err)) return editPage(c, company, form, [forTheForm(err)], statusFor(err));
      throw err;
    }
    return c.redirect('/companies?done=saved', 303);
  });

  web.get('/companies/:id/delete', async (c) => {
    const company = await getCompany(deps, c.get('subscriber')!.id, c.req.param('id'));
    return sendPage(c, {
      title: `Stop watching ${company.name}`,
      section: 'companies',
      body: html`<h1>Stop watching ${company.name}?</h1>
        <p>afterview will stop looking for news about ${company.name} for you. Your interviews stay as they are.</p>
        <form method="post" action="/companies/${company.id}/delete" class="row">
          ${csrfField(c)}<button type="submit" class="danger">Stop watching ${company.name}</button>
          <a href="/companies">Keep watching</a>
        </form>`,
    });
  });

  web.post('/companies/:id/delete', async (c) => {
    await removeCompany(deps, c.get('subscriber')!.id, c.req.param('id'));
    return c.redirect('/companies?done=removed', 303);
  });

  return web;
}
