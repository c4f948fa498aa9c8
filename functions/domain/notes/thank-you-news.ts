/**
 * Good news while the thank-you is still due (DESIGN.md R8): rather than a separate congratulations
 * note, the thank-you carries one natural sentence about the news, naming it as the congratulations
 * note would ("the $40 million rail contract from the state of Ohio"), or by its kind when nothing
 * specific can be said. Like every note it never pastes the headline and asks for nothing.
 */
import { cleanText } from '../follow-up/text.js';
import { nameTheNews, pastesHeadline, type CongratulationsNews } from './congratulations.js';

/** The news a thank-you note may mention: what the classifier and the feed item say about it. */
export type ThankYouNews = Pick<CongratulationsNews, 'title' | 'event' | 'summary'>;

type Sentence = (news: string, company: string) => string;

const SENTENCES: readonly Sentence[] = [
  (news) => `I was also delighted to read about ${news} – congratulations to you and the team.`,
  (news, company) => `Congratulations, too, on ${news}; it must be an exciting time at ${company}.`,
  (news) => `And congratulations on ${news} – wonderful news.`,
];

/**
 * One sentence about the news for the thank-you note to someone at `company`. `variant` picks the
 * wording (any integer). Falls back to the news's short name, then to its general wording, when a
 * longer one would repeat the headline.
 */
export function thankYouNewsSentence(news: ThankYouNews, company: string, variant = 0, options: { short?: boolean } = {}): string {
  const v = Number.isFinite(variant) ? Math.trunc(variant) : 0;
  const sentence = SENTENCES[((v % SENTENCES.length) + SENTENCES.length) % SENTENCES.length]!;
  const name = cleanText(company, 120) || 'the company';
  const named = nameTheNews(news, company, v);
  const general = nameTheNews({ title: '', event: news.event }, company, v);
  const candidates = options.short ? [named.short, general.short] : [named.full, named.short, general.full];
  for (const phrase of candidates) {
    const text = sentence(phrase, name);
    if (!pastesHeadline(text, news)) return text;
  }
  return sentence(general.short, name);
}
