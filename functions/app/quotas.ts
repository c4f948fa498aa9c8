/**
 * Account limits (functions/domain/quotas.ts) that hold under concurrent requests. A counter per
 * subscriber and kind is taken with one conditional write *before* the thing it counts is stored,
 * so two requests racing for the last unit cannot both get it; removing the thing gives the unit
 * back. The table has no transactions (dynalite lacks them, DESIGN.md), so a request that dies
 * between taking a unit and storing leaves the counter one too high: when the counter says
 * "full", what is really stored is counted, and a counter that ran ahead is corrected — but only
 * once no unit was taken for {@link SETTLED_AFTER_MS}, since until then a request that took a
 * unit may still be storing its thing (counting it then would let a concurrent request past the
 * limit).
 */
import { MINUTE_MS } from '../domain/durations.js';
import { LIMIT_REACHED, LIMITS } from '../domain/quotas.js';
import { QuotaExceededError } from './errors.js';
import type { Clock, QuotaKind, QuotaRepository } from './ports.js';

/** Far longer than any request runs (the API function stops after 10 s): no unit is still in flight. */
export const SETTLED_AFTER_MS = 15 * MINUTE_MS;

export interface QuotaDependencies {
  repos: { quotas: QuotaRepository };
  clock: Clock;
}

const RULES: Record<QuotaKind, { limit: number; reached: string }> = {
  companies: { limit: LIMITS.companiesPerSubscriber, reached: LIMIT_REACHED.companies },
  interviews: { limit: LIMITS.interviewsPerSubscriber, reached: LIMIT_REACHED.interviews },
};

/**
 * Takes one unit of `kind` for the subscriber or throws QuotaExceededError naming the limit.
 * `countStored` counts what the subscriber really has (asked only when the counter refuses or
 * does not exist yet, e.g. for an account from before quotas).
 */
async function take(deps: QuotaDependencies, subscriberId: string, kind: QuotaKind, countStored: () => Promise<number>): Promise<void> {
  const { limit, reached } = RULES[kind];
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.clock.now();
    const result = await deps.repos.quotas.take(subscriberId, kind, limit, now);
    if (result.taken) return;
    const stored = await countStored();
    if (result.counted === null) {
      await deps.repos.quotas.start(subscriberId, kind, stored);
      continue;
    }
    const settled = result.lastTakenAt === null || now.getTime() - Date.parse(result.lastTakenAt) >= SETTLED_AFTER_MS;
    // Full by the counter, and by what is stored (or units may still be in flight): the limit is reached.
    if (stored >= result.counted || !settled || !(await deps.repos.quotas.correct(subscriberId, kind, result.counted, stored))) break;
  }
  throw new QuotaExceededError(reached);
}

/**
 * Stores something that counts against a quota: takes the unit, runs `store`, and gives the unit
 * back when storing fails.
 */
export async function withinQuota<T>(
  deps: QuotaDependencies,
  subscriberId: string,
  kind: QuotaKind,
  countStored: () => Promise<number>,
  store: () => Promise<T>,
): Promise<T> {
  await take(deps, subscriberId, kind, countStored);
  try {
    return await store();
  } catch (err) {
    await deps.repos.quotas.giveBack(subscriberId, kind);
    throw err;
  }
}

/** After something that counts was removed (only when it really existed). */
export function giveBackQuota(deps: QuotaDependencies, subscriberId: string, kind: QuotaKind): Promise<void> {
  return deps.repos.quotas.giveBack(subscriberId, kind);
}
