/**
 * The two pure collaborators the news watch calls but does not own: the classifier
 * (functions/domain/classifier) and the congratulations note writer (functions/domain/notes).
 * Their signatures are fixed here so the poll cycle can be tested with stand-ins.
 */
import type { Draft } from '../../domain/interview.js';
import type { Classification, CompanyRef, Headline } from '../../domain/news.js';

/** Judges one headline for one company. */
export type ClassifyHeadline = (item: Headline, company: CompanyRef, options?: { now?: Date }) => Classification;

/** Drafts the congratulations note for one interview. */
export type WriteCongratulations = (
  news: { title: string; event: string | null; summary?: string | null; publisher?: string; link?: string },
  interview: { company: string; role: string; interviewer: { name: string; email?: string } },
  options?: { variant?: number },
) => Draft;
