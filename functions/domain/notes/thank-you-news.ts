/**
 * Good news while the thank-you is still due (DESIGN.md R8): rather than a separate congratulations
 * note, the thank-you carries one natural sentence about the news, naming it as the congratulations
 * note would ("the $40 million rail contract from the state of Ohio"), or by its kind when nothing
 * specific can be said. A step on the way to a listing (an IPO filed or opening) gets luck with the
 * listing rather than congratulations. Like every note it never pastes the headline and asks for nothing.
 */
import { cleanText } from '../follow-up/text.js';
import { nameTheNews, pastesHeadline, type CongratulationsNews } from './congratulations.js';

/** The news a thank-you note may mention: what the classifier and the feed item say about it. */
export type ThankYouNews = Pick<CongratulationsNews, 'title' | 'event' | 'summary'>;

type Sentence = (news: string, company: string, next: string) => string;

const SENTENCES: readonly Sentence[] = [
  (news) => `I was also delighted to read about ${news} – congratulations to you and the team.`,
  (news, company) => `Congratulations, too, on ${news}; it must be an exciting time at ${company}.`,
  (news) => `And congratulations on ${news} – wonderful news.`,
];

/** For a step on the way (an IPO filed, priced, opening): luck with what is ahead, not congratulations. */
const AHEAD_SENTENCES: readonly Sentence[] = [
  (news, _company, next) => `I was also excited to read about ${news} – the very best of luck with ${next}.`,
  (news, company, next) => `It was exciting, too, to read about ${news}; best wishes to everyone at ${company} for ${next}.`,
  (news, _company, next) => `It was good to see the news of ${news}, too – good luck with ${next}.`,
];

/**
 * One sentence about the news for the thank-you note to someone at `company`. `variant` picks the
 * wording (any integer). Falls back to the news's short name, then to its general wording, when a
 * longer one would repeat the headline.
 */
export function thankYouNewsSentence(news: ThankYouNews, company: string, variant = 0, options: { short?: boolean } = {}): string {
  const v = Number.isFinite(variant) ? Math.trunc(variant) : 0;
  const named = nameTheNews(news, company, v);
  const general = nameTheNews(news, company, v, { generalOnly: true });
  const sentences = named.ahead ? AHEAD_SENTENCES : SENTENCES;
  const sentence = sentences[((v % sentences.length) + sentences.length) % sentences.length]!;
  const name = cleanText(company, 120) || 'the company';
  const candidates: Array<[string, string]> = options.short
    ? [[named.short, named.next], [general.short, general.next]]
    : [[named.full, named.next], [named.short, named.next], [general.full, general.next]];
  for (const [phrase, next] of candidates) {
    const text = sentence(phrase, name, next);
    if (!pastesHeadline(text, news)) return text;
  }
  return sentence(general.short, name, general.next);
}
