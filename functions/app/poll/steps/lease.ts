/**
 * Step 2, lease: claims a company's due sources for this cycle, each with one conditional write on
 * the next attempt it was loaded with. Of two cycles running at once only one fetches a feed; the
 * other counts it as leased elsewhere. The lease runs from the moment it is taken, so late
 * companies in a long cycle are covered as well as the first; a poller that dies leaves the source
 * due again when the lease runs out, with no clean-up needed.
 */
import type { FeedSource } from '../../../domain/feed-source.js';
import { MINUTE_MS } from '../../../domain/durations.js';
import type { PollCycle } from '../cycle.js';

/**
 * How long a lease keeps other cycles off a source: the fetch time limit (20 s) plus waiting for a
 * slot, storing and saving, with a wide margin.
 */
export const POLL_LEASE_MS = 5 * MINUTE_MS;

export interface LeaseResult {
  /** The sources this cycle won: only these are fetched and saved. */
  leased: FeedSource[];
  /** Due sources another cycle leased first. */
  leasedElsewhere: number;
}

export async function leaseSources(cycle: Pick<PollCycle, 'deps' | 'now' | 'elapsedMs'>, sources: readonly FeedSource[]): Promise<LeaseResult> {
  const leaseUntil = new Date(cycle.now.getTime() + cycle.elapsedMs() + POLL_LEASE_MS);
  const won = await Promise.all(sources.map((s) => cycle.deps.repos.sources.lease(s.id, s.nextAttemptAt, leaseUntil)));
  const leased = sources.filter((_, i) => won[i]);
  const leasedElsewhere = sources.length - leased.length;
  if (leasedElsewhere > 0) {
    cycle.deps.logger?.debug('sources leased by another poll cycle', { companyKey: sources[0]!.companyKey, skipped: leasedElsewhere });
  }
  return { leased, leasedElsewhere };
}
