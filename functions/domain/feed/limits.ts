/** How much of a feed the product reads (DESIGN.md §2 "Fetch safely"). */

/** A feed body larger than this (after decompression) is refused: real feeds are far smaller. */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
