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

/** The whole fetch (all redirects and the body) took longer than the time limit. */
export class FetchTimeoutError extends FetchError {
  readonly transient = true;
  constructor(
    url: string,
    readonly limitMs: number,
  ) {
    super(`${url} did not answer within ${Math.round(limitMs / 1000)} s`, 'fetch_timeout', url);
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
