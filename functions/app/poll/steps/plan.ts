/**
 * Step 1, plan: which sources are due, grouped by company — a company's sources are polled
 * together so their items are deduplicated together (one SQS message per group on AWS).
 */
import type { FeedSource } from '../../../domain/feed-source.js';

/** Sources of one company, polled together. */
export interface PollBatch {
  companyKey: string;
  sourceIds: string[];
}

/** Enabled, and its next attempt has come. */
export function isDue(source: FeedSource, now: Date): boolean {
  return !source.disabled && Date.parse(source.nextAttemptAt) <= now.getTime();
}

/** The sources grouped by company, in the order the companies first appear. */
export function groupByCompany(sources: readonly FeedSource[]): FeedSource[][] {
  const byCompany = new Map<string, FeedSource[]>();
  for (const source of sources) {
    const group = byCompany.get(source.companyKey);
    if (group) group.push(source);
    else byCompany.set(source.companyKey, [source]);
  }
  return [...byCompany.values()];
}

/** The batches a planner hands out: one per company with due sources. */
export function toBatches(sources: readonly FeedSource[]): PollBatch[] {
  return groupByCompany(sources).map((group) => ({ companyKey: group[0]!.companyKey, sourceIds: group.map((s) => s.id) }));
}
