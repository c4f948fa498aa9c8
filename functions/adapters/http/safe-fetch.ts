/**
 * The one fetcher for every feed. Feed URLs are untrusted, so it:
 * - accepts http(s) only, without credentials, on port 80/443 or an unprivileged port;
 * - resolves the host itself and refuses any non-public address (address-policy.ts), at every
 *   redirect hop (redirects are followed manually, at most 3);
 * - connects to the very address it checked (a custom `lookup` hands it to the socket), so a
 *   second DNS answer (rebinding) cannot swap it; Host and TLS SNI stay the host name;
 * - stops after a total time limit and a body cap counted while streaming (compressed and
 *   decompressed), destroying the socket instead of buffering what is left;
 * - decodes the charset; sends conditional GET headers; reports 304, 410, 429/503 as results.
 *
 * Node's own `fetch` cannot pin the connected address or cap a body before buffering it without
 * an extra dependency (undici's dispatcher), so this uses node:http/https directly.
 */
import { promises as dns } from 'node:dns';
import http, { type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AllowList, judgeAddress, parseIp } from './address-policy.js';
import { decodeFeedBytes } from '../../domain/feed/charset.js';
import { FEED_MAX_BYTES } from '../../domain/feed/limits.js';
import type { FeedFetcher, FeedValidators, FetchResult } from '../../app/ports.js';
import {
  describeNetworkFailure,
  FetchError,
  FetchNameError,
  FetchNetworkError,
  FetchRedirectError,
  FetchRefusedError,
  FetchStatusError,
  FetchTimeoutError,
  FetchTooLargeError,
} from './fetch-errors.js';

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BODY_BYTES = FEED_MAX_BYTES;
export const MAX_REDIRECTS = 3;
export const DEFAULT_USER_AGENT = 'afterview/0.1 (job-search news watch; polls each feed at most hourly, honours 304 and Retry-After)';

/** One resolved address. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface SafeFetchOptions {
  /** Hosts/IPs reachable although not public (Config.allowHosts): the only way around the address rules. */
  allowHosts?: readonly string[] | AllowList;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  validators?: FeedValidators;
  /** Resolves a host name to every address it has (default: the system resolver, all addresses). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** For turning an HTTP-date Retry-After into an instant. */
  now?: () => Date;
}

export type { FeedValidators, FetchResult };

/** The {@link FeedFetcher} port: the safe fetcher with the deployment's allowed hosts bound in. */
export function createSafeFetcher(options: Pick<SafeFetchOptions, 'allowHosts' | 'timeoutMs' | 'maxBytes'> = {}): FeedFetcher {
  return (url, more) => safeFetch(url, { ...options, ...more });
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Kept-alive connections: many feeds live on one host (every news search is on news.google.com),
 * and a reused connection spares the server a TLS handshake per feed. Idle sockets do not keep
 * the process alive. Any socket that saw an error, a cap or a timeout is destroyed, never reused.
 */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 16, maxFreeSockets: 16, scheduling: 'lifo' as const, timeout: 30_000 };
const httpAgent = new http.Agent(AGENT_OPTIONS);
const httpsAgent = new https.Agent(AGENT_OPTIONS);

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** Checks the URL itself: scheme, credentials, port. Returns the parsed URL. */
export function checkFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError(raw.slice(0, 200), 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefusedError(url.href, `only http and https are fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (url.username || url.password) {
    const shown = new URL(url.href);
    shown.username = '';
    shown.password = '';
    throw new FetchRefusedError(shown.href, 'URLs with credentials are not fetched');
  }
  if (url.port) {
    const port = Number(url.port);
    // Well-known ports other than the web's host other services (mail, SSH, …): no feed lives there.
    if (port < 1024 && port !== 80 && port !== 443) throw new FetchRefusedError(url.href, `port ${port} is not a web port`);
  }
  return url;
}

/**
 * Resolves the URL's host and checks every address; returns the one to connect to.
 * Refuses when any address is non-public (a mixed answer is as suspicious as an all-private one).
 */
export async function resolveAllowedAddress(
  url: URL,
  allow: AllowList,
  resolve: (hostname: string) => Promise<ResolvedAddress[]> = systemResolve,
): Promise<ResolvedAddress> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const hostAllowed = allow.allowsHost(host);
  const literal = parseIp(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: literal.toString(), family: literal.kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      throw new FetchNameError(url.href, host, (err as NodeJS.ErrnoException).code ?? null);
    }
    if (addresses.length === 0) throw new FetchNetworkError(url.href, `${host} has no address`);
  }
  for (const a of addresses) {
    if (hostAllowed || allow.allowsAddress(a.address)) continue;
    const ip = parseIp(a.address);
    if (!ip) throw new FetchRefusedError(url.href, `${host} resolved to something that is not an IP address`);
    const verdict = judgeAddress(ip);
    if (!verdict.allowed) {
      const shown = literal ? host : `${host} (${a.address})`;
      throw new FetchRefusedError(url.href, `${shown} is ${verdict.reason}`);
    }
  }
  return addresses[0]!;
}

/** Hands the socket the address already checked, whatever it asks for. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

/** Parses Retry-After: delay-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | undefined, now: Date): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : new Date(Math.max(at, now.getTime()));
}

function header(res: IncomingMessage, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A decompressor for the response's Content-Encoding (null for identity). */
function decoderFor(encoding: string | undefined, firstByte: number | undefined, url: string): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return null;
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  // "deflate" is meant to be zlib-wrapped but some servers send raw deflate: a zlib header starts with 0x?8.
  if (e === 'deflate') return firstByte !== undefined && (firstByte & 0x0f) === 8 ? zlib.createInflate() : zlib.createInflateRaw();
  if (e === 'br') return zlib.createBrotliDecompress();
  throw new FetchNetworkError(url, `unsupported Content-Encoding "${e.slice(0, 40)}"`);
}

interface Hop {
  url: URL;
  target: ResolvedAddress;
  headers: Record<string, string>;
}

/** Sends one request and resolves with the response head (the body is still unread). */
function requestHead(hop: Hop, onRequest: (req: http.ClientRequest) => void): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const isHttps = hop.url.protocol === 'https:';
    const options: RequestOptions & { servername?: string } = {
      protocol: hop.url.protocol,
      hostname: hop.url.hostname.startsWith('[') ? hop.url.hostname.slice(1, -1) : hop.url.hostname,
      port: hop.url.port || (isHttps ? 443 : 80),
      path: `${hop.url.pathname}${hop.url.search}`,
      method: 'GET',
      headers: hop.headers,
      // Used whenever the agent opens a connection, so a new socket only ever reaches the address
      // checked for this request; a pooled socket reaches one checked for an earlier request.
      lookup: pinnedLookup(hop.target),
      agent: isHttps ? httpsAgent : httpAgent,
    };
    const req = (isHttps ? https : http).request(options, resolve);
    onRequest(req);
    req.on('error', (err) => reject(err));
    req.end();
  });
}

/** Reads the body while counting; destroys the stream as soon as a cap is passed. */
function readCapped(res: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let wireBytes = 0;
    let decoded: Readable | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      res.destroy();
      decoded?.destroy();
      reject(err);
    };
    const collect = (stream: Readable) => {
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return fail(new FetchTooLargeError(url, maxBytes));
        chunks.push(chunk);
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(Buffer.concat(chunks, size));
      });
      stream.on('error', (err: NodeJS.ErrnoException) =>
        fail(err instanceof FetchError ? err : new FetchNetworkError(url, describeNetworkFailure(err))),
      );
    };
    res.on('error', (err) => fail(err instanceof FetchError ? err : new FetchNetworkError(url, describeNetworkFailure(err))));
    res.on('aborted', () => fail(new FetchNetworkError(url, 'the connection was cut')));
    let started = false;
    res.on('data', (chunk: Buffer) => {
      wireBytes += chunk.length;
      if (wireBytes > maxBytes) return fail(new FetchTooLargeError(url, maxBytes));
      if (!started) {
        started = true;
        try {
          const decoder = decoderFor(header(res, 'content-encoding'), chunk[0], url);
          if (decoder) {
            decoded = decoder;
            collect(decoder);
          }
        } catch (err) {
          return fail(err as Error);
        }
      }
      if (decoded) (decoded as zlib.Gunzip).write(chunk);
      else {
        size += chunk.length;
        if (size > maxBytes) return fail(new FetchTooLargeError(url, maxBytes));
        chunks.push(chunk);
      }
    });
    res.on('end', () => {
      if (settled) return;
      if (decoded) (decoded as zlib.Gunzip).end();
      else {
        settled = true;
        resolve(Buffer.concat(chunks, size));
      }
    });
  });
}

/**
 * Fetches a feed under the product's rules. Resolves with a {@link FetchResult}; throws a
 * {@link FetchError} subclass (one-line message) for refusals, limits and failures.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<FetchResult> {
  const allow = options.allowHosts instanceof AllowList ? options.allowHosts : new AllowList(options.allowHosts ?? []);
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? (() => new Date());

  const baseHeaders: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.validators?.etag) baseHeaders['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) baseHeaders['if-modified-since'] = options.validators.lastModified;

  let current: http.ClientRequest | null = null;
  let timedOut = false;
  // Whether the last request got its answer (status and headers): then only the body was too slow.
  let answered = false;
  const timeoutError = () => new FetchTimeoutError(rawUrl, timeoutMs, answered ? 'body' : 'answer');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      current?.destroy();
      reject(timeoutError());
    }, timeoutMs);
  });
  timeout.catch(() => undefined);

  const run = async (): Promise<FetchResult> => {
    let url = checkFeedUrl(rawUrl);
    for (let redirects = 0; ; redirects++) {
      const target = await resolveAllowedAddress(url, allow, options.resolve);
      if (timedOut) throw timeoutError();
      let res: IncomingMessage;
      try {
        res = await requestHead({ url, target, headers: baseHeaders }, (req) => {
          current = req;
        });
      } catch (err) {
        if (timedOut) throw timeoutError();
        throw new FetchNetworkError(url.href, describeNetworkFailure(err));
      }
      const status = res.statusCode ?? 0;
      answered = !REDIRECT_STATUSES.has(status);
      if (REDIRECT_STATUSES.has(status)) {
        res.destroy();
        const location = header(res, 'location');
        if (!location) throw new FetchRedirectError(url.href, `HTTP ${status} without a Location`);
        if (redirects >= MAX_REDIRECTS) throw new FetchRedirectError(rawUrl, `more than ${MAX_REDIRECTS} redirects`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchRedirectError(url.href, 'redirect to an invalid URL');
        }
        url = checkFeedUrl(next.href);
        continue;
      }
      const etag = header(res, 'etag');
      const lastModified = header(res, 'last-modified');
      if (status === 304) {
        // A 304 has no body: let it end so the connection can be reused.
        res.resume();
        return { kind: 'not-modified', url: url.href, etag, lastModified };
      }
      if (status === 410) {
        res.destroy();
        return { kind: 'gone', url: url.href };
      }
      if (status === 429 || status === 503) {
        res.destroy();
        return { kind: 'retry-later', url: url.href, status, retryAfter: parseRetryAfter(header(res, 'retry-after'), now()) };
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new FetchStatusError(url.href, status);
      }
      const declared = Number(header(res, 'content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        throw new FetchTooLargeError(url.href, maxBytes);
      }
      let body: Buffer;
      try {
        body = await readCapped(res, url.href, maxBytes);
      } catch (err) {
        if (timedOut) throw timeoutError();
        throw err;
      }
      const { text, charset } = decodeFeedBytes(body, header(res, 'content-type'));
      return { kind: 'ok', url: url.href, status, text, charset, bytes: body.length, etag, lastModified };
    }
  };

  try {
    return await Promise.race([run(), timeout]);
  } catch (err) {
    // Whatever went wrong, the connection is not reused.
    (current as http.ClientRequest | null)?.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
