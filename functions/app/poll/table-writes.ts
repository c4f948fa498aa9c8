/**
 * Every write a poll cycle makes to the table, counted where it is made: the repositories the
 * cycle uses are wrapped so each write (conditional ones that lose included: DynamoDB charges
 * them too) is counted by kind — what `poll --once` reports as `tableWrites`.
 */
import type { PollDeps } from './poll-deps.js';

export interface TableWrites {
  /** Slot plans and batch leases, and leases of single sources. */
  leases: number;
  /** Feed states saved (an unchanged healthy feed saves none). */
  feedStates: number;
  /** Stories written (new ones, and known ones with a new source's copy). */
  stories: number;
  /** Alert messages in the outbox (recorded, leased, marked sent, given back, ended) and congratulations slots. */
  alerts: number;
}

export const totalWrites = (w: TableWrites) => w.leases + w.feedStates + w.stories + w.alerts;

const distinct = (ids: Iterable<string>) => new Set(ids).size;

/** The repository with some methods replaced; the others still answer (class methods included). */
function overriding<T extends object>(repo: T, methods: Partial<T>): T {
  return new Proxy(repo, {
    get(target, property, receiver) {
      if (Object.hasOwn(methods, property)) return methods[property as keyof T];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The dependencies with each write counted into the returned tally. */
export function countingTableWrites(deps: PollDeps): { deps: PollDeps; writes: TableWrites } {
  const writes: TableWrites = { leases: 0, feedStates: 0, stories: 0, alerts: 0 };
  const { sources, news, pollPlans, outbox, interviews } = deps.repos;
  const counted =
    <A extends unknown[], R>(kind: keyof TableWrites, write: (...args: A) => Promise<R>, count: (...args: NoInfer<A>) => number = () => 1) =>
    (...args: A): Promise<R> => {
      writes[kind] += count(...args);
      return write(...args);
    };
  return {
    writes,
    deps: {
      ...deps,
      repos: {
        ...deps.repos,
        sources: overriding(sources, {
          lease: counted('leases', sources.lease.bind(sources)),
          save: counted('feedStates', sources.save.bind(sources)),
          saveMany: counted('feedStates', sources.saveMany.bind(sources), (list) => distinct(list.map((s) => s.id))),
          upsertWatched: counted('feedStates', sources.upsertWatched.bind(sources)),
        }),
        news: overriding(news, {
          putMany: counted('stories', news.putMany.bind(news), (list) => distinct(list.map((s) => `${s.companyKey}/${s.id}`))),
          update: counted('stories', news.update.bind(news)),
        }),
        pollPlans: overriding(pollPlans, {
          create: counted('leases', pollPlans.create.bind(pollPlans)),
          lease: counted('leases', pollPlans.lease.bind(pollPlans), (...args) => (args[1].length > 0 ? 1 : 0)),
          finish: counted('leases', pollPlans.finish.bind(pollPlans), (...args) => (args[1].length > 0 ? 1 : 0)),
          release: counted('leases', pollPlans.release.bind(pollPlans), (...args) => (args[1].length > 0 ? 1 : 0)),
        }),
        outbox: overriding(outbox, {
          record: counted('alerts', outbox.record.bind(outbox)),
          lease: counted('alerts', outbox.lease.bind(outbox)),
          markSent: counted('alerts', outbox.markSent.bind(outbox)),
          release: counted('alerts', outbox.release.bind(outbox)),
          end: counted('alerts', outbox.end.bind(outbox)),
        }),
        interviews: overriding(interviews, {
          claimCongratsSlot: counted('alerts', interviews.claimCongratsSlot.bind(interviews)),
        }),
      },
    },
  };
}
