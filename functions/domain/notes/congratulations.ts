/**
 * The congratulations note (DESIGN.md §2, "The note"): short, warm, specific. It names the news in
 * the product's own words and specifically — the award's name, the place, the client, the product,
 * the figure (news-phrase.ts) — never by pasting the headline (no run of 8 of its words), then
 * congratulates, ties it lightly to the role, asks for nothing, and greets the interviewer by first
 * name. When nothing specific can be said safely, it names the kind of news ("the new contract").
 * A step on the way to a listing (an IPO filed, priced or opening) is not an achievement yet: its
 * note wishes the company luck with the listing instead of congratulating it.
 * The candidate sends it themselves; it is plain text, and every outside string in it (names,
 * publisher) is cleaned so it cannot break a subject line, a header or a mailto: link.
 */
import { cleanText, countWords, greetingName, limitWords } from '../follow-up/text.js';
import type { Draft } from '../interview.js';
import { longestSharedRun } from './headline-words.js';
import { describeNews, isStepAhead, type NewsPhrase } from './news-phrase.js';

/** What the note needs to know about the news. `link` is for the candidate's digest, not the note. */
export interface CongratulationsNews {
  title: string;
  /** The classifier's event class (award, contract-win, …); null or unknown reads as "good news". */
  event: string | null;
  /** The feed item's summary, when it has one: read when the headline alone names nothing specific. */
  summary?: string | null;
  publisher?: string | null;
  link?: string | null;
}

/** What the note needs to know about the interview. */
export interface CongratulationsInterview {
  company: string;
  role: string;
  interviewer: { name: string; email?: string };
}

/** Notes stay under this many words, whatever the names. */
export const MAX_NOTE_WORDS = 90;
/** A note never shares this many consecutive words with the headline or summary. */
export const MAX_SHARED_RUN = 8;
const MAX_NAME_WORDS = 8;
const MAX_NAME_CHARS = 60;

/** How the note names each kind of news: noun phrases in the product's words, and a line about it. */
interface EventWords {
  /** "the new contract", after "congratulations on". */
  news: readonly string[];
  /** One short sentence that says why it is good news. */
  remark: readonly string[];
  /** The subject's short name for it. */
  subject: string;
}

const EVENT_WORDS: Record<string, EventWords> = {
  award: {
    news: ['the award', 'the recognition'],
    remark: ['Well-deserved recognition for the team.', 'It is great to see the work recognised.'],
    subject: 'the award',
  },
  'contract-win': {
    news: ['the new contract', 'the contract win'],
    remark: ['A win like that says a lot about the team.', 'It must be a proud moment for everyone involved.'],
    subject: 'the new contract',
  },
  expansion: {
    news: ['the expansion', 'the expansion plans'],
    remark: ['It is exciting to see the company growing.', 'A big step for the company.'],
    subject: 'the expansion',
  },
  hiring: {
    news: ['the plans to grow the team', 'the hiring plans'],
    remark: ['It is exciting to see the team growing.', 'Clearly a busy and exciting time.'],
    subject: 'the growing team',
  },
  funding: {
    news: ['the new funding', 'the funding round'],
    remark: ['A real vote of confidence in what you are building.', 'An exciting step for the company.'],
    subject: 'the funding round',
  },
  'product-launch': {
    news: ['the launch', 'the new launch'],
    remark: ['It looks like a great launch.', 'It must be rewarding to see it out in the world.'],
    subject: 'the launch',
  },
  milestone: {
    news: ['the milestone', 'the latest milestone'],
    remark: ['A real achievement for the team.', 'Quite a milestone to reach.'],
    subject: 'the milestone',
  },
  'strong-results': {
    news: ['the strong results', 'the strong quarter'],
    remark: ['A fine result for the whole team.', 'It is good to see the hard work showing.'],
    subject: 'the strong results',
  },
  partnership: {
    news: ['the new partnership', 'the partnership'],
    remark: ['It sounds like a great fit.', 'An exciting step for the company.'],
    subject: 'the new partnership',
  },
  acquisition: {
    news: ['the acquisition', 'the acquisition news'],
    remark: ['An exciting step for the company.', 'It sounds like a great addition.'],
    subject: 'the acquisition',
  },
  ipo: {
    news: ['the IPO', 'the listing'],
    remark: ['A huge milestone for the whole company.', 'What a moment for everyone there.'],
    subject: 'the IPO',
  },
  'regulatory-approval': {
    news: ['the approval', 'the regulatory approval'],
    remark: ['A big step, and the result of a lot of work.', 'It must be a proud moment for the team.'],
    subject: 'the approval',
  },
};

/** A step on the way to a listing (filed, priced, opening): news to wish luck with, not yet an achievement. */
const LISTING_AHEAD: EventWords = {
  news: ['the upcoming IPO', 'the IPO news'],
  remark: ['It must be a busy few weeks for the team.', 'A big step for the whole company.'],
  subject: 'the upcoming IPO',
};

const GOOD_NEWS: EventWords = {
  news: ['the good news', 'the recent news'],
  remark: ['It is great to see the company doing so well.', 'Exciting times for the team.'],
  subject: 'the good news',
};

interface Words {
  hello: (salutation: string) => string;
  company: string;
  role: string;
  /** The news after "about" or "congratulations on". */
  news: string;
  remark: string;
  /** The news's short name, for the subject line. */
  subject: string;
  /** The news is named specifically: the subject names it rather than the company. */
  specific: boolean;
  source: string;
  /** What lies ahead, for news that is a step toward it: "the listing", or "the big day" when the news names the listing. */
  next: string;
}

type Template = (w: Words) => Draft;

/** One way to write the note: greeting, a sentence about the news, a line about the role, sign-off. */
interface Shape {
  salutation: string;
  subject: (w: Words) => string;
  news: (w: Words) => string;
  role: (w: Words) => string;
  closing: string;
}

const written =
  (shape: Shape): Template =>
  (w) => ({ subject: shape.subject(w), body: [w.hello(shape.salutation), shape.news(w), shape.role(w), shape.closing].join('\n\n') });

const team = (w: Words): string => w.company.replace(/^the\s+/i, '');

/** A few ways to say it, so two notes never read the same. Each asks for nothing. */
const TEMPLATES: readonly Template[] = [
  {
    salutation: 'Hi',
    subject: (w: Words) => `Congratulations on ${w.subject}`,
    news: (w: Words) => `I just read${w.source} about ${w.news} – congratulations to you and everyone at ${w.company}! ${w.remark}`,
    role: (w: Words) => `It was a pleasure talking with you about the ${w.role} role, and lovely to see the team doing so well.`,
    closing: 'Best regards,',
  },
  {
    salutation: 'Dear',
    subject: (w: Words) => (w.specific ? `Well done on ${w.subject}` : `Congratulations to the ${team(w)} team`),
    news: (w: Words) => `Congratulations on ${w.news}! ${w.remark}`,
    role: (w: Words) => `Having talked with you about the ${w.role} position, I was especially glad to see the news${w.source}.`,
    closing: 'Warm regards,',
  },
  {
    salutation: 'Hello',
    subject: (w: Words) => (w.specific ? `Great news about ${w.subject}` : `Great news at ${w.company}`),
    news: (w: Words) => `What great news about ${w.news} – congratulations to everyone at ${w.company}. ${w.remark}`,
    role: (w: Words) => `It made me even more enthusiastic about the ${w.role} role we discussed.`,
    closing: 'All the best,',
  },
].map(written);

/**
 * For a step on the way (an IPO filed, priced or opening): the same three shapes, wishing the
 * company luck with what is ahead rather than congratulating it on something not yet done.
 */
const AHEAD_TEMPLATES: readonly Template[] = [
  {
    salutation: 'Hi',
    subject: (w: Words) => (w.specific ? `Exciting news about ${w.subject}` : `Exciting news at ${w.company}`),
    news: (w: Words) => `I just read${w.source} about ${w.news} – an exciting time for everyone at ${w.company}, and the very best of luck with ${w.next}! ${w.remark}`,
    role: (w: Words) => `It was a pleasure talking with you about the ${w.role} role, and I am glad to see the company taking this step.`,
    closing: 'Best regards,',
  },
  {
    salutation: 'Dear',
    subject: (w: Words) => (w.specific ? `Best wishes for ${w.subject}` : `Best wishes to the ${team(w)} team`),
    news: (w: Words) => `I was delighted to read about ${w.news} – best wishes to you and everyone at ${w.company} for ${w.next}. ${w.remark}`,
    role: (w: Words) => `Having talked with you about the ${w.role} position, I was especially glad to see the news${w.source}.`,
    closing: 'Warm regards,',
  },
  {
    salutation: 'Hello',
    subject: (w: Words) => (w.specific ? `Great news about ${w.subject}` : `Great news at ${w.company}`),
    news: (w: Words) => `It was good to see the news of ${w.news} – good luck to everyone at ${w.company} with ${w.next}. ${w.remark}`,
    role: (w: Words) => `It made me even more enthusiastic about the ${w.role} role we discussed.`,
    closing: 'All the best,',
  },
].map(written);

/** A small, stable hash (FNV-1a), so the same headline always gets the same wording. */
function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function pick<T>(items: readonly T[], n: number): T {
  return items[((n % items.length) + items.length) % items.length]!;
}

/** A name as it may appear inside a note: one clean line, a few words, never empty. */
function nameInNote(value: string, fallback: string): string {
  const clean = limitWords(cleanText(value, MAX_NAME_CHARS), MAX_NAME_WORDS);
  return clean || fallback;
}

/** The news as a note names it: specifically when it can, else by its kind. */
export interface NamedNews extends NewsPhrase {
  /** Named from the headline (or summary), not only by its kind. */
  specific: boolean;
  /** The event's one-line remark ("A real vote of confidence…"). */
  remark: string;
  /** A step on the way (an IPO filed, priced, opening): the note wishes luck rather than congratulating. */
  ahead: boolean;
  /** What lies ahead of such a step: "the listing", or "the big day" when the phrase names the listing. */
  next: string;
}

/** The general words for the event, for when nothing specific can be said. */
function generalNews(event: string | null, variant: number, ahead = false): NamedNews {
  const words = ahead ? LISTING_AHEAD : (event && EVENT_WORDS[event]) || GOOD_NEWS;
  return { full: pick(words.news, variant), short: words.subject, specific: false, remark: pick(words.remark, variant >>> 1), ahead, next: 'the listing' };
}

/** Options for naming the news. */
export interface NamingOptions {
  /** Name it by its kind only, as the note would without the headline's specifics (for measuring). */
  generalOnly?: boolean;
}

/**
 * Names the news for a note to someone at `company`: the specific phrase when the headline (or the
 * summary) yields one, else the event's general words. `variant` picks among wordings.
 */
export function nameTheNews(news: Pick<CongratulationsNews, 'title' | 'event' | 'summary'>, company: string, variant: number, options: NamingOptions = {}): NamedNews {
  const title = cleanText(news.title ?? '', 1000);
  const ahead = isStepAhead({ title, event: news.event }, cleanText(company, 200));
  const general = generalNews(news.event, variant, ahead);
  if (options.generalOnly) return general;
  const described = describeNews({ title, summary: news.summary ? cleanText(news.summary, 2000) : null, event: news.event }, cleanText(company, 200));
  if (!described) return general;
  const next = /\b(?:listing|debut)\b/.test(described.full) ? 'the big day' : 'the listing';
  return { ...described, specific: true, remark: general.remark, ahead, next };
}

/** Whether a text repeats a run of MAX_SHARED_RUN words of the headline or summary. */
export function pastesHeadline(text: string, news: Pick<CongratulationsNews, 'title' | 'summary'>): boolean {
  return longestSharedRun(text, news.title ?? '') >= MAX_SHARED_RUN || (news.summary ? longestSharedRun(text, news.summary) >= MAX_SHARED_RUN : false);
}

/**
 * Drafts the congratulations note for one interview. `options.variant` picks the wording (any
 * integer); without it the wording is chosen from the headline, so it is stable for one story.
 */
export function writeCongratulations(
  news: CongratulationsNews,
  interview: CongratulationsInterview,
  options: { variant?: number } & NamingOptions = {},
): Draft {
  const variant = options.variant !== undefined && Number.isFinite(options.variant) ? Math.trunc(options.variant) : stableHash(cleanText(news.title ?? '', 500));
  const first = greetingName(interview.interviewer.name);
  const publisher = news.publisher ? limitWords(cleanText(news.publisher, 40), 5) : '';
  const company = nameInNote(interview.company, 'the company');
  const named = nameTheNews(news, interview.company, variant, options);
  const base: Words = {
    // "Dear," alone reads like a form letter; without a name the note just says hello.
    hello: (salutation) => (first ? `${salutation} ${first},` : salutation === 'Dear' ? 'Hello,' : `${salutation},`),
    company,
    role: nameInNote(interview.role, 'open'),
    news: named.full,
    remark: named.remark,
    subject: named.short,
    specific: named.specific,
    source: publisher ? ` in ${publisher}` : '',
    next: named.next,
  };
  const template = pick(named.ahead ? AHEAD_TEMPLATES : TEMPLATES, variant);
  const general = generalNews(news.event, variant, named.ahead);
  // Shorter and shorter until it fits and pastes nothing: no publisher, no remark, the short name
  // of the news, and at last the general words.
  const attempts: Words[] = [
    base,
    { ...base, source: '' },
    { ...base, source: '', remark: '' },
    { ...base, source: '', remark: '', news: named.short },
    { ...base, source: '', remark: '', news: general.full, subject: general.short, specific: false, next: general.next },
  ];
  let draft = template(attempts[attempts.length - 1]!);
  for (const words of attempts) {
    const candidate = template(words);
    if (countWords(candidate.body) < MAX_NOTE_WORDS && !pastesHeadline(`${candidate.subject}\n${candidate.body}`, news)) {
      draft = candidate;
      break;
    }
  }
  return {
    subject: cleanText(draft.subject, 120),
    body: draft.body
      .split('\n\n')
      .map((paragraph) => cleanText(paragraph, 1000))
      .join('\n\n'),
  };
}
