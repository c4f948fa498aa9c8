/** How much of a feed the product reads (DESIGN.md §2 "Fetch safely"). */

/** A feed body larger than this (after decompression) is refused: real feeds are far smaller. */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The news watch reads at most this many of a feed's newest items per poll. A company's news
 * search lists about 100; a busy newsroom publishes fewer than 200 in the fortnight that can
 * still be congratulated on (STALE_AFTER_DAYS), so nothing a subscriber could act on is left out,
 * while a feed of 20,000 items costs what one of 200 does.
 */
export const FEED_MAX_ITEMS = 200;
