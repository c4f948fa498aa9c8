/**
 * Step 5, normalize: the items every source of a company served, each labelled with the source
 * it came from (the product's own shape for the rest of the cycle).
 */
import type { NewsItem } from '../../../domain/news.js';
import type { SourceRead } from './parse.js';

/** A news item and the source that served it. */
export type SourcedItem = NewsItem & { sourceId: string };

export function sourcedItems(reads: readonly SourceRead[]): SourcedItem[] {
  return reads.flatMap((read) => read.items.map((item) => ({ ...item, sourceId: read.source.id })));
}
