/**
 * Whether each of a subscriber's news sources is being read (DESIGN.md §2: "a source that keeps
 * failing must not stop the others, and its health is visible"): per source, when it was last
 * read, when it last had a new story, and since when it fails — for the API's companies resource
 * and the web app's Companies page.
 *
 * A healthy feed on its schedule that answers 304 writes nothing, so when it was last read comes
 * from the hourly slot plans: the latest slot of its schedule whose batch with its company is done.
 */
import type { WatchedCompany } from '../../domain/company.js';
import type { FeedSource } from '../../domain/feed-source.js';
import { feedHealth, type FeedHealth } from '../../domain/news-watch/feed-health.js';
import { batchOf, dueInSlot, pollLane, slotName, slotOf } from '../../domain/news-watch/poll-schedule.js';
import type { Clock, PollPlanRepository, SlotPlan, SourceRepository } from '../ports.js';

export interface SourceHealthDeps {
  repos: { sources: Pick<SourceRepository, 'getMany'>; pollPlans: Pick<PollPlanRepository, 'getMany'> };
  clock: Clock;
}

/** What a person is shown about one source. */
export interface SourceStatus {
  kind: 'news-search' | 'feed' | 'fallback-news-search';
  url: string;
  /** `ok`, `failing`, `paused` (failed so often it is tried weekly), `gone` (410), `waiting` (not read yet). */
  health: FeedHealth | 'waiting';
  lastReadAt: string | null;
  lastNewStoryAt: string | null;
  failingSince: string | null;
}

/** Slots looked back over for a healthy feed's last read: its longest interval, twice. */
const LOOK_BACK_SLOTS = 24;

function lastScheduledRead(source: FeedSource, plans: ReadonlyMap<string, SlotPlan>, now: Date): string | null {
  if (pollLane(source) !== 'scheduled') return null;
  const current = slotOf(now);
  for (let slot = current; slot > current - LOOK_BACK_SLOTS; slot--) {
    if (!dueInSlot(source.id, source.intervalHours!, slot)) continue;
    const plan = plans.get(slotName(slot));
    const done = plan?.done[batchOf(source.companyKey, plan.batches)];
    if (done) return done;
  }
  return null;
}

function statusOf(source: FeedSource, plans: ReadonlyMap<string, SlotPlan>, now: Date): SourceStatus {
  const scheduled = lastScheduledRead(source, plans, now);
  const stored = source.lastReadAt ?? null;
  const lastReadAt = scheduled && (!stored || scheduled > stored) ? scheduled : stored;
  return {
    kind: source.kind === 'custom' ? 'feed' : source.kind === 'news-search' ? 'news-search' : 'fallback-news-search',
    url: source.url,
    health: lastReadAt === null && source.consecutiveFailures === 0 && !source.disabled ? 'waiting' : feedHealth(source),
    lastReadAt,
    lastNewStoryAt: source.lastNewStoryAt ?? null,
    failingSince: source.failingSince ?? null,
  };
}

/** The sources of each company (by company id): its news search, the feeds added, and a fallback in use. */
export async function sourceHealth(deps: SourceHealthDeps, companies: readonly WatchedCompany[]): Promise<Map<string, SourceStatus[]>> {
  const now = deps.clock.now();
  const sources = new Map((await deps.repos.sources.getMany(companies.flatMap((c) => c.sourceIds))).map((s) => [s.id, s]));
  const fallbacks = await deps.repos.sources.getMany([...sources.values()].flatMap((s) => (s.fallbackInUse ? [s.fallbackInUse] : [])));
  for (const f of fallbacks) sources.set(f.id, f);
  const current = slotOf(now);
  const plans = new Map(
    (await deps.repos.pollPlans.getMany(Array.from({ length: LOOK_BACK_SLOTS }, (_, i) => slotName(current - i)))).map((p) => [p.slot, p]),
  );
  return new Map(
    companies.map((company) => [
      company.id,
      company.sourceIds.flatMap((id) => {
        const source = sources.get(id);
        if (!source) return [];
        const fallback = source.fallbackInUse ? sources.get(source.fallbackInUse) : undefined;
        return [statusOf(source, plans, now), ...(fallback && !fallback.disabled ? [statusOf(fallback, plans, now)] : [])];
      }),
    ]),
  );
}
