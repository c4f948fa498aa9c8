/**
 * What happened, in a few specific words of the product's own (DESIGN.md §2, "The note"): the
 * award's name, the place, the client or partner, the product, the figure a person would mention.
 * "Rolls-Royce Wins $9.2 Billion Order From Emirates Airline" → "the $9.2 billion order from
 * Emirates Airline"; "Bluefin Analytics to open Lisbon office" → "the new Lisbon office";
 * "APL Apollo Q3 net up 54 pc to Rs 13.01 cr" → "the 54% jump in third-quarter profit".
 *
 * Each event class has its own reading of the headline (and of the summary when the headline
 * yields nothing). A reading either finds something specific — words of the headline beyond the
 * company and the bare event word — or gives up, and the note then uses its general wording.
 * Unknown event classes always give up: a phrase is only written for news the writer understands.
 */
import { readAward, readApproval, readMilestone, readResults } from './achievement-phrases.js';
import { readAcquisition, readContract, readPartnership } from './deal-phrases.js';
import { readExpansion, readFunding, readHiring, readLaunch } from './growth-phrases.js';
import { readHeadline } from './headline-words.js';
import { isStepBeforeListing, readIpo } from './listing-phrases.js';
import { phrase, SUMMARY_CHARS, type NewsPhrase, type Reading } from './phrase-parts.js';

/** What the phrase is drawn from. */
export interface NewsToDescribe {
  title: string;
  summary?: string | null;
  /** The classifier's event class; unknown or null gives no phrase. */
  event: string | null;
}


export type { NewsPhrase } from './phrase-parts.js';

const READINGS: Readonly<Record<string, Reading>> = {
  award: readAward,
  'contract-win': readContract,
  expansion: readExpansion,
  hiring: (w) => {
    const hiring = readHiring(w);
    return hiring ? phrase(hiring) : readExpansion(w);
  },
  funding: readFunding,
  'product-launch': readLaunch,
  milestone: readMilestone,
  'strong-results': readResults,
  partnership: readPartnership,
  acquisition: readAcquisition,
  ipo: readIpo,
  'regulatory-approval': readApproval,
};

/** The event classes the writer has a reading for. */
export const DESCRIBED_EVENTS: readonly string[] = Object.keys(READINGS);

/** The first sentences of a summary, each read like a headline. */
function summarySentences(summary: string): string[] {
  return summary
    .slice(0, SUMMARY_CHARS)
    .split(/(?<=[a-z0-9)%][.!?])\s+(?=[A-Z"“])/)
    .slice(0, 2)
    .map((s) => s.replace(/[.!?]+$/, ''))
    .filter((s) => s.length > 20);
}

/**
 * Names the news specifically for a note to the watched company's interviewer, or null when
 * nothing specific can be said safely (the note then uses its general wording for the event).
 */
export function describeNews(news: NewsToDescribe, company: string): NewsPhrase | null {
  const read = news.event ? READINGS[news.event] : undefined;
  if (!read) return null;
  const sources = [news.title, ...(news.summary ? summarySentences(news.summary) : [])];
  for (const source of sources) {
    if (!source || !source.trim()) continue;
    const w = readHeadline(source, company);
    if (w.tokens.length === 0) continue;
    const found = read(w);
    if (found) return tidy(found);
  }
  return null;
}

/** Final touches: no doubled articles or spaces, no dangling comma. */
function tidy(p: NewsPhrase): NewsPhrase {
  const fix = (s: string) =>
    s
      .replace(/(?<![\p{L}\p{N}])(\p{L}+) \1(?![\p{L}\p{N}])/giu, '$1')
      .replace(/\bthe new new\b/g, 'the new')
      .replace(/\bthe new latest\b/g, 'the latest')
      .replace(/\s+,/g, ',')
      .replace(/[,;:\s-]+$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return { full: fix(p.full), short: fix(p.short) };
}

/**
 * Whether the news is a step on the way to the event rather than the event itself — an IPO filed,
 * priced or opening for bids, a listing still to come. Such news is not an achievement yet, so the
 * note wishes the company luck instead of congratulating it.
 */
export function isStepAhead(news: Pick<NewsToDescribe, 'title' | 'event'>, company: string): boolean {
  if (news.event !== 'ipo' || !news.title) return false;
  return isStepBeforeListing(readHeadline(news.title, company));
}
