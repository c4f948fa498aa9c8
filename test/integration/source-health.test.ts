/**
 * Source health a person can see (issue 13): the API's companies resource and the web app's
 * Companies page show, per source, when it was last read, when it last had a new story and since
 * when it fails — also for a healthy feed whose unchanged answers write nothing, and for the
 * fallback news search while it stands in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, sampleInterview, uniqueEmail, type ApiHarness } from './api-harness.js';
// After the harness: the API's schemas extend zod before the domain's are first built.
import { pollDepsFrom, runPollCycle } from '../../functions/app/poll/index.js';
import type { SourceStatus } from '../../functions/app/news/source-health.js';
import { classifyWins, plainNote, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { signedInByEmail, type Browser } from '../support/browser.js';

const NAME = 'Pied Piper';
let server: NewsFeedServer;
let h: ApiHarness;
let token: string;
let browser: Browser;

const poll = () => runPollCycle(pollDepsFrom(h.services, { classify: classifyWins, writeNote: plainNote, random: () => 0.5 }), h.clock.now());
async function sources(): Promise<SourceStatus[]> {
  const res = await h.call('GET', '/v1/companies', { token });
  expect(res.status).toBe(200);
  const { companies } = (await res.json()) as { companies: Array<{ name: string; sources: SourceStatus[] }> };
  return companies.find((c) => c.name === NAME)!.sources;
}

beforeAll(async () => {
  server = await startNewsFeedServer();
  h = await createApiHarness({
    env: { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: server.base, AFTERVIEW_FALLBACK_NEWS_BASE_URL: server.base },
    startAt: '2026-11-04T10:00:00Z',
  });
  server.feeds.set(`"${NAME}"`, [{ title: `${NAME} opens a new office`, publisher: 'AP', publishedAt: '2026-11-04T08:00:00Z' }]);
  server.fallbackFeeds.set(`"${NAME}"`, [{ title: `${NAME} opens a new office`, publisher: 'AP', publishedAt: '2026-11-04T08:00:00Z' }]);
  const email = uniqueEmail('health');
  ({ token, browser } = await signedInByEmail(h, email));
  // The newsroom feed does not exist (404): a source that fails while the news search works.
  const res = await h.call('POST', '/v1/companies', { token, body: { name: NAME, feeds: [server.customUrl('no-such-newsroom')] } });
  expect(res.status).toBe(201);
  expect((await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ company: NAME }) })).status).toBe(201);
});
afterAll(() => server.close());

describe('source health', () => {
  it('says a new source has not been read yet', async () => {
    expect((await sources()).map((s) => [s.kind, s.health, s.lastReadAt])).toEqual([
      ['news-search', 'waiting', null],
      ['feed', 'waiting', null],
    ]);
  });

  it('after a cycle: when each source was read and had a new story, and since when the feed fails', async () => {
    await poll();
    const [search, feed] = await sources();
    expect(search).toMatchObject({ health: 'ok', lastNewStoryAt: '2026-11-04T10:00:00.000Z', failingSince: null });
    expect(search!.lastReadAt).toMatch(/^2026-11-04T10:00:/);
    expect(feed).toMatchObject({ health: 'failing', lastReadAt: null, failingSince: '2026-11-04T10:00:00.000Z', url: server.customUrl('no-such-newsroom') });
  });

  it('moves "last read" on for a healthy feed that answered 304 and wrote nothing', async () => {
    h.clock.set('2026-11-04T11:00:00Z');
    const summary = await poll();
    expect(summary.notModified).toBeGreaterThanOrEqual(1);
    const [search] = await sources();
    expect(search!.lastReadAt! >= '2026-11-04T11:00:00.000Z').toBe(true);
    expect(search!.lastNewStoryAt).toBe('2026-11-04T10:00:00.000Z');
  });

  it('lists the fallback news search while it stands in, and the Companies page shows the same', async () => {
    server.refusing.set(`"${NAME}"`, 503);
    h.clock.set('2026-11-04T12:00:00Z');
    await poll();
    h.clock.set('2026-11-04T13:00:00Z');
    await poll();
    const listed = await sources();
    expect(listed.map((s) => [s.kind, s.health])).toEqual([
      ['news-search', 'failing'],
      ['fallback-news-search', 'ok'],
      ['feed', 'failing'],
    ]);
    expect(listed[0]!.failingSince).toBe('2026-11-04T12:00:00.000Z');

    const page = await (await browser.get('/companies')).text();
    expect(page).toContain('Second news search (in use while the first fails)');
    expect(page).toMatch(/News search<br><span class="meta source-failing">read 4 Nov 1\d:\d\d · last new story 4 Nov 10:00 · failing since 4 Nov 12:00/);
    expect(page).toContain(server.customUrl('no-such-newsroom'));
  });
});
