/**
 * The poll cycle's steps one by one (functions/app/poll/steps), with in-memory stand-ins for the
 * ports: plan → lease → fetch → parse → normalize → keep relevant → match with seen → classify →
 * store → alert → record feed state, and the summary derived from their results.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../functions/app/errors.js';
import type { FetchResult } from '../../functions/app/ports.js';
import { createHostLimiter } from '../../functions/app/poll/host-limiter.js';
import { createCpuTurns } from '../../functions/app/poll/cycle.js';
import { isGoodNews, whoHearsOfIt } from '../../functions/app/poll/steps/alert.js';
import { classifyNews, classifySafely, companyRef } from '../../functions/app/poll/steps/classify.js';
import { fetchSource, hostOf } from '../../functions/app/poll/steps/fetch.js';
import { leaseSources, POLL_LEASE_MS } from '../../functions/app/poll/steps/lease.js';
import { matchWithSeen } from '../../functions/app/poll/steps/match.js';
import { newestFirst, sourcedItems, type SourcedItem } from '../../functions/app/poll/steps/normalize.js';
import { readAttempt, type SourceRead } from '../../functions/app/poll/steps/parse.js';
import { byBatch, groupByCompany, isDue, notYetAsked } from '../../functions/app/poll/steps/plan.js';
import { feedStates, statesAfterStoreFailure } from '../../functions/app/poll/steps/record-state.js';
import { needingFallback, recovered, stoodDown } from '../../functions/app/poll/steps/fallback.js';
import { fallbackSource } from '../../functions/domain/news-watch/sources.js';
import { keepRelevant } from '../../functions/app/poll/steps/relevance.js';
import { createCycleWriter, STATES_QUEUED, WRITE_BATCH } from '../../functions/app/poll/steps/store.js';
import { noNews, summarizeCycle, type CompanyPoll } from '../../functions/app/poll/summary.js';
import { emptyTally } from '../../functions/app/outbox/tally.js';
import type { FeedSource } from '../../functions/domain/feed-source.js';
import type { Classification, Story } from '../../functions/domain/news.js';
import { newWatchedCompany } from '../support/records.js';

const NOW = new Date('2026-11-04T10:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

const source = (id: string, extra: Partial<FeedSource> = {}): FeedSource => ({
  id,
  url: `https://news.example/${id}.xml`,
  kind: 'news-search',
  companyKey: 'acme',
  companyName: 'Acme',
  consecutiveFailures: 0,
  nextAttemptAt: NOW.toISOString(),
  disabled: false,
  ...extra,
});

const item = (title: string, extra: Partial<SourcedItem> = {}): SourcedItem => ({
  title,
  link: null,
  publisher: 'Reuters',
  publishedAt: hoursAgo(3),
  guid: null,
  summary: null,
  sourceId: extra.sourceId ?? 's1',
  readFrom: extra.sourceId ?? 's1',
  ...extra,
});

const positive: Classification = { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: ['wins'] };
const neutral: Classification = { polarity: 'neutral', event: null, congratulate: false, confidence: 0.5, reasons: [] };

const story = (id: string, extra: Partial<Story> = {}): Story => ({
  companyKey: 'acme',
  id,
  title: `Acme story ${id}`,
  link: null,
  publisher: 'Reuters',
  publishedAt: hoursAgo(2),
  summary: null,
  firstSeenAt: NOW.toISOString(),
  normalizedTitle: `acme story ${id}`,
  classification: neutral,
  sourceIds: ['s1'],
  ...extra,
});

const rss = (titles: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Acme news</title>${titles
    .map((t, i) => `<item><title>${t}</title><link>https://acme.example/${i}</link><pubDate>${new Date(NOW.getTime() - i * 3_600_000).toUTCString()}</pubDate></item>`)
    .join('')}</channel></rss>`;

describe('plan due sources', () => {
  const healthy = (id: string, extra: Partial<FeedSource> = {}) => source(id, { intervalHours: 1, ...extra });

  it('offers a new or failing source from its next attempt on; a healthy one is on its schedule instead', () => {
    expect(isDue(source('a'), NOW)).toBe(true);
    expect(isDue(source('a', { nextAttemptAt: hoursAgo(-1) }), NOW)).toBe(false);
    expect(isDue(source('a', { disabled: true }), NOW)).toBe(false);
    expect(isDue(source('a', { consecutiveFailures: 2, intervalHours: 1 }), NOW)).toBe(true);
    expect(isDue(healthy('a'), NOW)).toBe(false);
  });

  it('does not offer a scheduled source this hour changed already, or one asked in the last minutes', () => {
    const slot = Math.floor(NOW.getTime() / 3_600_000);
    expect(notYetAsked(healthy('a'), slot, NOW)).toBe(true);
    expect(notYetAsked(healthy('a', { checkedAt: hoursAgo(1.5) }), slot, NOW)).toBe(true);
    expect(notYetAsked(healthy('a', { checkedAt: NOW.toISOString() }), slot, NOW)).toBe(false);
    expect(notYetAsked(healthy('a', { checkedAt: hoursAgo(0.5) }), slot + 1, new Date(NOW.getTime() + 10 * 60_000))).toBe(false);
  });

  it('groups sources by company, in the order companies first appear, and keeps a company in one batch', () => {
    const due = [source('a1'), source('g1', { companyKey: 'globex' }), source('a2')];
    expect(groupByCompany(due).map((g) => g.map((s) => s.id))).toEqual([['a1', 'a2'], ['g1']]);
    const batches = byBatch(due, 7);
    const withAcme = [...batches.values()].find((list) => list.some((s) => s.id === 'a1'))!;
    expect(withAcme.map((s) => s.id).filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2']);
  });
});

describe('lease', () => {
  it('claims each source on the next attempt it was loaded with, until now + elapsed time + the lease', async () => {
    const calls: Array<[string, string, string]> = [];
    const cycle = {
      now: NOW,
      elapsedMs: () => 1_500,
      deps: {
        repos: {
          sources: {
            lease: async (id: string, expected: string, until: Date) => (calls.push([id, expected, until.toISOString()]), id !== 'taken'),
          },
        },
      } as never,
    };
    const result = await leaseSources(cycle, [source('mine'), source('taken')]);
    expect(result.leased.map((s) => s.id)).toEqual(['mine']);
    expect(result.leasedElsewhere).toBe(1);
    expect(calls[0]).toEqual(['mine', NOW.toISOString(), new Date(NOW.getTime() + 1_500 + POLL_LEASE_MS).toISOString()]);
  });
});

describe('fetch (conditional GET)', () => {
  const limiter = createHostLimiter({ total: 2, perHost: 1 });

  it('asks with the stored validators and returns the answer', async () => {
    const asked: unknown[] = [];
    const answered: FetchResult = { kind: 'not-modified', url: 'u', etag: '"e"' };
    const cycle = { limiter, deps: { fetchFeed: async (url: string, o: unknown) => (asked.push([url, o]), answered) } as never };
    const attempt = await fetchSource(cycle, source('a', { etag: '"e"', lastModified: 'Tue' }));
    expect(attempt).toMatchObject({ source: source('a', { etag: '"e"', lastModified: 'Tue' }), answered });
    expect((attempt as { answeredInMs: number }).answeredInMs).toBeGreaterThanOrEqual(0);
    expect(asked).toEqual([['https://news.example/a.xml', { validators: { etag: '"e"', lastModified: 'Tue' } }]]);
  });

  it('never throws: a refused fetch keeps its readable message and status; anything else says it was unexpected (its text only in the log)', async () => {
    const refusing = { limiter, deps: { fetchFeed: async () => Promise.reject(Object.assign(new AppError('https://x/ answered HTTP 404', 'fetch_status'), { status: 404 })) } as never };
    expect(await fetchSource(refusing, source('a'))).toMatchObject({ error: 'https://x/ answered HTTP 404', status: 404 });
    const crashing = { limiter, deps: { fetchFeed: async () => Promise.reject(new TypeError('boom')) } as never };
    expect(await fetchSource(crashing, source('a'))).toMatchObject({ error: 'the feed could not be fetched because of an unexpected error; it will be tried again' });
  });

  it('names the host for per-host politeness', () => {
    expect(hostOf('https://News.Google.com/rss/search?q=x')).toBe('news.google.com');
    expect(hostOf('not a url')).toBe('not a url');
  });
});

describe('parse', () => {
  const ok = (text: string): FetchResult => ({ kind: 'ok', url: 'https://acme.example/feed', status: 200, text, charset: 'utf-8', bytes: text.length, etag: '"v2"' });

  it('turns a fetched body into items and a fetched outcome carrying the new validators', async () => {
    const read = await readAttempt({ source: source('a'), answered: ok(rss(['Acme wins award', 'Acme opens plant'])), answeredInMs: 120 });
    expect(read.outcome).toEqual({ kind: 'fetched', status: 200, etag: '"v2"', lastModified: undefined, answeredInMs: 120 });
    expect(read.items.map((i) => i.title)).toEqual(['Acme wins award', 'Acme opens plant']);
  });

  it('reads a body that is not a feed as a failure of that feed alone', async () => {
    const read = await readAttempt({ source: source('a'), answered: ok('<html><body>hello</body></html>'), answeredInMs: 5 });
    expect(read.outcome).toMatchObject({ kind: 'failed', status: 200 });
    expect((read.outcome as { error: string }).error).toMatch(/^not a readable RSS\/Atom feed/);
    expect(read.items).toEqual([]);
  });

  it('reads only the newest items of a long feed', async () => {
    const read = await readAttempt({ source: source('a'), answered: ok(rss(Array.from({ length: 250 }, (_, i) => `Acme story ${i}`))), answeredInMs: 5 });
    expect(read.items).toHaveLength(200);
    expect(read.items[0]!.title).toBe('Acme story 0');
  });

  it.each([
    [{ kind: 'not-modified', url: 'u', etag: '"e"' } as FetchResult, { kind: 'not-modified', etag: '"e"', lastModified: undefined, answeredInMs: 7 }],
    [{ kind: 'gone', url: 'u' } as FetchResult, { kind: 'gone' }],
    [{ kind: 'retry-later', url: 'u', status: 429, retryAfter: null } as FetchResult, { kind: 'retry-later', status: 429, retryAfter: null }],
  ])('maps %j to the outcome health is judged on', async (answered, outcome) => {
    expect(await readAttempt({ source: source('a'), answered, answeredInMs: 7 })).toEqual({ source: source('a'), outcome, items: [] });
  });

  it('maps a fetch that failed to a failed outcome', async () => {
    expect((await readAttempt({ source: source('a'), error: 'timed out', status: undefined })).outcome).toEqual({ kind: 'failed', error: 'timed out', status: undefined });
  });
});

describe('normalize', () => {
  it('labels every item with the source that served it', () => {
    const reads: SourceRead[] = [
      { source: source('s1'), outcome: { kind: 'fetched', status: 200 }, items: [item('A')] },
      { source: source('s2'), outcome: { kind: 'not-modified' }, items: [] },
      { source: source('s3'), outcome: { kind: 'fetched', status: 200 }, items: [item('B'), item('C')] },
    ];
    expect(sourcedItems(reads).map((i) => [i.title, i.sourceId])).toEqual([['A', 's1'], ['B', 's3'], ['C', 's3']]);
  });

  it('keeps at most the newest items of a source, undated ones last', () => {
    const items = [item('undated', { publishedAt: null }), item('old', { publishedAt: hoursAgo(30) }), item('new', { publishedAt: hoursAgo(1) }), item('mid', { publishedAt: hoursAgo(5) })];
    expect(newestFirst(items, 3).map((i) => i.title)).toEqual(['new', 'mid', 'old']);
    expect(newestFirst(items, 4).map((i) => i.title)).toEqual(['undated', 'old', 'new', 'mid']);
  });
});

describe('keep relevant', () => {
  const ana = newWatchedCompany('ana', 'Apple', { exclude: ['fruit'], sourceIds: ['search'] });
  const ben = newWatchedCompany('ben', 'Apple', { aliases: ['AAPL'], sourceIds: ['search', 'ben-feed'] });

  it('drops old news (counted) and keeps items about the company by the names of a watcher of their source, minus their exclusions', () => {
    const items = [
      item('Apple wins design award', { sourceId: 'search' }),
      item('AAPL shares rally', { publishedAt: null, sourceId: 'search' }),
      item('Apple fruit harvest is early', { sourceId: 'search' }),
      item('Apple wins an old award', { publishedAt: hoursAgo(24 * 20), sourceId: 'search' }),
      item('Orchard news', { sourceId: 'search' }),
    ];
    const { relevant, stale } = keepRelevant(items, [ana, ben], NOW);
    expect(stale).toBe(1);
    // "fruit" rules the harvest out for Ana only; Ben has no exclusions, so it stays for him.
    expect(relevant.map((i) => i.title)).toEqual(['Apple wins design award', 'AAPL shares rally', 'Apple fruit harvest is early']);
    expect(keepRelevant(items, [ana], NOW).relevant.map((i) => i.title)).toEqual(['Apple wins design award']);
  });

  it('judges an item only by the watchers of the source that served it', () => {
    // Ben's alias "AAPL" does not make his own feed's words relevant to a source only Ana watches, and vice versa.
    const items = [item('AAPL shares rally', { sourceId: 'ana-feed' }), item('AAPL shares rally', { sourceId: 'ben-feed' }), item('Apple news', { sourceId: 'nobody' })];
    const anaWithFeed = { ...ana, sourceIds: ['search', 'ana-feed'] };
    expect(keepRelevant(items, [anaWithFeed, ben], NOW).relevant.map((i) => i.sourceId)).toEqual(['ben-feed']);
  });
});

describe('match with seen', () => {
  it('keeps unseen stories (one per id) and takes each new source’s earliest copy of a stored story, each stored story once', () => {
    const stored = [story('known', { title: 'Acme wins award', normalizedTitle: 'acme wins award', sourceIds: ['s1'] })];
    const items = [
      item('Acme wins award', { sourceId: 's2', publisher: 'AP' }),
      item('Acme Wins Award!', { sourceId: 's3', publishedAt: hoursAgo(2) }),
      item('Acme wins award', { sourceId: 's2', publisher: 'Later', publishedAt: hoursAgo(1) }),
      item('Acme opens plant', { sourceId: 's1' }),
      item('Acme opens plant', { sourceId: 's1', publishedAt: hoursAgo(24 * 10) }),
    ];
    const { unseen, known } = matchWithSeen('acme', items, stored);
    expect(unseen.map((c) => c.lead.title)).toEqual(['Acme opens plant']);
    expect(known).toHaveLength(1);
    expect(known[0]!.story.id).toBe('known');
    expect(known[0]!.newCopies.map((c) => [c.sourceId, c.publisher])).toEqual([['s2', 'AP'], ['s3', 'Reuters']]);
  });

  it('changes nothing when the stored story already lists every source', () => {
    const stored = [story('known', { title: 'Acme wins award', normalizedTitle: 'acme wins award', sourceIds: ['s1'] })];
    expect(matchWithSeen('acme', [item('Acme wins award')], stored)).toEqual({ unseen: [], known: [] });
  });
});

describe('classify', () => {
  it('judges the company by every name its watchers use, once each', () => {
    const ref = companyRef('Acme Robotics', [
      newWatchedCompany('a', 'Acme Robotics', { aliases: ['Acme', 'ACME Corp'] }),
      newWatchedCompany('b', 'acme robotics', { aliases: ['acme'] }),
    ]);
    expect(ref.name).toBe('Acme Robotics');
    expect(ref.aliases!.map((a) => a.toLowerCase())).toEqual(['acme', 'acme corp']);
  });

  it('stores a story the classifier failed on as not congratulated', () => {
    const errors: unknown[] = [];
    const verdict = classifySafely(() => { throw new Error('bad cue'); }, { title: 'x' }, { name: 'Acme' }, NOW, { error: (...a: unknown[]) => void errors.push(a) });
    expect(verdict).toMatchObject({ congratulate: false, confidence: 0, reasons: ['classifier failed'] });
    expect(errors).toHaveLength(1);
  });

  it('judges each source’s copy on its own words, for the names of that source’s watchers', () => {
    const seen: Array<[string, string[] | undefined]> = [];
    const classify = (h: { title: string }, ref: { aliases?: readonly string[] }) => (seen.push([h.title, ref.aliases ? [...ref.aliases] : undefined]), /gold/.test(h.title) ? positive : neutral);
    const ana = newWatchedCompany('ana', 'Acme', { sourceIds: ['search'] });
    // Other aliases make another news search: Mallory's sources are her own search and her feed.
    const mallory = newWatchedCompany('mallory', 'Acme', { aliases: ['Acme Gold'], sourceIds: ['mallory-search', 'mallory-feed'] });
    const items = [item('Acme wins award', { sourceId: 'search', publisher: 'AP' }), item('Acme wins gold award', { sourceId: 'mallory-feed', publishedAt: hoursAgo(4) })];
    const matched = matchWithSeen('acme', items, []);
    const [change] = classifyNews({ classify }, { key: 'acme', name: 'Acme' }, matched, [ana, mallory], NOW);
    expect(change!.before).toBeNull();
    // Named by the earliest copy (Mallory's), but each copy judged apart, Mallory's aliases for her feed only.
    expect(change!.after).toMatchObject({ companyKey: 'acme', title: 'Acme wins gold award', firstSeenAt: NOW.toISOString(), sourceIds: ['mallory-feed', 'search'] });
    expect(change!.after.copies!.map((c) => [c.sourceId, c.title, c.classification?.congratulate])).toEqual([
      ['mallory-feed', 'Acme wins gold award', true],
      ['search', 'Acme wins award', false],
    ]);
    expect(seen).toEqual([['Acme wins gold award', ['Acme Gold']], ['Acme wins award', []]]);
  });

  it('adds a stored story’s new copies, keeping the copies it had (a story stored before copies were kept lends its own words)', () => {
    const stored = story('known', { title: 'Acme wins award', normalizedTitle: 'acme wins award', sourceIds: ['s1'], classification: positive });
    const matched = matchWithSeen('acme', [item('Acme wins award', { sourceId: 's2', publisher: 'AP' })], [stored]);
    const [change] = classifyNews({ classify: () => neutral }, { key: 'acme', name: 'Acme' }, matched, [newWatchedCompany('a', 'Acme', { sourceIds: ['s1', 's2'] })], NOW);
    expect(change!.before).toBe(stored);
    expect(change!.after.sourceIds).toEqual(['s1', 's2']);
    expect(change!.after.copies!.map((c) => [c.sourceId, c.publisher, c.classification])).toEqual([['s1', 'Reuters', positive], ['s2', 'AP', neutral]]);
  });
});

describe('store: the cycle writer', () => {
  function recordingRepos(fail: { stories?: boolean } = {}) {
    const log: string[] = [];
    return {
      log,
      repos: {
        news: { putMany: async (stories: Story[]) => { log.push(`stories:${stories.map((s) => s.id).join(',')}`); if (fail.stories) throw new Error('table unavailable'); } },
        sources: { saveMany: async (states: FeedSource[]) => void log.push(`states:${states.map((s) => s.id).join(',')}`) },
      },
    };
  }

  it('writes a company’s stories before the feed states committed with them', async () => {
    const { log, repos } = recordingRepos();
    const writer = createCycleWriter(repos);
    await writer.commit({ stories: [story('n1')], states: [{ state: source('s1'), coversFetchedItems: true }] });
    await writer.commit({ stories: [], states: [{ state: source('s2'), coversFetchedItems: false }] });
    expect(log).toEqual([]);
    await writer.flush();
    expect(log).toEqual(['stories:n1', 'states:s1,s2']);
  });

  it('writes full batches as they fill, stories first, and one version of a story per batch', async () => {
    const { log, repos } = recordingRepos();
    const writer = createCycleWriter(repos);
    const many = Array.from({ length: WRITE_BATCH }, (_, i) => story(`n${i}`));
    await writer.commit({ stories: [...many, story('n0', { sourceIds: ['s1', 's2'] })], states: [] });
    expect(log).toHaveLength(1);
    expect(log[0]!.split(',')).toHaveLength(WRITE_BATCH);
    const states = Array.from({ length: STATES_QUEUED }, (_, i) => ({ state: source(`s${i}`), coversFetchedItems: false }));
    await writer.commit({ stories: [story('late')], states });
    expect(log.slice(1)).toEqual(['stories:late', `states:${states.map((s) => s.state.id).join(',')}`]);
  });

  it('after a story write failed, saves no state that would carry validators past the lost items', async () => {
    const { log, repos } = recordingRepos({ stories: true });
    const writer = createCycleWriter(repos);
    await writer.commit({ stories: [story('n1')], states: [{ state: source('fetched'), coversFetchedItems: true }, { state: source('unchanged'), coversFetchedItems: false }] });
    await expect(writer.flush()).rejects.toThrow('table unavailable');
    await writer.commit({ stories: [], states: [{ state: source('later-fetched'), coversFetchedItems: true }] });
    await writer.flush();
    expect(log).toEqual(['stories:n1', 'states:unchanged']);
  });
});

describe('alert', () => {
  it('counts as good news only what is congratulated, fresh and dated', () => {
    expect(isGoodNews({ classification: positive, publishedAt: hoursAgo(5) }, NOW)).toBe(true);
    expect(isGoodNews({ classification: positive, publishedAt: hoursAgo(24 * 20) }, NOW)).toBe(false);
    expect(isGoodNews({ classification: positive, publishedAt: null }, NOW)).toBe(false);
    expect(isGoodNews({ classification: neutral, publishedAt: hoursAgo(5) }, NOW)).toBe(false);
  });

  it('tells each watcher once, by the copy from their own source, newest news first', () => {
    const ana = newWatchedCompany('ana', 'Acme', { sourceIds: ['search'] });
    const mallory = newWatchedCompany('mallory', 'Acme', { sourceIds: ['search', 'mallory-feed'] });
    const copy = (sourceId: string, title: string, classification: Classification, at = hoursAgo(3)) => ({ sourceId, title, link: `https://${sourceId}.example/`, publisher: sourceId, publishedAt: at, summary: null, classification });
    const fake = story('fake', { sourceIds: ['mallory-feed'], copies: [copy('mallory-feed', 'Acme wins fake award', positive, hoursAgo(1))] });
    const real = story('real', { sourceIds: ['search'], copies: [copy('search', 'Acme wins real award', positive)] });
    const plans = whoHearsOfIt([{ before: null, after: fake }, { before: null, after: real }], [ana, mallory], NOW);
    expect(plans.map((p) => [p.view.title, p.view.link, p.watchers.map((w) => w.subscriberId)])).toEqual([
      ['Acme wins fake award', 'https://mallory-feed.example/', ['mallory']],
      ['Acme wins real award', 'https://search.example/', ['ana', 'mallory']],
    ]);
    expect(plans[1]!.view.copies).toBeUndefined();
    expect(plans[1]!.view.sourceIds).toEqual(['search']);
  });

  it('tells a watcher of a stored story only when a copy from one of their sources first arrives', () => {
    const ana = newWatchedCompany('ana', 'Acme', { sourceIds: ['search'] });
    const mallory = newWatchedCompany('mallory', 'Acme', { sourceIds: ['search', 'mallory-feed'] });
    const good = (sourceId: string) => ({ sourceId, title: `Acme wins award (${sourceId})`, link: null, publisher: null, publishedAt: hoursAgo(3), summary: null, classification: positive });
    const before = story('s', { sourceIds: ['mallory-feed'], copies: [good('mallory-feed')] });
    const after = { ...before, sourceIds: ['mallory-feed', 'search'], copies: [good('mallory-feed'), good('search')] };
    const plans = whoHearsOfIt([{ before, after }], [ana, mallory], NOW);
    expect(plans.map((p) => [p.view.title, p.watchers.map((w) => w.subscriberId)])).toEqual([['Acme wins award (search)', ['ana']]]);
  });
});

describe('record feed state', () => {
  const reads: SourceRead[] = [
    { source: source('f', { etag: '"old"' }), outcome: { kind: 'fetched', status: 200, etag: '"new"' }, items: [item('A')] },
    { source: source('u', { etag: '"same"' }), outcome: { kind: 'not-modified' }, items: [] },
  ];

  it('records each source’s health; only a fetch carries validators for items fetched now', () => {
    const states = feedStates(reads, NOW, () => 0.5);
    expect(states.map((s) => [s.state.id, s.state.etag, s.coversFetchedItems])).toEqual([['f', '"new"', true], ['u', '"same"', false]]);
    expect(states.every((s) => s.state.checkedAt === NOW.toISOString())).toBe(true);
  });

  it('writes nothing for a healthy feed on its schedule whose poll changed nothing; a new, failing or changed one is written', () => {
    const onSchedule = source('u', { etag: '"same"', intervalHours: 1, newestItemAt: hoursAgo(2), itemsPerWeek: 5, contentHash: 'h' });
    const read = (s: FeedSource, outcome: SourceRead['outcome']): SourceRead => ({ source: s, outcome, items: [] });
    expect(feedStates([read(onSchedule, { kind: 'not-modified' })], NOW, () => 0.5)).toEqual([]);
    expect(feedStates([read(onSchedule, { kind: 'failed', error: 'HTTP 503' })], NOW, () => 0.5)).toHaveLength(1);
    expect(feedStates([read(source('new'), { kind: 'not-modified' })], NOW, () => 0.5)).toHaveLength(1);
    const changed = { ...read(onSchedule, { kind: 'fetched', status: 200, etag: '"v2"' }), items: [item('Acme wins award')] };
    expect(feedStates([changed], NOW, () => 0.5).map((s) => s.state.etag)).toEqual(['"v2"']);
    // A feed that brought a story new to it records when.
    const [brought] = feedStates([read(onSchedule, { kind: 'not-modified' })], NOW, () => 0.5, { broughtNewStories: new Set(['u']) });
    expect(brought!.state.lastNewStoryAt).toBe(NOW.toISOString());
  });

  it('after a store failure a fetched source counts as failed and keeps its old validators', () => {
    const [fetched, unchanged] = statesAfterStoreFailure(reads, NOW, () => 0.5);
    expect(fetched).toMatchObject({ coversFetchedItems: false, state: { etag: '"old"', consecutiveFailures: 1, lastError: 'storing its items failed' } });
    expect(unchanged).toMatchObject({ coversFetchedItems: false, state: { etag: '"same"', consecutiveFailures: 0 } });
  });
});

describe('the summary, derived from the steps’ results', () => {
  const poll = (over: Partial<CompanyPoll>): CompanyPoll => ({ due: 1, leasedElsewhere: 0, reads: [], news: noNews(), failed: false, ...over });
  const read = (kind: SourceRead['outcome']['kind']): SourceRead => ({ source: source('x'), outcome: { kind } as SourceRead['outcome'], items: [] });

  it('adds up requests by outcome, items, stories and alerts, and counts every failed company', () => {
    const writes = { leases: 2, feedStates: 3, stories: 3, alerts: 4 };
    const outbox = { ...emptyTally(), leased: 3, expired: 1, sent: 2, attempts: 3, retried: 1, pending: 2 };
    const summary = summarizeCycle(
      {
        sourcesDue: 6,
        leasedElsewhere: 2,
        lastWritesFailed: true,
        writes,
        // Its own alerts once sent (one left pending), and one an earlier run left, sent now.
        alerts: { sent: 1, skipped: 1, failed: 0, pending: 1 },
        recovered: 1,
        leftPending: 1,
        outbox,
      },
      [
        { status: 'fulfilled', value: poll({ due: 3, leasedElsewhere: 1, reads: [read('fetched'), read('not-modified')], news: { itemsSeen: 9, staleItems: 2, relevantItems: 5, newStories: 2, itemWrites: 3, positiveStories: 1, alerts: { sent: 0, skipped: 2, failed: 0, pending: 0 } } }) },
        { status: 'fulfilled', value: poll({ reads: [read('failed'), read('retry-later'), read('gone')], failed: true, news: noNews(4) }) },
        { status: 'rejected', reason: new Error('lease failed') },
      ],
    );
    expect(summary).toEqual({
      sourcesDue: 6,
      leasedElsewhere: 3,
      requests: 5,
      fetched: 1,
      notModified: 1,
      failures: 1,
      throttled: 1,
      gone: 1,
      companies: 3,
      itemsSeen: 13,
      relevantItems: 5,
      staleItems: 2,
      newStories: 2,
      itemWrites: 3,
      positiveStories: 1,
      alertsSent: 2,
      alertsSkipped: 3,
      alertsFailed: 0,
      alertsPending: 2,
      alertsRecovered: 1,
      companiesFailed: 3,
      notReached: 0,
      stopped: null,
      outbox,
      tableWrites: 12,
      tableWritesBy: writes,
    });
  });
});

describe('fallback for a news search that keeps failing', () => {
  const search = source('search', { kind: 'news-search', url: 'https://news.google.com/rss/search?q=%22Acme%22&hl=en-US' });
  const failedRead = (s: FeedSource): SourceRead => ({ source: s, outcome: { kind: 'retry-later', status: 429, retryAfter: null }, items: [] });

  it('is needed from the second failure in a row of a news search that has none in use', () => {
    expect(needingFallback([failedRead(search)])).toEqual([]);
    expect(needingFallback([failedRead({ ...search, consecutiveFailures: 1 })]).map((s) => s.id)).toEqual(['search']);
    expect(needingFallback([failedRead({ ...search, consecutiveFailures: 1, fallbackInUse: 'fb' })])).toEqual([]);
    expect(needingFallback([failedRead({ ...search, kind: 'custom', consecutiveFailures: 3 })])).toEqual([]);
  });

  it('stands down when its news search answers again', () => {
    const back: SourceRead = { source: { ...search, consecutiveFailures: 4, fallbackInUse: 'fb' }, outcome: { kind: 'not-modified' }, items: [] };
    expect(recovered([back, failedRead({ ...search, id: 'other', fallbackInUse: 'fb2' })])).toEqual([{ primary: 'search', fallback: 'fb' }]);
    expect(stoodDown(source('fb', { kind: 'news-search-fallback' }))).toMatchObject({ disabled: true, disabledReason: 'primary-recovered' });
  });

  it('searches the same query on the fallback news search, and counts its items as the primary’s', () => {
    const spec = fallbackSource(search, 'https://www.bing.com/')!;
    expect(spec).toMatchObject({ kind: 'news-search-fallback', fallbackFor: 'search', url: 'https://www.bing.com/news/search?q=%22Acme%22&format=rss' });
    const reads: SourceRead[] = [{ source: source(spec.id, { ...spec }), outcome: { kind: 'fetched', status: 200 }, items: [item('Acme wins award')] }];
    expect(sourcedItems(reads).map((i) => [i.sourceId, i.readFrom])).toEqual([['search', spec.id]]);
    expect(fallbackSource({ ...search, kind: 'custom' }, 'https://www.bing.com')).toBeNull();
  });
});

describe('CPU-bound steps take turns', () => {
  it('runs one step per turn of the event loop, so other work (an API request) runs between them', async () => {
    const turns = createCpuTurns();
    const order: string[] = [];
    let ticks = 0;
    const tick = () => {
      order.push('other');
      if (++ticks < 12) setImmediate(tick);
    };
    setImmediate(tick);
    await Promise.all([1, 2, 3, 4].map((i) => turns(() => void order.push(`step ${i}`))));
    const steps = order.map((o, i) => (o.startsWith('step') ? i : -1)).filter((i) => i >= 0);
    expect(order.filter((o) => o.startsWith('step'))).toEqual(['step 1', 'step 2', 'step 3', 'step 4']);
    for (let i = 1; i < steps.length; i++) expect(order.slice(steps[i - 1]! + 1, steps[i]!)).toContain('other');
  });

  it('passes a step’s result or failure through, and keeps going after a failure', async () => {
    const turns = createCpuTurns();
    await expect(turns(() => { throw new Error('bad feed'); })).rejects.toThrow('bad feed');
    expect(await turns(async () => 42)).toBe(42);
  });
});
