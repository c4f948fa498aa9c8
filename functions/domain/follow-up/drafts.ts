/**
 * The notes the product drafts for the candidate to send themselves (DESIGN.md §1): short, personal,
 * in the product's own words. They greet the interviewer by first name, name the role and company,
 * never ask why the employer has not answered, and the follow-up cites the timeline they gave.
 * Each kind has a few variants, picked deterministically, so two notes in one digest read differently.
 */
import type { Draft, InterviewFormat } from '../interview.js';
import { thankYouNewsSentence, type ThankYouNews } from '../notes/thank-you-news.js';
import type { FollowUpTimeline } from './assess.js';
import { formatDay, type CalendarDate } from './dates.js';
import { cleanText, countWords, greetingName, limitWords } from './text.js';

/** The outreach actions that carry a draft. */
export type DraftKind = 'send-thank-you' | 'check-in' | 'follow-up';

/** What a draft needs to know about the interview; names are raw user input and cleaned here. */
export interface DraftContext {
  kind: DraftKind;
  interviewerName: string;
  role: string;
  company: string;
  format?: InterviewFormat;
  interviewDate: CalendarDate;
  /** The timeline the note refers to (check-in and follow-up cite its decision date). */
  timeline: Pick<FollowUpTimeline, 'origin' | 'startedOn' | 'decisionBy' | 'decisionSource'>;
  /** A thank-you sent after the first week opens with a short apology (R1: late is better than never). */
  late?: boolean;
  /**
   * Good news about the company while the thank-you is due (R8): the thank-you carries one sentence
   * naming it, instead of a separate congratulations note. Ignored by the other kinds.
   */
  news?: ThankYouNews | null;
}

/** Drafts stay under this many words (DESIGN.md: "under about 120 words"), whatever the names. */
export const MAX_DRAFT_WORDS = 120;
/** A role or company name is cut to this many words inside a note, so a long one cannot bloat it. */
const MAX_NAME_WORDS = 10;
const MAX_SUBJECT_NAME_CHARS = 60;

interface Words {
  hello: (salutation: string) => string;
  role: string;
  company: string;
  subjectRole: string;
  subjectCompany: string;
  meeting: string;
  met: string;
  interviewDay: string;
  decision: string;
  replyDay: string;
  late: string;
}

type Template = (w: Words, ctx: DraftContext) => Draft;

const THANK_YOU: Template[] = [
  (w) => ({
    subject: `Thank you – ${w.subjectRole} interview`,
    body: [
      w.hello('Dear'),
      `${w.late}Thank you for ${w.meeting} about the ${w.role} role at ${w.company}. I enjoyed our conversation and learning more about the team and its work.`,
      'It left me even more enthusiastic about the position, and I am confident I could contribute from the start. If there is anything else I can provide, please let me know.',
      'Best regards,',
    ].join('\n\n'),
  }),
  (w) => ({
    subject: `Thank you for your time – ${w.subjectCompany}`,
    body: [
      w.hello('Hi'),
      `${w.late}Thank you again for ${w.meeting} about the ${w.role} position at ${w.company}. I appreciated the time you took to walk me through the role and answer my questions.`,
      "I'm very interested in the opportunity and would be glad to send anything that would help your decision.",
      'Kind regards,',
    ].join('\n\n'),
  }),
  (w) => ({
    subject: `With thanks – ${w.subjectRole} at ${w.subjectCompany}`,
    body: [
      w.hello('Hello'),
      `${w.late}I wanted to thank you for ${w.meeting} about the ${w.role} opening at ${w.company}. It was a pleasure to hear how the team works and where it is heading.`,
      'Our conversation confirmed my interest in the role, and I look forward to hearing about the next steps.',
      'With thanks,',
    ].join('\n\n'),
  }),
];

const CHECK_IN: Template[] = [
  (w) => ({
    subject: `${w.subjectRole} at ${w.subjectCompany} – a quick note`,
    body: [
      w.hello('Dear'),
      `I hope your week is going well. I wanted to send a brief note to say that I remain very interested in the ${w.role} role at ${w.company}.`,
      `I know you expect to decide by ${w.decision}, so there is no need to reply; I simply wanted to stay in touch. If anything further would help, I would be glad to provide it.`,
      'Best regards,',
    ].join('\n\n'),
  }),
  (w) => ({
    subject: `Still very interested – ${w.subjectRole}`,
    body: [
      w.hello('Hi'),
      `I have been thinking about our conversation and wanted to say again how interested I am in the ${w.role} position at ${w.company}.`,
      `You mentioned a decision by ${w.decision}, and I don't want to take up your time before then. If it would be useful to see examples of my work in the meantime, I would be happy to share them.`,
      'Kind regards,',
    ].join('\n\n'),
  }),
  (w) => ({
    subject: `A short hello – ${w.subjectRole} at ${w.subjectCompany}`,
    body: [
      w.hello('Hello'),
      `A short note to thank you once more for your time and to say that my enthusiasm for the ${w.role} role at ${w.company} has only grown.`,
      `I know your decision is planned for around ${w.decision}, so no reply is needed. I look forward to hearing from you then.`,
      'With thanks,',
    ].join('\n\n'),
  }),
];

/** The sentence that cites the timeline they gave (R4), or the conversation when they gave none. */
function timelineSentence(w: Words, ctx: DraftContext): string {
  const t = ctx.timeline;
  if (t.decisionBy) {
    if (t.origin === 'interview') return `When we ${w.met} on ${w.interviewDay}, you mentioned you hoped to decide by ${w.decision}.`;
    if (t.decisionSource === 'stated') return `When you were last in touch on ${w.replyDay}, you mentioned you expected to decide by ${w.decision}.`;
    return `You mentioned you hoped to decide by ${w.decision}.`;
  }
  if (t.origin === 'interview') return `Since we ${w.met} on ${w.interviewDay}, I have been looking forward to hearing about the next steps.`;
  return `Thank you for your update on ${w.replyDay}.`;
}

const FOLLOW_UP: Template[] = [
  (w, ctx) => ({
    subject: `Following up – ${w.subjectRole} at ${w.subjectCompany}`,
    body: [
      w.hello('Dear'),
      `Thank you again for your time discussing the ${w.role} role at ${w.company}. ${timelineSentence(w, ctx)} I wanted to ask where you are in the process and whether there is anything else I can provide.`,
      'I remain very enthusiastic about the position and about the chance to join your team.',
      'Best regards,',
    ].join('\n\n'),
  }),
  (w, ctx) => ({
    subject: `Checking in on the ${w.subjectRole} role`,
    body: [
      w.hello('Hi'),
      `${timelineSentence(w, ctx)} I'm writing to ask where things stand in the process for the ${w.role} position at ${w.company}.`,
      "I'm still very interested in the role and grateful for the time you and the team have given me. If anything else would help, I'd be glad to send it.",
      'Kind regards,',
    ].join('\n\n'),
  }),
  (w, ctx) => ({
    subject: `${w.subjectCompany} – ${w.subjectRole} follow-up`,
    body: [
      w.hello('Hello'),
      `I hope all is well. ${timelineSentence(w, ctx)} I would be grateful to hear where you are in the process for the ${w.role} role at ${w.company}, whenever you have a moment.`,
      'Thank you again for considering me; I remain keen on the opportunity.',
      'With thanks,',
    ].join('\n\n'),
  }),
];

const TEMPLATES: Readonly<Record<DraftKind, Template[]>> = {
  'send-thank-you': THANK_YOU,
  'check-in': CHECK_IN,
  'follow-up': FOLLOW_UP,
};

/** How many variants each kind of note has. */
export const DRAFT_VARIANTS = 3;

/** FNV-1a: a stable, well-spread hash so the same interview always gets the same wording. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Which variant (0-based) a note for this company and kind uses. */
export function draftVariant(company: string, kind: DraftKind): number {
  return stableHash(`${cleanText(company).toLowerCase()}|${kind}`) % DRAFT_VARIANTS;
}

const MEETING: Record<InterviewFormat | 'unknown', { meeting: string; met: string }> = {
  'in-person': { meeting: 'meeting with me', met: 'met' },
  video: { meeting: 'speaking with me by video', met: 'spoke' },
  phone: { meeting: 'speaking with me by phone', met: 'spoke' },
  unknown: { meeting: 'speaking with me', met: 'spoke' },
};

/** Writes the draft for one outreach action. `variant` overrides the deterministic choice. */
export function writeDraft(ctx: DraftContext, variant = draftVariant(ctx.company, ctx.kind)): Draft {
  const role = limitWords(cleanText(ctx.role), MAX_NAME_WORDS);
  const company = limitWords(cleanText(ctx.company), MAX_NAME_WORDS);
  const first = cleanText(greetingName(ctx.interviewerName), 40);
  const meeting = MEETING[ctx.format ?? 'unknown'];
  const words: Words = {
    hello: (salutation) => (first ? `${salutation} ${first},` : 'Hello,'),
    role,
    company,
    subjectRole: cleanText(role, MAX_SUBJECT_NAME_CHARS),
    subjectCompany: cleanText(company, MAX_SUBJECT_NAME_CHARS),
    meeting: meeting.meeting,
    met: meeting.met,
    interviewDay: formatDay(ctx.interviewDate, 'long'),
    decision: ctx.timeline.decisionBy ? formatDay(ctx.timeline.decisionBy, 'long') : '',
    replyDay: formatDay(ctx.timeline.startedOn, 'long'),
    late: ctx.late ? "I'm sorry this note comes later than I meant it to. " : '',
  };
  const templates = TEMPLATES[ctx.kind];
  const template = templates[((variant % templates.length) + templates.length) % templates.length]!;
  let draft = template(words, ctx);
  if (ctx.kind === 'send-thank-you' && ctx.news) draft = withNews(draft, ctx.news, company, variant);
  // Names are capped above, so this holds by construction; the check keeps it true if templates grow.
  if (countWords(draft.body) >= MAX_DRAFT_WORDS) {
    throw new Error(`draft ${ctx.kind} variant ${variant} is ${countWords(draft.body)} words; keep templates shorter`);
  }
  return draft;
}

/**
 * The thank-you with one sentence about the news at the end of its first paragraph; the news's
 * short name when the full one would make the note too long.
 */
function withNews(draft: Draft, news: ThankYouNews, company: string, variant: number): Draft {
  const paragraphs = draft.body.split('\n\n');
  for (const short of [false, true]) {
    const sentence = thankYouNewsSentence(news, company, variant, { short });
    const body = paragraphs.map((p, i) => (i === 1 ? `${p} ${sentence}` : p)).join('\n\n');
    if (countWords(body) < MAX_DRAFT_WORDS) return { ...draft, body };
  }
  return draft;
}
