/** Readings of achievements: awards, milestones, approvals, standout results. */
import type { HeadlineWords, Token } from './headline-words.js';
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
import { FUNCTION_WORDS } from './vocabulary.js';
import {
  cannotEndPhrase,
  complementAt,
  hedged,
  headWithModifiers,
  monthOf,
  phrase,
  priceAfter,
  wordCount,
  type Reading,
} from './phrase-parts.js';

// ------------------------------------------------------------------------------------------------
// Awards

const AWARD_HEADS = new Set(['award', 'awards', 'prize', 'prizes', 'medal', 'medals', 'honour', 'honours', 'honor', 'honors', 'trophy', 'accolade', 'accolades', 'title', 'certification', 'ranking']);
const AWARD_VERBS = new Set(['wins', 'win', 'won', 'winning', 'bags', 'scoops', 'takes', 'receives', 'received', 'earns', 'clinches', 'collects', 'picks', 'lands', 'secures', 'grabs', 'gets', 'awarded']);
const AWARD_PREPS = { for: 'for', at: 'at', in: 'in', from: 'from' } as const;

export const readAward: Reading = (w) => {
  const t = w.tokens;
  const head = findWord(t, AWARD_HEADS);
  if (head >= 0) {
    const { text, mods } = headWithModifiers(w, head, undefined, 5);
    const compl = complementAt(w, head + 1, AWARD_PREPS, 5);
    if (mods.length === 0 && !compl) return null;
    return phrase(`the ${text}${compl ? ` ${compl.text}` : ''}`, mods.length ? `the ${text}` : undefined);
  }
  // A named award without the word "award": "Acme wins Webby for best mobile app".
  const verb = findWord(t, AWARD_VERBS);
  if (verb >= 0) {
    let at = verb + 1;
    if (isWordToken(t[at], 'up', 'home')) at += 1;
    const np = nounPhraseAt(t, at, 4);
    if (np && !np.company && np.tokens.every((x) => startsUpper(x) || x.kind === 'number')) {
      const name = writeTokens(np.tokens);
      const compl = complementAt(w, np.end, AWARD_PREPS, 5);
      return phrase(`the ${name}${compl ? ` ${compl.text}` : ''}`, `the ${name}`);
    }
  }
  // "Acme named to Fortune's Best Workplaces list", "named Best Place to Work by Glassdoor".
  const named = findWord(t, ['named', 'ranked', 'listed', 'recognised', 'recognized', 'voted']);
  if (named >= 0) {
    let at = named + 1;
    let frame = 'the recognition as';
    if (isWordToken(t[at], 'to', 'on', 'in')) {
      frame = 'the place on';
      at += 1;
    } else if (isWordToken(t[at], 'among') || (isWordToken(t[at], 'one') && isWordToken(t[at + 1], 'of'))) {
      frame = 'the place among';
      at += isWordToken(t[at], 'one') ? 2 : 1;
    } else if (isWordToken(t[at], 'as')) at += 1;
    const taken: Token[] = [];
    for (let i = at; i < t.length && taken.length < 7; i += 1) {
      const x = t[i]!;
      if (x.kind === 'punct' || x.company || (x.kind === 'word' && endsPhrase(x) && !startsUpper(x))) break;
      taken.push(x);
      if (isWordToken(x, 'list', 'ranking', 'rankings', 'index')) break;
    }
    while (taken.length && cannotEndPhrase(taken[taken.length - 1]!)) taken.pop();
    while (taken.length && isWordToken(taken[0], 'the', 'a', 'an')) taken.shift();
    if (taken.length === 0 || (w.truncated && at + taken.length >= t.length)) return null;
    const body = writeTokens(taken);
    return phrase(`${frame} ${body}`, wordCount(body) <= 5 ? `${frame} ${body}` : 'the recognition');
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Milestones

const PASS_VERBS = new Set(['crosses', 'passes', 'hits', 'reaches', 'tops', 'surpasses', 'achieves', 'clocks', 'crossed', 'passed', 'reached', 'hit', 'topped', 'surpassed']);
const FIND_VERBS = new Set(['strikes', 'discovers', 'finds', 'struck', 'discovered', 'found']);
const DONE_VERBS = new Set(['completes', 'completed', 'delivers', 'delivered', 'rolls', 'ships', 'shipped', 'sets', 'breaks']);

export const readMilestone: Reading = (w) => {
  const t = w.tokens;
  const pass = findWord(t, PASS_VERBS);
  if (pass >= 0) {
    let at = pass + 1;
    if (isWordToken(t[at], 'the', 'a')) at += 1;
    if (isWordToken(t[at], 'mark', 'milestone') && isWordToken(t[at + 1], 'of')) at += 2;
    const first = t[at];
    if (first && (first.kind === 'number' || first.kind === 'money')) {
      const found = nounPhraseAt(t, at, 4);
      const np = found && { ...found, tokens: found.tokens.filter((x) => !isWordToken(x, 'milestone', 'mark')) };
      if (np && np.tokens.length && !np.company) {
        // "$1 billion in payments".
        const inWhat = isWordToken(t[np.end], 'in') ? nounPhraseAt(t, np.end + 1, 2) : null;
        const what = inWhat && !inWhat.company && inWhat.tokens.every((x) => /^\p{Ll}/u.test(x.text)) ? ` in ${writeTokens(inWhat.tokens)}` : '';
        return phrase(`the ${writeTokens(np.tokens)}${what} milestone`);
      }
    }
  }
  const find = findWord(t, FIND_VERBS);
  if (find >= 0) {
    const what = nounPhraseAt(t, find + 1, 2);
    if (what && !what.company) {
      const compl = complementAt(w, what.end, { in: 'in', off: 'off', at: 'at' }, 4);
      return phrase(`the ${writeTokens(what.tokens)} find${compl ? ` ${compl.text}` : ''}`, `the ${writeTokens(what.tokens)} find`);
    }
  }
  const record = findWord(t, ['record']);
  if (record >= 0) {
    const np = nounPhraseAt(t, record + 1, 3);
    if (np && !np.company) return phrase(`the record ${writeTokens(np.tokens)}`);
  }
  const done = findWord(t, DONE_VERBS);
  if (done >= 0) {
    const np = nounPhraseAt(t, done + 1, 5);
    if (np && !np.company && np.tokens.some((x) => x.kind === 'number' || startsUpper(x))) {
      const verb = t[done]!.lower.startsWith('deliver') || t[done]!.lower.startsWith('ship') ? 'delivery' : 'completion';
      return phrase(`the ${verb} of ${writeNounPhrase(np)}`);
    }
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Approvals

const APPROVAL_HEADS = new Set(['approval', 'approvals', 'nod', 'clearance', 'go-ahead', 'licence', 'license', 'authorisation', 'authorization', 'permit', 'designation', 'certification', 'okay']);
const APPROVE_VERBS = new Set(['approves', 'approve', 'approved', 'clears', 'clear', 'cleared', 'okays', 'oks', 'backs', 'grants']);
const APPROVAL_TEXT: Record<string, string> = { nod: 'approval', okay: 'approval', approvals: 'approval' };
const FOR_PREPS = { for: 'for', to: 'for', of: 'for' } as const;

/** The thing approved when it is the clause's subject: "Bangalore facility gets USFDA approval". */
function approvedSubject(w: HeadlineWords, verb: number): NounPhrase | null {
  const t = w.tokens;
  let start = verb;
  while (start > 0) {
    const x = t[start - 1]!;
    if (x.company || x.kind === 'punct' || x.kind === 'percent' || (x.kind === 'word' && (endsPhrase(x) || FUNCTION_WORDS.has(x.lower)))) break;
    start -= 1;
  }
  if (start === verb) return null;
  const tokens = t.slice(start, verb);
  return { tokens, hadThe: false, end: verb, company: false };
}

export const readApproval: Reading = (w) => {
  const t = w.tokens;
  const head = findWord(t, APPROVAL_HEADS);
  if (head >= 0) {
    const mods = modifiersBefore(t, head, 3);
    const regulator = writeTokens(mods).replace(/['’]s?$/, '');
    const headText = APPROVAL_TEXT[t[head]!.lower] ?? t[head]!.text;
    const base = `the ${regulator ? `${regulator} ` : ''}${headText}`;
    if (isWordToken(t[head + 1], 'to') && isWordToken(t[head + 2], 'raise')) {
      const money = priceAfter(w, head + 3);
      if (money) return phrase(`${base} to raise ${money.text}`, base);
    }
    const compl = complementAt(w, head + 1, FOR_PREPS, 5);
    if (compl) return phrase(`${base} ${compl.text}`, base);
    const verb = findWord(t, ['gets', 'wins', 'receives', 'secures', 'bags', 'obtains', 'earns', 'got', 'won', 'received'], 0, head);
    const subject = verb > 0 ? approvedSubject(w, verb) : null;
    if (subject) return phrase(`${base} for ${writeNounPhrase(subject)}`, base);
    return mods.length ? phrase(base) : null;
  }
  const verb = findWord(t, APPROVE_VERBS);
  if (verb > 0) {
    const regulatorTokens = t.slice(0, verb).filter((x) => !x.company);
    const regulator = regulatorTokens.length && regulatorTokens.length <= 3 && regulatorTokens.every((x) => x.kind === 'word' && startsUpper(x)) ? writeTokens(regulatorTokens) : '';
    let at = verb + 1;
    while (t[at]?.company) at += 1;
    const np = nounPhraseAt(t, at, 4);
    const base = `the ${regulator ? `${regulator} ` : ''}approval`;
    if (!np) return regulator ? phrase(base) : null;
    // "clears IPOs of Numero Uno, Sadbhav Infra": the company's own share of it.
    const ownCut = np.tokens.findIndex((x, i) => x.lower === 'of' && np.tokens[i + 1]?.company);
    const tokens = (ownCut > 0 ? np.tokens.slice(0, ownCut) : np.tokens).map((x) => (x.lower === 'ipos' ? { ...x, text: 'IPO', lower: 'ipo' } : x));
    if (tokens.some((x) => x.company) || tokens.length === 0) return regulator ? phrase(base) : null;
    const thing = writeNounPhrase({ tokens, hadThe: np.hadThe });
    const compl = ownCut > 0 ? null : complementAt(w, np.end, { for: 'for', in: 'in' }, 4);
    const link = compl?.text.startsWith('for ') ? 'of' : 'for';
    return phrase(`${base} ${link} ${thing}${compl ? ` ${compl.text}` : ''}`, `${base} for ${thing}`);
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Results

const METRICS: Record<string, string> = { net: 'profit', profit: 'profit', profits: 'profit', pat: 'profit', earnings: 'earnings', revenue: 'revenue', revenues: 'revenue', sales: 'sales', turnover: 'turnover', income: 'income', ebitda: 'EBITDA' };
const ORDINAL_QUARTER = ['first', 'second', 'third', 'fourth'];
/** The period a result covers: an adjective before the metric, or a phrase after it. */
function periodOf(w: HeadlineWords): { before: string; after: string } {
  const t = w.tokens;
  for (let i = 0; i < t.length; i += 1) {
    const x = t[i]!;
    if (x.kind !== 'word' || x.company) continue;
    const q = /^q([1-4])$/.exec(x.lower);
    if (q) return { before: `${ORDINAL_QUARTER[Number(q[1]) - 1]}-quarter `, after: '' };
    const ordinal = /^(first|second|third|fourth)(?:-quarter)?$/.exec(x.lower);
    if (ordinal && (x.lower.endsWith('quarter') || isWordToken(t[i + 1], 'quarter', 'qtr'))) return { before: `${ordinal[1]}-quarter `, after: '' };
    if (/^h[12]$/.test(x.lower)) return { before: `${x.lower === 'h1' ? 'first' : 'second'}-half `, after: '' };
    const range = /^([a-z]+)-([a-z]+)$/.exec(x.lower);
    if (range && monthOf(range[1]!) && monthOf(range[2]!)) return { before: '', after: ` in the ${monthOf(range[1]!)}–${monthOf(range[2]!)} quarter` };
    const month = monthOf(x.lower.replace(/-(?:qtr|quarter)$/, ''));
    if (month && (/-(?:qtr|quarter)$/.test(x.lower) || isWordToken(t[i + 1], 'quarter', 'qtr'))) return { before: `${month}-quarter `, after: '' };
    if (month && isWordToken(t[i - 1], 'in') && x.lower !== 'may') return { before: '', after: ` in ${month}` };
    if (/^fy['’]?\d{2,4}$/.test(x.lower) || x.lower === 'annual' || x.lower === 'full-year') return { before: 'full-year ', after: '' };
  }
  return { before: '', after: '' };
}

function metricOf(w: HeadlineWords): string | null {
  const t = w.tokens;
  for (let i = 0; i < t.length; i += 1) {
    const x = t[i]!;
    if (x.kind !== 'word' || x.company) continue;
    const metric = METRICS[x.lower];
    if (!metric) continue;
    if (x.lower === 'income' && isWordToken(t[i - 1], 'fee', 'interest', 'other')) continue;
    if (metric === 'sales') {
      const mod = t[i - 1];
      if (mod && isWordToken(mod, 'domestic', 'export', 'total', 'global', 'retail', 'vehicle', 'car', 'passenger')) return `${mod.text} sales`;
    }
    return metric;
  }
  return null;
}

const QUALIFIERS: Record<string, string> = { over: 'more than ', 'more-than': 'more than ', nearly: 'nearly ', almost: 'nearly ', about: 'about ', around: 'about ' };

export const readResults: Reading = (w) => {
  const t = w.tokens;
  if (hedged(w)) return null;
  const metric = metricOf(w);
  const period = periodOf(w);
  const firstProfit = findWord(t, ['first', 'maiden', 'first-ever']);
  if (firstProfit >= 0 && isWordToken(t[firstProfit + 1], 'profit')) {
    const money = priceAfter(w, firstProfit + 2);
    return phrase(`the first profit${money ? ` of ${money.text}` : ''}`, 'the first profit');
  }
  // "NMDC posts 34 per cent rise in fourth quarter": the quarter's results.
  const resultsOf = metric ?? (period.before ? 'results' : null);
  if (!resultsOf) return null;
  const change = t.findIndex((x) => x.kind === 'percent' || x.kind === 'fold');
  const doubled = findWord(t, ['doubles', 'doubled', 'triples', 'tripled', 'trebles']);
  if (change >= 0) {
    const x = t[change]!;
    let qual = QUALIFIERS[t[change - 1]?.lower ?? ''] ?? '';
    if (isWordToken(t[change - 1], 'than') && isWordToken(t[change - 2], 'more')) qual = 'more than ';
    const big = x.kind === 'fold' || Number.parseFloat(x.text) >= 50;
    const noun = big ? 'jump' : 'rise';
    return phrase(`the ${qual}${x.text} ${noun} in ${period.before}${resultsOf}${period.after}`, `the ${x.text} ${noun} in ${resultsOf}`);
  }
  if (doubled >= 0) {
    const verb = t[doubled]!.lower.startsWith('doubl') ? 'doubling' : 'tripling';
    return phrase(`the ${verb} of ${period.before}${resultsOf}${period.after}`, `the ${verb} of ${resultsOf}`);
  }
  const record = findWord(t, ['record']);
  if (record >= 0) {
    const money = priceAfter(w, record);
    if (money) return phrase(`the record ${period.before}${resultsOf} of ${money.text}`, `the record ${resultsOf}`);
  }
  return null;
};
