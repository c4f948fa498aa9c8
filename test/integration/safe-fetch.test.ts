import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FetchRedirectError,
  FetchRefusedError,
  FetchStatusError,
  FetchTimeoutError,
  FetchTooLargeError,
} from '../../functions/adapters/http/fetch-errors.js';
import { safeFetch, type SafeFetchOptions } from '../../functions/adapters/http/safe-fetch.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Café news</title></channel></rss>';
const seen: http.IncomingHttpHeaders[] = [];
let server: http.Server;
let base: string;
let port: number;
/** About 50 KB on the wire, 50 MB once inflated. */
const gzipBomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));

/** windows-1252 bytes of Latin-1 text plus the three punctuation marks used below. */
const WINDOWS_1252_PUNCTUATION: Record<string, number> = { '“': 0x93, '”': 0x94, '—': 0x97 };
const windows1252 = (text: string) => Buffer.from([...text].map((c) => WINDOWS_1252_PUNCTUATION[c] ?? c.charCodeAt(0)));

function routes(req: http.IncomingMessage, res: http.ServerResponse): void {
  seen.push(req.headers);
  const path = req.url ?? '/';
  switch (path) {
    case '/feed':
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 02 Nov 2026 10:00:00 GMT' });
      res.end(FEED);
      return;
    case '/conditional':
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else {
        res.writeHead(200, { etag: '"v1"' });
        res.end(FEED);
      }
      return;
    case '/latin1-header':
      res.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' });
      res.end(Buffer.from('<rss><title>Société Générale à Zürich</title></rss>', 'latin1'));
      return;
    case '/cp1252-declaration':
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(windows1252('<?xml version="1.0" encoding="windows-1252"?><rss><title>“Acme” wins — again</title></rss>'));
      return;
    case '/utf16-bom':
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss><title>Ünïcödé</title></rss>', 'utf16le')]));
      return;
    case '/gzip':
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(FEED));
      return;
    case '/deflate':
      res.writeHead(200, { 'content-encoding': 'deflate' });
      res.end(zlib.deflateSync(FEED));
      return;
    case '/deflate-raw':
      res.writeHead(200, { 'content-encoding': 'deflate' });
      res.end(zlib.deflateRawSync(FEED));
      return;
    case '/br':
      res.writeHead(200, { 'content-encoding': 'br' });
      res.end(zlib.brotliCompressSync(FEED));
      return;
    case '/gzip-bomb':
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipBomb);
      return;
    case '/declared-huge':
      res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) });
      res.write('<rss>');
      return; // never finishes: the fetcher must not wait for it
    case '/endless': {
      res.writeHead(200, { 'content-type': 'text/xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    case '/silent':
      return; // never answers
    case '/drip': {
      res.writeHead(200);
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('<')), 50);
      return;
    }
    case '/redirect-1':
      res.writeHead(301, { location: '/redirect-2' });
      res.end();
      return;
    case '/redirect-2':
      res.writeHead(302, { location: `${base}/redirect-3` });
      res.end();
      return;
    case '/redirect-3':
      res.writeHead(307, { location: '/feed' });
      res.end();
      return;
    case '/redirect-loop':
      res.writeHead(302, { location: '/redirect-loop' });
      res.end();
      return;
    case '/redirect-to-loopback':
      res.writeHead(302, { location: `http://127.0.0.2:${port}/feed` });
      res.end();
      return;
    case '/redirect-to-metadata':
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
      return;
    case '/redirect-to-file':
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
      return;
    case '/too-many-requests':
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
      return;
    case '/unavailable-date':
      res.writeHead(503, { 'retry-after': 'Wed, 04 Nov 2026 12:00:00 GMT' });
      res.end();
      return;
    case '/unavailable':
      res.writeHead(503);
      res.end();
      return;
    case '/gone':
      res.writeHead(410);
      res.end();
      return;
    case '/host':
      res.writeHead(200);
      res.end(`<host>${req.headers.host}</host>`);
      return;
    default:
      res.writeHead(404);
      res.end();
  }
}

beforeAll(async () => {
  server = http.createServer(routes);
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const allowed: SafeFetchOptions = { allowHosts: ['127.0.0.1'] };
const fetchFrom = (path: string, extra: SafeFetchOptions = {}) => safeFetch(`${base}${path}`, { ...allowed, ...extra });

describe('safeFetch against a local server', () => {
  it('fetches a feed with its validators and a descriptive User-Agent', async () => {
    const result = await fetchFrom('/feed');
    expect(result).toMatchObject({ kind: 'ok', status: 200, text: FEED, charset: 'utf-8', etag: '"v1"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT' });
    const headers = seen.at(-1)!;
    expect(headers['user-agent']).toMatch(/^afterview\/\S+ \(/);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('is refused without the allow list, like any loopback address', async () => {
    await expect(safeFetch(`${base}/feed`)).rejects.toBeInstanceOf(FetchRefusedError);
  });

  it('sends If-None-Match / If-Modified-Since and reports 304 as not-modified', async () => {
    const result = await fetchFrom('/conditional', { validators: { etag: '"v1"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT' } });
    expect(result).toEqual({ kind: 'not-modified', url: `${base}/conditional`, etag: '"v1"', lastModified: undefined });
    expect(seen.at(-1)!['if-none-match']).toBe('"v1"');
    expect(seen.at(-1)!['if-modified-since']).toBe('Mon, 02 Nov 2026 10:00:00 GMT');
    expect((await fetchFrom('/conditional')).kind).toBe('ok');
  });

  it.each([
    ['/latin1-header', 'iso-8859-1', 'Société Générale à Zürich'],
    ['/cp1252-declaration', 'windows-1252', '“Acme” wins — again'],
    ['/utf16-bom', 'utf-16le', 'Ünïcödé'],
  ])('decodes %s as %s', async (path, charset, title) => {
    const result = await fetchFrom(path);
    expect(result.kind === 'ok' && result.charset).toBe(charset);
    expect(result.kind === 'ok' && result.text).toContain(title);
    expect(result.kind === 'ok' && result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it.each(['/gzip', '/deflate', '/deflate-raw', '/br'])('decompresses %s', async (path) => {
    const result = await fetchFrom(path);
    expect(result.kind === 'ok' && result.text).toBe(FEED);
  });

  it('caps the decompressed size too (a gzip bomb stops at the cap)', async () => {
    expect(gzipBomb.length).toBeLessThan(1024 * 1024);
    await expect(fetchFrom('/gzip-bomb', { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(FetchTooLargeError);
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    const started = Date.now();
    await expect(fetchFrom('/declared-huge')).rejects.toThrow(/larger than 5 MB/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('cuts off an endless body at the cap while streaming', async () => {
    await expect(fetchFrom('/endless', { maxBytes: 2 * 1024 * 1024 })).rejects.toBeInstanceOf(FetchTooLargeError);
  });

  it('stops a server that never answers at the time limit', async () => {
    const started = Date.now();
    await expect(fetchFrom('/silent', { timeoutMs: 300 })).rejects.toBeInstanceOf(FetchTimeoutError);
    await expect(fetchFrom('/silent', { timeoutMs: 300 })).rejects.toThrow(/\/silent did not answer within 300 ms$/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('counts the time limit over the whole body, not per chunk', async () => {
    // It answered at once, then sent a byte every 50 ms: it did answer, it did not finish.
    await expect(fetchFrom('/drip', { timeoutMs: 400 })).rejects.toThrow(/\/drip did not finish within 400 ms \(it answered, but sent the feed too slowly\)$/);
  });

  it('follows up to 3 redirects (relative and absolute) and reports the final URL', async () => {
    const result = await fetchFrom('/redirect-1');
    expect(result).toMatchObject({ kind: 'ok', url: `${base}/feed`, text: FEED });
  });

  it('stops a redirect loop after 3 hops', async () => {
    await expect(fetchFrom('/redirect-loop')).rejects.toBeInstanceOf(FetchRedirectError);
  });

  it.each([
    ['/redirect-to-loopback', /127\.0\.0\.2 is a loopback address/],
    ['/redirect-to-metadata', /169\.254\.169\.254 is a link-local address/],
    ['/redirect-to-file', /only http and https/],
  ])('checks the address again at every hop: %s', async (path, reason) => {
    const err = await fetchFrom(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchRefusedError);
    expect((err as Error).message).toMatch(reason);
  });

  it('reports 429 with Retry-After in seconds', async () => {
    const now = new Date('2026-11-04T10:00:00Z');
    const result = await fetchFrom('/too-many-requests', { now: () => now });
    expect(result).toEqual({ kind: 'retry-later', url: `${base}/too-many-requests`, status: 429, retryAfter: new Date('2026-11-04T10:02:00Z') });
  });

  it('reports 503 with Retry-After as an HTTP date, or without one', async () => {
    const now = () => new Date('2026-11-04T10:00:00Z');
    expect(await fetchFrom('/unavailable-date', { now })).toMatchObject({ kind: 'retry-later', status: 503, retryAfter: new Date('2026-11-04T12:00:00Z') });
    expect(await fetchFrom('/unavailable', { now })).toMatchObject({ kind: 'retry-later', status: 503, retryAfter: null });
  });

  it('reports 410 as gone', async () => {
    expect(await fetchFrom('/gone')).toEqual({ kind: 'gone', url: `${base}/gone` });
  });

  it('raises a typed error for other statuses', async () => {
    const err = await fetchFrom('/missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchStatusError);
    expect(err).toMatchObject({ status: 404, transient: false });
  });

  it('connects to the address it checked while keeping the host name (no second lookup)', async () => {
    // "feeds.test" does not exist in any DNS: the connection can only reach the server through
    // the pinned, pre-checked address, and the server still sees the name in Host.
    let lookups = 0;
    const result = await safeFetch(`http://feeds.test:${port}/host`, {
      allowHosts: ['127.0.0.1'],
      resolve: async () => {
        lookups++;
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    expect(result.kind === 'ok' && result.text).toBe(`<host>feeds.test:${port}</host>`);
    expect(lookups).toBe(1);
  });
});

describe('afterview fetch-feed', () => {
  async function run(url: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    const { PassThrough, Readable } = await import('node:stream');
    const { main } = await import('../../functions/cli/main.js');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await main(['fetch-feed', url], { stdin: Readable.from([]), stdout, stderr, env });
    return { code, stdout: out, stderr: err };
  }

  it('fetches and parses through AFTERVIEW_ALLOW_HOSTS', async () => {
    const { code, stdout } = await run(`${base}/gzip`, { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ title: 'Café news', items: [] });
  });

  it.each([
    [`/feed`, {}, 2, /loopback address/],
    [`/redirect-to-metadata`, { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' }, 2, /link-local/],
    [`/gone`, { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' }, 2, /410 Gone/],
    [`/host`, { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' }, 2, /not a readable RSS\/Atom feed/],
    [`/unavailable`, { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' }, 1, /HTTP 503/],
  ])('%s exits %i with one line', async (path, env, exitCode, message) => {
    const { code, stdout, stderr } = await run(`${base}${path}`, env);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
