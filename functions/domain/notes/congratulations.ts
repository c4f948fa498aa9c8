/**
 * The congratulations note (DESIGN.md §2, "The note"): short, warm, specific. It names the news in
 * the product's own words (never the headline pasted in), congratulates, ties it lightly to the
 * role, asks for nothing, and greets the interviewer by first name. The candidate sends it
 * themselves; it is plain text, and every outside string in it (names, publisher) is cleaned so it
 * cannot break a subject line, a header or a mailto: link. HTML escaping happens where it is shown.
 */
import { cleanText, countWords, greetingName, limitWords } from '../follow-up/text.js';
import type { Draft } from '../interview.js';

/** What the note needs to know about the news. `link` is for the candidate's digest, not the note. */
export interface CongratulationsNews {
  title: string;
  /** The classifier's event class (award, contract-win, …); null or unknown reads as "good news". */
  event: string | null;
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
    remark: ['A strong result for the whole team.', 'It is great to see the hard work showing.'],
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

const GOOD_NEWS: EventWords = {
  news: ['the good news', 'the recent news'],
  remark: ['It is great to see the company doing so well.', 'Exciting times for the team.'],
  subject: 'the good news',
};

interface Words {
  hello: (salutation: string) => string;
  company: string;
  role: string;
  news: string;
  remark: string;
  subject: string;
  source: string;
}

type Template = (w: Words) => Draft;

/** A few ways to say it, so two notes never read the same. Each asks for nothing. */
const TEMPLATES: readonly Template[] = [
  (w) => ({
    subject: `Congratulations on ${w.subject}`,
    body: [
      w.hello('Hi'),
      `I just read${w.source} about ${w.news} – congratulations to you and everyone at ${w.company}! ${w.remark}`,
      `It was a pleasure talking with you about the ${w.role} role, and lovely to see the team doing so well.`,
      'Best regards,',
    ].join('\n\n'),
  }),
  (w) => ({
    subject: `Congratulations to the ${w.company} team`,
    body: [
      w.hello('Dear'),
      `Congratulations on ${w.news}! ${w.remark}`,
      `Having talked with you about the ${w.role} position, I was especially glad to see the news${w.source}.`,
      'Warm regards,',
    ].join('\n\n'),
  }),
  (w) => ({
    subject: `Great news at ${w.company}`,
    body: [
      w.hello('Hello'),
      `What great news about ${w.news} – congratulations to everyone at ${w.company}. ${w.remark}`,
      `It made me even more enthusiastic about the ${w.role} role we discussed.`,
      'All the best,',
    ].join('\n\n'),
  }),
];

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

/**
 * Drafts the congratulations note for one interview. `options.variant` picks the wording (any
 * integer); without it the wording is chosen from the headline, so it is stable for one story.
 */
export function writeCongratulations(
  news: CongratulationsNews,
  interview: CongratulationsInterview,
  options: { variant?: number } = {},
): Draft {
  const variant = options.variant !== undefined && Number.isFinite(options.variant) ? Math.trunc(options.variant) : stableHash(cleanText(news.title ?? '', 500));
  const words = (news.event && EVENT_WORDS[news.event]) || GOOD_NEWS;
  const first = greetingName(interview.interviewer.name);
  const publisher = news.publisher ? limitWords(cleanText(news.publisher, 40), 5) : '';
  const w: Words = {
    hello: (salutation) => (first ? `${salutation} ${first},` : `${salutation},`),
    company: nameInNote(interview.company, 'the company'),
    role: nameInNote(interview.role, 'open'),
    news: pick(words.news, variant),
    remark: pick(words.remark, variant >>> 1),
    subject: words.subject,
    source: publisher ? ` in ${publisher}` : '',
  };
  let draft = pick(TEMPLATES, variant)(w);
  // Long names can push a note over the limit: drop the publisher, then the remark.
  if (countWords(draft.body) >= MAX_NOTE_WORDS) draft = pick(TEMPLATES, variant)({ ...w, source: '' });
  if (countWords(draft.body) >= MAX_NOTE_WORDS) draft = pick(TEMPLATES, variant)({ ...w, source: '', remark: '' });
  return {
    subject: cleanText(draft.subject, 120),
    body: draft.body
      .split('\n\n')
      .map((paragraph) => cleanText(paragraph, 1000))
      .join('\n\n'),
  };
}
