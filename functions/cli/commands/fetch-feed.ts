/**
 * `afterview fetch-feed <url>`: fetches a feed with the product's safe fetcher (same address
 * rules, limits and charset handling as the poller; AFTERVIEW_ALLOW_HOSTS applies) and prints it
 * as `parse-feed` does. A refused, oversized or unreadable feed exits 2; a temporary failure
 * (timeout, network, 5xx, 429) exits 1.
 */
import { AppError, FetchError, UsageError, ValidationError } from '../../app/errors.js';
import { loadConfig } from '../../config/env.js';
import { FeedParseError, parseFeed } from '../../domain/feed/parse-feed.js';
import { feedFetcherFor } from '../../wiring/local.js';
import { writeLine, type CliCommand } from '../command.js';
import { readArguments } from '../options.js';

const USAGE = `
Usage: afterview fetch-feed <url>

Fetches an http(s) feed with the safe fetcher — public addresses only (AFTERVIEW_ALLOW_HOSTS
lists exceptions), at most 3 redirects, 20 s, 5 MB — and prints
{"title","items":[{"title","link","publisher","publishedAt","guid","summary"}]}.
Exit 2 when the URL is refused or is not a readable feed; exit 1 when the server is
unreachable or asks to come back later.
`;

/** A temporary failure: not the URL's fault, so not exit 2. */
class FetchUnavailableError extends AppError {
  constructor(message: string) {
    super(message, 'fetch_unavailable');
  }
}

export const command: CliCommand = {
  name: 'fetch-feed',
  summary: 'fetch and parse a feed with the safe fetcher',
  usage: USAGE,
  async run(args, io) {
    const { argument: url } = readArguments('fetch-feed', args, 'afterview fetch-feed <url>', { argument: true });
    if (!url) throw new UsageError('fetch-feed: a URL is required (usage: afterview fetch-feed <url>)');
    const config = loadConfig(io.env);
    try {
      const result = await feedFetcherFor(config)(url);
      switch (result.kind) {
        case 'ok': {
          const feed = await parseFeed(result.text, { baseUrl: result.url });
          await writeLine(io.stdout, JSON.stringify(feed));
          return 0;
        }
        case 'gone':
          throw new ValidationError(`${result.url} answered 410 Gone: the feed no longer exists`);
        case 'retry-later':
          throw new FetchUnavailableError(
            `${result.url} answered HTTP ${result.status}${result.retryAfter ? `; try again after ${result.retryAfter.toISOString()}` : '; try again later'}`,
          );
        case 'not-modified':
          throw new FetchUnavailableError(`${result.url} answered 304 Not Modified to a request without validators`);
      }
    } catch (err) {
      if (err instanceof FetchError) throw err.transient ? new FetchUnavailableError(err.message) : new ValidationError(err.message);
      if (err instanceof FeedParseError) throw new ValidationError(`${url}: ${err.message}`);
      throw err;
    }
  },
};
