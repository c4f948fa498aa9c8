/**
 * Checks a feed URL a user adds against the fetcher's own rules (http(s), no credentials, web
 * ports, public addresses after DNS resolution), so a bad URL is refused when it is added rather
 * than failing silently at every poll. The same rules apply again at every fetch and redirect.
 */
import { ValidationError } from '../../app/errors.js';
import type { FeedUrlValidator } from '../../app/companies/ports.js';
import { AllowList } from './address-policy.js';
import { FetchError, FetchNameError } from './fetch-errors.js';
import { checkFeedUrl, resolveAllowedAddress, type ResolvedAddress } from './safe-fetch.js';

/** A host name that could not be looked up, said for the person who typed the address. */
function nameProblem(err: FetchNameError, url: string): string {
  return err.nameDoesNotExist
    ? `there is no site called ${err.host}, so ${url} cannot be a feed. Check the address for typos.`
    : `${err.host} could not be looked up just now, so ${url} could not be checked. Try again in a minute.`;
}

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
        if (err instanceof FetchNameError) throw new ValidationError(`feeds: ${nameProblem(err, url)}`);
        if (err instanceof FetchError) throw new ValidationError(`feeds: ${err.message}`);
        throw err;
      }
    },
  };
}
