/**
 * How specific the congratulations notes are (issue 12): of the rows the classifier congratulates,
 * the share whose note names something specific from the headline.
 *
 * "Specific", precisely: the note (subject and body) contains at least one *content term* of the
 * headline that the same note written without the headline's specifics does not contain. That twin
 * is the writer's general wording for the same event, interview and variant — and the same stage of
 * the news (a step before a listing is written in its own words, "best of luck with the listing") —
 * so words the template, the role, the interviewer's name or the company bring in never count. A
 * content term is
 *   - a word of the headline that is not a function word, not a word of the company's name, and not
 *     a generic event, market or figure word ("contract", "order", "award", "profit", "IPO",
 *     "stock", "crore", "new", "big" …: GENERIC_WORDS below), or
 *   - a figure of the headline (a number, a percentage, "three-fold"), which matches the note's
 *     figure when they are equal once rounded as the note rounds them (35.81% ↔ 36%, 3-fold ↔
 *     three-fold, "Rs 1.5k crore" ↔ "Rs 1,500 crore").
 * So "the new contract" for "Acme wins $40 million rail contract" is not specific; "the $40 million
 * rail contract" is (40, rail); "the contract" + the company's name is not.
 */
import type { Draft } from '../functions/domain/interview.js';
import { writeCongratulations } from '../functions/domain/notes/congratulations.js';

/** Words that never make a note specific on their own: the event word, market chatter, units. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `a an the its it their his her our this that these those to of in on at for from with by as after amid over into via through
  about and or but than per while is are was were be been being has have had will would can could may might not no so if all
  any each every other another more most some such up down out off also again only just still yet even new latest very too
  much many one first second third fourth co company companies firm firms group ltd limited inc corp plc llc
  award awards prize prizes honour honor recognition win wins won winning bags bag bagged lands secures gets receives
  contract contracts order orders deal deals project projects engagement mandate tender
  partnership partnerships alliance pact mou agreement agreements tie tie-up ties up jv joint venture signs sign inks forms
  expansion expands expand office offices plant plants facility centre center unit opens open set sets launch launches
  launched unveils introduces product products hire hires hiring jobs
  funding round raise raises raised raising capital investment
  ipo ipos listing lists list listed debut debuts floats float offering public oversubscribed subscribed times
  approval approves nod clearance gets licence license
  acquisition acquires acquire buys buy to-buy takeover sells sell sold stake
  milestone record profit profits net pat revenue revenues sales turnover income earnings results quarter qtr q1 q2 q3 q4
  fy quarterly annual growth rise rises rose jump jumps jumped surge surges surged soars zooms climbs gains grows increase
  doubles higher strong big major key huge fresh maiden stellar decent
  stock stocks share shares stk scrip price market markets investors rally rallies
  rs inr usd $ € £ crore cr crores lakh million mn mln billion bn bln trillion percent pc cent k`.split(/\s+/),
);

const FOLD_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: -1, many: -1 };

/** A text's terms: lower-cased words, and figures as numbers. */
interface Terms {
  words: Set<string>;
  numbers: number[];
  folds: Set<number>;
}

function termsOf(text: string): Terms {
  const words = new Set<string>();
  const numbers: number[] = [];
  const folds = new Set<number>();
  const lower = text.toLowerCase().replace(/[’]/g, "'");
  for (const m of lower.matchAll(/\bmanifold\b|\bdoubl\w*|\b(\d+|[a-z]+)\s?-?\s?folds?\b/g)) {
    const count = m[1] === undefined ? (m[0].startsWith('doubl') ? 2 : -1) : /^\d+$/.test(m[1]) ? Number(m[1]) : FOLD_WORDS[m[1]];
    if (count !== undefined) folds.add(count);
  }
  for (const m of lower.matchAll(/\d[\d,]*(?:\.\d+)?(k\b)?/g)) {
    const n = Number(m[0].replace(/,|k$/g, '')) * (m[1] ? 1000 : 1);
    if (Number.isFinite(n)) numbers.push(n);
  }
  for (const w of lower.split(/[^\p{L}\p{N}'-]+/u)) {
    const word = w.replace(/^['-]+|['-]+$/g, '').replace(/'s$/, '');
    if (word && /\p{L}/u.test(word) && !/fold/.test(word)) words.add(word);
  }
  return { words, numbers, folds };
}

/** Two figures are the same when one is the other rounded as a note rounds (to a whole or one decimal). */
function sameFigure(a: number, b: number): boolean {
  return a === b || Math.round(a) === b || Math.round(b) === a || Math.round(a * 10) / 10 === b || Math.round(b * 10) / 10 === a;
}

/** The headline's content terms that the note names and its general twin does not. */
export function specificTerms(note: Draft, general: Draft, headline: string, company: string): string[] {
  const head = termsOf(headline);
  const noteTerms = termsOf(`${note.subject}\n${note.body}`);
  const generalTerms = termsOf(`${general.subject}\n${general.body}`);
  const companyWords = termsOf(company).words;
  const found: string[] = [];
  for (const w of head.words) {
    if (GENERIC_WORDS.has(w) || companyWords.has(w) || w.length < 2) continue;
    if (noteTerms.words.has(w) && !generalTerms.words.has(w)) found.push(w);
  }
  for (const n of head.numbers) {
    const inNote = noteTerms.numbers.some((m) => sameFigure(n, m));
    const inGeneral = generalTerms.numbers.some((m) => sameFigure(n, m));
    if (inNote && !inGeneral) found.push(String(n));
  }
  for (const f of head.folds) if (noteTerms.folds.has(f) && !generalTerms.folds.has(f)) found.push(`${f < 0 ? 'several' : f}-fold`);
  return found;
}

/** The interview every measured note is written for. */
export const EVAL_INTERVIEW = { role: 'Data Analyst', interviewer: { name: 'Dana Lee' } };

export interface NoteRow {
  id: string | number;
  title: string;
  entity: string;
}

export interface NoteVerdict {
  congratulate: boolean;
  event?: string | null;
}

export interface NoteFigures {
  congratulated: number;
  specific: number;
  /** specific / congratulated (1 when nothing was congratulated). */
  share: number;
  /** The congratulated rows whose note named nothing specific, for reading. */
  general: Array<{ row: NoteRow; event: string | null; note: Draft }>;
}

function variantOf(id: string | number): number {
  let h = 0;
  for (const ch of String(id)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** The note the product writes for one congratulated row, and its general twin. */
export function notesFor(row: NoteRow, event: string | null): { note: Draft; general: Draft } {
  const interview = { company: row.entity, ...EVAL_INTERVIEW };
  const variant = variantOf(row.id);
  return {
    note: writeCongratulations({ title: row.title, event }, interview, { variant }),
    general: writeCongratulations({ title: row.title, event }, interview, { variant, generalOnly: true }),
  };
}

/** Measures the notes of the congratulated rows of one file. */
export function measureNotes(rows: readonly NoteRow[], verdicts: readonly NoteVerdict[]): NoteFigures {
  let congratulated = 0;
  let specific = 0;
  const general: NoteFigures['general'] = [];
  rows.forEach((row, i) => {
    const verdict = verdicts[i]!;
    if (!verdict.congratulate) return;
    congratulated += 1;
    const event = verdict.event ?? null;
    const { note, general: twin } = notesFor(row, event);
    if (specificTerms(note, twin, row.title, row.entity).length > 0) specific += 1;
    else general.push({ row, event, note });
  });
  return { congratulated, specific, share: congratulated ? specific / congratulated : 1, general };
}

/** One line for `npm run eval`. */
export function formatNoteFigures(f: NoteFigures): string {
  return `  notes       naming something specific from the headline ${(100 * f.share).toFixed(1)}% (${f.specific} of ${f.congratulated} congratulated)`;
}
