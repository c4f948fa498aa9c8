/**
 * Why a feed could not be fetched. Every message is one line naming the URL; `transient` says
 * whether trying again later may help (network trouble, timeouts, 5xx) or not (a refused address,
 * an oversized body, a 404).
 */
import { FetchError } from '../../app/errors.js';

export { FetchError };

/** The URL or an address it resolves to is not allowed (scheme, credentials, port, non-public address). */
export class FetchRefusedError extends FetchError {
  readonly transient = false;
  constructor(url: string, reason: string) {
    super(`refused to fetch ${url}: ${reason}`, 'fetch_refused', url);
  }
}

/** The body went over the size cap (counted while streaming, after decompression too). */
export class FetchTooLargeError extends FetchError {
  readonly transient = false;
  constructor(
    url: string,
    readonly limitBytes: number,
  ) {
    super(`${url} is larger than ${Math.round(limitBytes / 1024 / 1024)} MB; stopped reading it`, 'fetch_too_large', url);
  }
}

/**
 * The whole fetch (all redirects and the body) took longer than the time limit: the server did not
 * answer, or answered and then sent the body too slowly to finish in time.
 */
export class FetchTimeoutError extends FetchError {
  readonly transient = true;
  constructor(
    url: string,
    readonly limitMs: number,
    readonly stage: 'answer' | 'body' = 'answer',
  ) {
    const limit = limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`;
    super(
      stage === 'answer' ? `${url} did not answer within ${limit}` : `${url} did not finish within ${limit} (it answered, but sent the feed too slowly)`,
      'fetch_timeout',
      url,
    );
  }
}

/** Too many redirects, or a redirect without a usable Location. */
export class FetchRedirectError extends FetchError {
  readonly transient = false;
  constructor(url: string, reason: string) {
    super(`${url}: ${reason}`, 'fetch_redirect', url);
  }
}

/** The server answered with a status the fetcher does not treat as a result (404, 500, …). */
export class FetchStatusError extends FetchError {
  readonly transient: boolean;
  constructor(
    url: string,
    readonly status: number,
  ) {
    super(`${url} answered HTTP ${status}`, 'fetch_status', url);
    this.transient = status >= 500 || status === 408;
  }
}

/** DNS failure, refused connection, TLS error, reset, bad compression. */
export class FetchNetworkError extends FetchError {
  readonly transient = true;
  constructor(url: string, detail: string) {
    super(`could not fetch ${url}: ${detail}`, 'fetch_network', url);
  }
}

/** The URL's host name could not be looked up: it does not exist (ENOTFOUND), or DNS did not answer. */
export class FetchNameError extends FetchNetworkError {
  constructor(
    url: string,
    readonly host: string,
    /** The resolver's code (ENOTFOUND, EAI_AGAIN, …), or null when it gave none. */
    readonly dnsCode: string | null,
  ) {
    super(url, `cannot resolve ${host} (${dnsCode ?? 'DNS error'})`);
  }

  /** True when the name does not exist, as opposed to DNS failing for now. */
  get nameDoesNotExist(): boolean {
    return this.dnsCode === 'ENOTFOUND' || this.dnsCode === 'ENODATA';
  }
}

/** Node's error codes for the network failures feeds meet, in words a person can act on. */
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was cut',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  EAI_AGAIN: 'its name could not be looked up just now',
  ENOTFOUND: 'its name does not exist',
  HPE_INVALID_CONSTANT: 'the server\'s answer is not valid HTTP',
  HPE_HEADER_OVERFLOW: 'the server\'s headers are too large',
  Z_DATA_ERROR: 'the compressed body is corrupt',
  Z_BUF_ERROR: 'the compressed body is cut short',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not from a trusted authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate cannot be verified',
};

/**
 * A network failure as one short phrase: known codes in words (with the code, for whoever
 * reports it), anything else as "a network error (<code>)" — never Node's own message, which
 * speaks of sockets and internals.
 */
export function describeNetworkFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && NETWORK_WORDS[code]) return `${NETWORK_WORDS[code]} (${code})`;
  return code && /^[A-Z0-9_]{2,40}$/.test(code) ? `a network error (${code})` : 'a network error';
}
