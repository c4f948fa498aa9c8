/**
 * Step 2, lease: claims the due sources for this cycle, so that of two cycles running at once
 * (scheduler retries, SQS redelivery, a `poll --once` beside the scheduler) only one asks a feed.
 *
 * - Sources are leased by batch: the slot's plan (PollPlanRepository) splits the hour's due sources
 *   into batches by company, and one conditional write takes a cycle's batches — a whole cycle of
 *   unchanged feeds costs two writes (take, finish), not one per feed. A cycle's batches are held
 *   until its slot ends: a poller that dies leaves them to the next slot's cycle, which finds them
 *   unfinished and asks their feeds (`resumeSlot`); a new or failing source it did not get to is
 *   still due by its next attempt.
 * - A new or failing source that comes due after its batch was done this hour (a company watched
 *   at 10:20), and those a queue message names, are leased one by one, with one conditional write
 *   on the next attempt each was loaded with; such a lease runs out by itself.
 */
import { HOUR_MS, MINUTE_MS } from '../../../domain/durations.js';
import type { FeedSource } from '../../../domain/feed-source.js';
import { batchesFor, pollLane, slotName, slotStart } from '../../../domain/news-watch/poll-schedule.js';
import type { SlotPlan } from '../../ports.js';
import type { PollCycle } from '../cycle.js';
import { byBatch } from './plan.js';

/**
 * How long a lease keeps other cycles off a source leased on its own: the fetch time limit (20 s)
 * plus waiting for a slot, storing and saving, with a wide margin.
 */
export const POLL_LEASE_MS = 5 * MINUTE_MS;

export interface LeaseResult {
  /** The sources this cycle won: only these are fetched and saved. */
  leased: FeedSource[];
  /** Due sources another cycle leased first. */
  leasedElsewhere: number;
}

/** Leases new and failing sources one by one. */
export async function leaseSources(cycle: Pick<PollCycle, 'deps' | 'now' | 'elapsedMs'>, sources: readonly FeedSource[]): Promise<LeaseResult> {
  if (sources.length === 0) return { leased: [], leasedElsewhere: 0 };
  const leaseUntil = new Date(cycle.now.getTime() + cycle.elapsedMs() + POLL_LEASE_MS);
  const won = await Promise.all(sources.map((s) => cycle.deps.repos.sources.lease(s.id, s.nextAttemptAt, leaseUntil)));
  const leased = sources.filter((_, i) => won[i]);
  const leasedElsewhere = sources.length - leased.length;
  if (leasedElsewhere > 0) {
    cycle.deps.logger?.debug('sources leased by another poll cycle', { companyKey: sources[0]!.companyKey, skipped: leasedElsewhere });
  }
  return { leased, leasedElsewhere };
}

/** The batches of one slot a cycle holds. */
export interface SlotHold {
  slot: string;
  /** The batches held: their sources are this cycle's to ask. */
  held: number[];
  /** The sources of the batches held. */
  leased: FeedSource[];
  /** Due sources in batches another cycle holds. */
  leasedElsewhere: number;
  /** Due sources in batches already done this slot (a scheduled one was asked; a new or failing one came due since). */
  inDoneBatches: FeedSource[];
  /** The batch each source of `leased` is in. */
  batchOf: Map<string, number>;
  /** When the hold ends (what a cycle that stops early gives back). */
  until: Date;
}

const NOTHING_HELD = (slot: number): SlotHold => ({ slot: slotName(slot), held: [], leased: [], leasedElsewhere: 0, inDoneBatches: [], batchOf: new Map(), until: new Date(0) });

/** Which batch each source of the held batches is in. */
function batchesOfSources(grouped: ReadonlyMap<number, readonly FeedSource[]>, held: readonly number[]): Map<string, number> {
  return new Map(held.flatMap((i) => (grouped.get(i) ?? []).map((s) => [s.id, i] as const)));
}

/** Until when a cycle holds the batches it takes: the end of its slot, and never less than a lease. */
function holdUntil(cycle: Pick<PollCycle, 'now' | 'elapsedMs'>, slot: number, wholeSlot: boolean): Date {
  const soon = cycle.now.getTime() + cycle.elapsedMs() + POLL_LEASE_MS;
  return new Date(wholeSlot ? Math.max(slotStart(slot).getTime() + HOUR_MS, soon) : soon);
}

/** The batches of a plan that are neither done nor held by a lease still running. */
function freeBatches(plan: SlotPlan, now: Date, wanted: readonly number[]): number[] {
  const at = now.toISOString();
  return wanted.filter((i) => plan.done[i] === undefined && (plan.leases[i] === undefined || plan.leases[i]! < at));
}

/** Takes the free batches among `wanted`: all in one write if it can, otherwise each on its own. */
async function take(cycle: Pick<PollCycle, 'deps' | 'now'>, plan: SlotPlan, wanted: readonly number[], until: Date): Promise<number[]> {
  const free = freeBatches(plan, cycle.now, wanted);
  if (free.length === 0) return [];
  const plans = cycle.deps.repos.pollPlans;
  if (await plans.lease(plan.slot, free, cycle.now, until)) return free;
  if (free.length === 1) return [];
  const won: number[] = [];
  for (const index of free) if (await plans.lease(plan.slot, [index], cycle.now, until)) won.push(index);
  return won;
}

/**
 * Takes the batches of `slot` that hold due sources: creates the slot's plan with all of them
 * taken when there is none yet (one write), or takes those still free in an existing plan.
 * `wholeSlot`: hold them to the slot's end (a local cycle), or for a lease (one batch of a queue).
 */
export async function holdSlot(
  cycle: Pick<PollCycle, 'deps' | 'now' | 'elapsedMs'>,
  slot: number,
  due: readonly FeedSource[],
  options: { wholeSlot: boolean; only?: number; batches?: number },
): Promise<SlotHold> {
  if (due.length === 0) return NOTHING_HELD(slot);
  const name = slotName(slot);
  const plans = cycle.deps.repos.pollPlans;
  const until = holdUntil(cycle, slot, options.wholeSlot);
  let plan = await plans.get(name);
  let held: number[] = [];
  if (!plan) {
    const batches = options.batches ?? batchesFor(due.length);
    const wanted = options.only !== undefined ? [options.only] : [...byBatch(due, batches).keys()];
    plan = await plans.create(name, batches, { indexes: wanted, until }, cycle.now);
    if (plan) held = wanted;
    else plan = await plans.get(name);
  }
  if (!plan) return { ...NOTHING_HELD(slot), leasedElsewhere: due.length };
  const grouped = byBatch(due, plan.batches);
  const wanted = options.only !== undefined ? [options.only] : [...grouped.keys()];
  if (held.length === 0) held = await take(cycle, plan, wanted, until);
  const sourcesOf = (indexes: readonly number[]) => indexes.flatMap((i) => grouped.get(i) ?? []);
  const leased = sourcesOf(held);
  const inDoneBatches = sourcesOf(wanted.filter((i) => !held.includes(i) && plan.done[i] !== undefined));
  return {
    slot: name,
    held,
    leased,
    leasedElsewhere: sourcesOf(wanted).length - leased.length - inDoneBatches.length,
    inDoneBatches,
    batchOf: batchesOfSources(grouped, held),
    until,
  };
}

/**
 * Marks the batches this cycle held done, so no other cycle asks their feeds again this slot —
 * except those with sources it did not get to (it was asked to stop): those it gives back, so the
 * next cycle (or the queue's redelivery) asks them.
 */
export async function finishSlot(cycle: Pick<PollCycle, 'deps' | 'now' | 'elapsedMs'>, hold: SlotHold, notAsked: ReadonlySet<string> = new Set()): Promise<void> {
  const unfinished = new Set([...notAsked].flatMap((id) => (hold.batchOf.has(id) ? [hold.batchOf.get(id)!] : [])));
  const done = hold.held.filter((i) => !unfinished.has(i));
  if (done.length > 0) await cycle.deps.repos.pollPlans.finish(hold.slot, done, new Date(cycle.now.getTime() + cycle.elapsedMs()));
  if (unfinished.size > 0) await cycle.deps.repos.pollPlans.release(hold.slot, [...unfinished], hold.until);
}

/** What a cycle finds of the previous slot's batches. */
export interface PreviousSlot {
  /** Batches abandoned by a cycle that died: this cycle holds them now, with their sources not due anyway. */
  hold: SlotHold;
  /** Sources of batches a cycle is still working on: not asked again now. */
  busy: Set<string>;
}

/**
 * The previous slot's unfinished batches. Those whose cycle still holds them are left alone (their
 * sources are not asked now either); those whose hold ran out — the cycle died — are taken over,
 * and their sources asked now unless they are due in this slot anyway (`dueNow`).
 */
export async function resumeSlot(cycle: Pick<PollCycle, 'deps' | 'now' | 'elapsedMs'>, slot: number, dueNow: ReadonlySet<string>): Promise<PreviousSlot> {
  const nothing: PreviousSlot = { hold: NOTHING_HELD(slot), busy: new Set() };
  const plan = await cycle.deps.repos.pollPlans.get(slotName(slot));
  const open = plan ? Array.from({ length: plan.batches }, (_, i) => i).filter((i) => plan.done[i] === undefined) : [];
  if (!plan || open.length === 0) return nothing;
  const at = cycle.now.toISOString();
  const running = open.filter((i) => plan.leases[i] !== undefined && plan.leases[i]! >= at);
  const abandoned = open.filter((i) => !running.includes(i));
  const grouped = byBatch((await cycle.deps.repos.sources.listScheduled(slot)).filter((s) => pollLane(s) === 'scheduled'), plan.batches);
  const busy = new Set(running.flatMap((i) => grouped.get(i) ?? []).map((s) => s.id));
  // Taken over only when some of its feeds are not due now anyway (those that are, are asked now).
  const stillOwed = abandoned.filter((i) => (grouped.get(i) ?? []).some((s) => !dueNow.has(s.id)));
  const until = holdUntil(cycle, slot + 1, true);
  const held = await take(cycle, plan, stillOwed, until);
  const leased = held.flatMap((i) => grouped.get(i) ?? []).filter((s) => !dueNow.has(s.id));
  return { hold: { slot: plan.slot, held, leased, leasedElsewhere: 0, inDoneBatches: [], batchOf: batchesOfSources(grouped, held), until }, busy };
}
