/**
 * Checks a feed URL a user adds against the fetcher's own rules (http(s), no credentials, web
 * ports, public addresses after DNS resolution), so a bad URL is refused when it is added rather
 * than failing silently at every poll. The same rules apply again at every fetch and redirect.
 */
import { ValidationError } from '../../app/errors.js';
import type { FeedUrlValidator } from '../../app/companies/ports.js';
import { AllowList } from './address-policy.js';
import { FetchError } from './fetch-errors.js';
import { checkFeedUrl, resolveAllowedAddress, type ResolvedAddress } from './safe-fetch.js';

export function createFeedUrlValidator(options: {
  allowHosts: readonly string[];
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}): FeedUrlValidator {
  const allow = new AllowList(options.allowHosts);
  return {
    async validate(url: string): Promise<void> {
      try {
        await resolveAllowedAddress(checkFeedUrl(url), allow, options.resolve);
      } catch (err) {
        if (err instanceof FetchError) throw new ValidationError(`feeds: ${err.message}`);
        throw err;
      }
    },
  };
}
