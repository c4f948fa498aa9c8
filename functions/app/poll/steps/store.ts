/**
 * Step 9, store — and the writer every later write goes through. A company's stories and the feed
 * states that follow them are handed over together (`commit`), so the order cannot be got wrong:
 * stories are written before any state committed with or after them, and a state that saves new
 * validators is dropped if a story write failed, so the next cycle fetches those items again.
 * Writes are batched 25 at a time across companies.
 */
import type { FeedSource } from '../../../domain/feed-source.js';
import type { Story } from '../../../domain/news.js';
import type { NewsRepository, SourceRepository } from '../../ports.js';

/** A feed's state after this cycle, and whether it saves validators for items fetched now. */
export interface FeedStateWrite {
  state: FeedSource;
  /** True when the state's new ETag / Last-Modified covers items this cycle fetched. */
  coversFetchedItems: boolean;
}

/** What one company hands the writer: its new and changed stories, then its feed states. */
export interface CompanyWrites {
  stories: Story[];
  states: FeedStateWrite[];
}

export interface CycleWriter {
  /** Queues the company's writes; may write a full batch (and throws if that fails). */
  commit(writes: CompanyWrites): Promise<void>;
  /** Writes what is still queued: stories first, then states. */
  flush(): Promise<void>;
}

export const WRITE_BATCH = 25;
/**
 * Feed states wait until this many are queued (or the cycle ends): written earlier, they would
 * force out part-filled story batches ahead of them. A cycle that dies before writing them only
 * means its feeds are read again with their old validators.
 */
export const STATES_QUEUED = 10 * WRITE_BATCH;

/** One story per id in a batch (a batch may not name a key twice): the last version wins. */
function latestById(stories: readonly Story[]): Story[] {
  return [...new Map(stories.map((s) => [`${s.companyKey}\n${s.id}`, s])).values()];
}

export function createCycleWriter(repos: { news: Pick<NewsRepository, 'putMany'>; sources: Pick<SourceRepository, 'saveMany'> }): CycleWriter {
  let stories: Story[] = [];
  let states: FeedStateWrite[] = [];
  let storiesFailed = false;

  const flushStories = async () => {
    const batch = latestById(stories);
    stories = [];
    if (batch.length === 0) return;
    try {
      await repos.news.putMany(batch);
    } catch (err) {
      storiesFailed = true;
      throw err;
    }
  };
  const flushStates = async () => {
    await flushStories();
    const batch = states.filter((s) => !(storiesFailed && s.coversFetchedItems)).map((s) => s.state);
    states = [];
    if (batch.length > 0) await repos.sources.saveMany(batch);
  };

  return {
    async commit(writes) {
      stories.push(...writes.stories);
      states.push(...writes.states);
      if (stories.length >= WRITE_BATCH) await flushStories();
      if (states.length >= STATES_QUEUED) await flushStates();
    },
    flush: flushStates,
  };
}
