/** Readings of deals: contracts and orders won, partnerships, acquisitions. */
import type { HeadlineWords } from './headline-words.js';
import {
  endsPhrase,
  findWord,
  isWordToken,
  modifiersBefore,
  nounPhraseAt,
  startsUpper,
  writeNounPhrase,
  writeTokens,
  type NounPhrase,
} from './noun-phrases.js';
import { FUNCTION_WORDS, HYPE_WORDS } from './vocabulary.js';
import { complementAt, headWithModifiers, otherParty, phrase, priceAfter, worthAt, type NewsPhrase, type Reading } from './phrase-parts.js';

// ------------------------------------------------------------------------------------------------
// Contracts and orders

const CONTRACT_HEADS = new Set(['contract', 'contracts', 'order', 'orders', 'deal', 'deals', 'project', 'projects', 'engagement', 'mandate', 'tender', 'mine', 'mines', 'block', 'blocks', 'work', 'account']);
const CONTRACT_PREPS = { from: 'from', with: 'with', by: 'from', for: 'for', in: 'in', at: 'at', to: 'to' } as const;
const CHOSEN_VERBS = new Set(['picks', 'selects', 'chooses', 'taps', 'hires', 'appoints', 'awards', 'gives', 'hands', 'ropes']);

export const readContract: Reading = (w) => {
  const t = w.tokens;
  const head = findWord(t, CONTRACT_HEADS);
  if (head >= 0 && !(t[head]!.lower === 'work' && head === 0)) {
    let { text, mods } = headWithModifiers(w, head);
    let at = head + 1;
    if (isWordToken(t[at], 'win', 'wins')) at += 1;
    const worth = worthAt(w, at);
    let money = worth?.money;
    if (worth) at = worth.end;
    // "contract to build new Austin airport terminal".
    if (!worth && isWordToken(t[at], 'to') && t[at + 1]?.kind === 'word' && /^(?:build|design|supply|run|operate|develop|manage|maintain|modernise|modernize|upgrade|provide|deliver|install)$/.test(t[at + 1]!.lower)) {
      const object = nounPhraseAt(t, at + 2, 5, { keepNew: true });
      if (object && !object.company && !(w.truncated && object.end >= t.length)) {
        return phrase(`the ${text} to ${t[at + 1]!.lower} ${writeNounPhrase(object)}`, mods.length ? `the ${text}` : undefined);
      }
    }
    const compl = complementAt(w, at, CONTRACT_PREPS, 5);
    if (!money && compl) {
      const after = worthAt(w, compl.np.end);
      if (after) money = after.money;
    }
    if (money && !mods.some((m) => m.kind === 'money')) text = `${money.text} ${text}`;
    // "Pentagon awards Acme $40 million contract": the one who awarded it is the client.
    let client = compl ? ` ${compl.text}` : '';
    if (!compl) {
      const chooser = findWord(t, CHOSEN_VERBS, 0, head);
      const name = chooser > 0 && t[chooser + 1]?.company ? otherParty(w, chooser) : null;
      if (name) client = ` from ${name}`;
    }
    if (mods.length === 0 && !money && !client) return null;
    return phrase(`the ${text}${client}`, mods.length || money ? `the ${text}` : undefined);
  }
  // "Tantia Constructions bags Rs 45 cr": the sum is the order.
  const verb = findWord(t, ['bags', 'wins', 'secures', 'lands', 'bagged', 'won', 'secured', 'gets']);
  if (verb >= 0 && t[verb + 1]?.kind === 'money') return phrase(`the ${t[verb + 1]!.text} order`);
  // "City of Austin picks Acme to build its new stadium".
  const chooser = findWord(t, CHOSEN_VERBS);
  if (chooser > 0 && t[chooser + 1]?.company) {
    const name = otherParty(w, chooser);
    if (name) return phrase(`the vote of confidence from ${name}`, `the ${name} win`);
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Partnerships

const PARTNER_HEADS = new Set(['partnership', 'partnerships', 'alliance', 'pact', 'mou', 'memorandum', 'memo', 'agreement', 'agreements', 'deal', 'deals', 'tie-up', 'jv', 'venture', 'collaboration', 'contract']);
const PARTNER_VERBS = new Set(['partners', 'partner', 'teams', 'team', 'ties', 'tie', 'joins', 'join', 'collaborates', 'allies', 'partnering', 'teaming', 'tying']);
const PARTNER_HEAD_TEXT: Record<string, string> = { jv: 'joint venture', mou: 'MoU', 'tie-up': 'tie-up' };

function partnerAfterWith(w: HeadlineWords, at: number, subjectEnd: number): string | null {
  if (!isWordToken(w.tokens[at], 'with')) return null;
  const np = nounPhraseAt(w.tokens, at + 1, 5);
  if (!np) return null;
  if (np.company) return otherParty(w, subjectEnd);
  const kept = np.tokens.filter((x) => !/^(?:inc|corp|corporation|ltd|plc|llc)\.?$/i.test(x.raw));
  return kept.length ? writeNounPhrase({ tokens: kept, hadThe: np.hadThe }) : null;
}

function purposeAt(w: HeadlineWords, at: number): string {
  if (!isWordToken(w.tokens[at], 'for')) return '';
  const np = nounPhraseAt(w.tokens, at + 1, 4);
  if (!np || np.company || (w.truncated && np.end >= w.tokens.length)) return '';
  return ` for ${writeNounPhrase(np)}`;
}

export const readPartnership: Reading = (w) => {
  const t = w.tokens;
  const verb = findWord(t, PARTNER_VERBS);
  const head = findWord(t, PARTNER_HEADS);
  const useHead = head >= 0 && (verb < 0 || head < verb + 4);
  if (useHead) {
    let headText = PARTNER_HEAD_TEXT[t[head]!.lower] ?? t[head]!.text;
    let after = head + 1;
    if (t[head]!.lower === 'venture' && isWordToken(t[head - 1], 'joint')) headText = 'joint venture';
    if (t[head]!.lower === 'memorandum' || t[head]!.lower === 'memo') {
      headText = 'memorandum of understanding';
      while (isWordToken(t[after], 'of', 'understanding')) after += 1;
    }
    const mods = modifiersBefore(t, head, 3).filter((m) => !(m.lower === 'joint' && headText === 'joint venture'));
    const modText = writeTokens(mods);
    const subjectEnd = Math.max(0, findWord(t, ['sign', 'signs', 'signed', 'ink', 'inks', 'inked', 'form', 'forms', 'forming', 'enter', 'enters', 'extends', 'extend', 'strike', 'strikes', 'seal', 'seals', 'to'], 0, head));
    const partner = partnerAfterWith(w, after, subjectEnd || head) ?? (isWordToken(t[after], 'with') ? null : otherParty(w, subjectEnd || head));
    const purposeFrom = isWordToken(t[after], 'with') ? (nounPhraseAt(t, after + 1, 5)?.end ?? after) : after;
    const base = `the ${modText ? `${modText} ` : ''}${headText}`;
    if (!partner) return mods.length ? phrase(`${base}${purposeAt(w, purposeFrom)}`, base) : null;
    return phrase(`${base} with ${partner}${purposeAt(w, purposeFrom)}`, `${base} with ${partner}`);
  }
  // "AstraZeneca And Daiichi Sankyo To Jointly Commercialise MOVANTIK In The US".
  const jointly = findWord(t, ['jointly']);
  if (jointly > 0 && t[jointly + 1]?.kind === 'word') {
    const partner = otherParty(w, isWordToken(t[jointly - 1], 'to') ? jointly - 1 : jointly);
    const np = nounPhraseAt(t, jointly + 2, 4);
    if (partner && np && !np.company) return phrase(`the agreement with ${partner} to ${t[jointly + 1]!.lower} ${writeNounPhrase(np)}`, `the agreement with ${partner}`);
    if (partner) return phrase(`the agreement with ${partner}`);
  }
  if (verb >= 0) {
    let at = verb + 1;
    if (isWordToken(t[at], 'up', 'forces', 'hands')) at += 1;
    const partner = partnerAfterWith(w, at, verb);
    if (!partner) return null;
    const end = nounPhraseAt(t, at + 1, 5)?.end ?? at;
    return phrase(`the partnership with ${partner}${purposeAt(w, end)}`, `the partnership with ${partner}`);
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Acquisitions

const BUY_VERBS = new Set(['buy', 'buys', 'bought', 'buying', 'acquire', 'acquires', 'acquired', 'acquiring', 'purchase', 'purchases', 'snaps', 'takes', 'adds']);
const SELL_VERBS = new Set(['sells', 'sell', 'sold', 'selling', 'divests', 'offloads']);

function acquired(w: HeadlineWords, np: NounPhrase, seller: string | null): NewsPhrase | null {
  const target = writeNounPhrase(np, { definite: true });
  const price = priceAfter(w, np.end);
  const from = seller ? ` from ${seller}` : '';
  const short = np.tokens.every((x) => startsUpper(x) || x.kind !== 'word' || FUNCTION_WORDS.has(x.lower)) && np.tokens.length <= 3 ? `the ${target} acquisition` : `the acquisition of ${target}`;
  return phrase(`the ${price ? `${price.text} ` : ''}acquisition of ${target}${from}`, short);
}

export const readAcquisition: Reading = (w) => {
  const t = w.tokens;
  const sell = findWord(t, SELL_VERBS);
  if (sell >= 0) {
    // "Tesco sells Blinkbox and broadband service to TalkTalk": what lies between the verb and "to <company>".
    const to = findWord(t, ['to'], sell + 1, sell + 8);
    const sold = to > sell + 1 ? t.slice(sell + 1, to) : [];
    const clean = sold.length > 0 && sold.every((x) => !x.company && x.kind !== 'punct' && !(x.kind === 'word' && endsPhrase(x)));
    if (clean && t[to + 1]?.company) {
      const hadThe = isWordToken(sold[0], 'the');
      const tokens = sold.filter((x, i) => !(i === 0 && isWordToken(x, 'the', 'its', 'a', 'an')));
      if (tokens.length) return acquired(w, { tokens, hadThe, end: to, company: false }, otherParty(w, sell));
    }
  }
  const buy = findWord(t, BUY_VERBS);
  if (buy >= 0) {
    let at = buy + 1;
    if (isWordToken(t[at], 'up', 'over')) at += 1;
    const np = nounPhraseAt(t, at, 5);
    if (np && !np.company && !(w.truncated && np.end >= t.length)) {
      const keep = { ...np, tokens: np.tokens.filter((x) => !(x.kind === 'word' && HYPE_WORDS.has(x.lower))) };
      if (keep.tokens.length) return acquired(w, keep, null);
    }
  }
  const of = findWord(t, ['acquisition', 'takeover', 'purchase']);
  if (of >= 0 && isWordToken(t[of + 1], 'of')) {
    const np = nounPhraseAt(t, of + 2, 5);
    if (np && !np.company) return acquired(w, np, null);
  }
  return null;
};

