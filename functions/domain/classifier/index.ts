/**
 * The headline classifier: is this news about the company, good or bad for it, and worth a
 * congratulations note? See classify.ts for the rules and docs/classifier.md for the figures.
 */
export { classifyHeadline, STALE_AFTER_DAYS, type ClassifyOptions } from './classify.js';
