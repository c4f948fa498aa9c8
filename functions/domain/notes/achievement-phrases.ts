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
  type NewsPhrase,
  type Reading,
} from './phrase-parts.js';

// ------------------------------------------------------------------------------------------------
// Awards

const AWARD_HEADS = new Set(['award', 'awards', 'prize', 'prizes', 'medal', 'medals', 'honour', 'honours', 'honor', 'honors', 'trophy', 'accolade', 'accolades', 'title', 'certification', 'ranking']);
const AWARD_VERBS = new Set(['wins', 'win', 'won', 'winning', 'bags', 'scoops', 'takes', 'receives', 'received', 'earns', 'clinches', 'collects', 'picks', 'lands', 'secures', 'grabs', 'gets', 'awarded']);
const AWARD_PREPS = { for: 'for', at: 'at', in: 'in', from: 'from' } as const;

/** A capitalised word of a name: not the company, a function word or the award verb. */
const nameWord = (x: Token | undefined): boolean =>
  !!x && x.kind === 'word' && /^\p{Lu}/u.test(x.raw) && !x.company && !FUNCTION_WORDS.has(x.lower) && !AWARD_VERBS.has(x.lower);

/** An honour's name as its owner writes it: "Best Robot of the Year", also from an all-caps or Title Case headline. */
function writeHonour(tokens: readonly Token[]): string {
  return tokens
    .map((x) => (x.kind !== 'word' ? x.text : FUNCTION_WORDS.has(x.lower) ? x.lower : x.lower.charAt(0).toUpperCase() + x.lower.slice(1)))
    .join(' ');
}

/**
 * Where an honour's name that runs over "of the" starts — "Best Robot of the Year award",
 * "Employer of the Year title", "Company of the Year" — or -1. `end` is the index just after the
 * capitalised words that follow "of (the)".
 */
function ofTheNameStart(t: readonly Token[], end: number): number {
  let i = end - 1;
  if (!nameWord(t[i])) return -1;
  while (nameWord(t[i - 1])) i -= 1;
  let j = i - 1;
  if (isWordToken(t[j], 'the')) j -= 1;
  if (!isWordToken(t[j], 'of') || !nameWord(t[j - 1])) return -1;
  let start = j - 1;
  for (let n = 0; n < 3 && nameWord(t[start - 1]); n += 1) start -= 1;
  return start;
}

/** Just after the name words that follow the first "of (the)" in an honour: "Company of the Year| by Forbes". */
function honourEnd(taken: readonly Token[]): number {
  let i = taken.findIndex((x) => isWordToken(x, 'of')) + 1;
  if (isWordToken(taken[i], 'the')) i += 1;
  while (nameWord(taken[i])) i += 1;
  return i;
}

/**
 * The recognition a headline names with "named", "ranked", "voted"…: "Acme named to Fortune's Best
 * Workplaces list", "named Best Place to Work by Glassdoor", "named Company of the Year" (an honour:
 * a title named over "of the").
 */
function readNamedFrame(w: HeadlineWords): { phrase: NewsPhrase | null; honour: boolean } | null {
  const t = w.tokens;
  // "Acme named to Fortune's Best Workplaces list", "named Best Place to Work by Glassdoor".
  const named = findWord(t, ['named', 'ranked', 'listed', 'recognised', 'recognized', 'voted']);
  if (named < 0) return null;
  let at = named + 1;
  let frame = 'the recognition as';
  if (isWordToken(t[at], 'to', 'on', 'in')) {
    frame = 'the spot on';
    at += 1;
  } else if (isWordToken(t[at], 'among') || (isWordToken(t[at], 'one') && isWordToken(t[at + 1], 'of'))) {
    frame = 'the spot among';
    at += isWordToken(t[at], 'one') ? 2 : 1;
  } else if (isWordToken(t[at], 'as')) at += 1;
  const taken: Token[] = [];
  let honour = false;
  for (let i = at; i < t.length && taken.length < 7; i += 1) {
    const x = t[i]!;
    // "named Company of the Year by Forbes": the title runs over "of the".
    const ofTheTitle = isWordToken(x, 'of') && taken.length > 0 && nameWord(taken[taken.length - 1]) && (nameWord(t[i + 1]) || (isWordToken(t[i + 1], 'the') && nameWord(t[i + 2])));
    if (ofTheTitle || (isWordToken(x, 'the') && isWordToken(t[i - 1], 'of') && honour)) {
      honour = true;
      taken.push(x);
      continue;
    }
    if (x.kind === 'punct' || x.company || (x.kind === 'word' && endsPhrase(x) && !startsUpper(x))) break;
    taken.push(x);
    if (isWordToken(x, 'list', 'ranking', 'rankings', 'index')) break;
  }
  // "best companies to work for" keeps its last word.
  while (taken.length && cannotEndPhrase(taken[taken.length - 1]!) && !(isWordToken(taken[taken.length - 1], 'for') && isWordToken(taken[taken.length - 2], 'work'))) taken.pop();
  // "recognised as a leader": the article stays after "as"; elsewhere it goes.
  while (taken.length && isWordToken(taken[0], 'the', 'a', 'an') && !(frame === 'the recognition as' && isWordToken(taken[0], 'a', 'an'))) taken.shift();
  if (taken.length === 0 || (w.truncated && at + taken.length >= t.length)) return null;
  // "the spot on the Fortune Best Workplaces list" and "the spot among the best companies to work
  // for", but "the spot on Fortune's list" and "the spot among Fortune's 100 Best".
  // "Fast Company's 2026 list": a possessive among the first words is the article.
  const possessive = taken.slice(0, 3).some((x) => /['’]s$/i.test(x.text));
  const needsArticle = !possessive && (frame === 'the spot on' || (frame === 'the spot among' && !startsUpper(taken[0]!)));
  // "Company of the Year by Forbes": the title keeps its capitals; what follows it is written as usual.
  // In a sentence-case headline a capitalised run is a name ("Fast Company's 2026 Most Innovative
  // Companies list"): it keeps its capitals, which Title Case headlines cannot tell us.
  const sentenceCase = t.some((x, i) => i > 0 && x.kind === 'word' && /^\p{Ll}/u.test(x.raw) && !FUNCTION_WORDS.has(x.lower));
  if (sentenceCase && frame !== 'the recognition as') {
    for (let i = 0; i < taken.length; i += 1) {
      const x = taken[i]!;
      if (x.kind === 'word' && /^\p{Lu}/u.test(x.raw) && !/^\p{Lu}+$/u.test(x.raw)) taken[i] = { ...x, text: x.raw };
    }
  }
  const titleEnd = honour ? honourEnd(taken) : 0;
  // After a title only its grantor is kept ("by Forbes"); a ceremony cut short ("at Tech …") goes.
  const after = taken.slice(titleEnd);
  const rest = titleEnd === 0 || (isWordToken(after[0], 'by') && after.length > 1 && after.slice(1).every(nameWord)) ? after : [];
  const body = `${needsArticle ? 'the ' : ''}${[writeHonour(taken.slice(0, titleEnd)), rest.length ? writeTokens(rest) : ''].filter(Boolean).join(' ')}`;
  // Its subject names the title alone: "Well done on the Company of the Year title".
  if (titleEnd > 0 && frame === 'the recognition as') return { phrase: phrase(`${frame} ${body}`, `the ${writeHonour(taken.slice(0, titleEnd))} title`), honour: true };
  return { phrase: phrase(`${frame} ${body}`, wordCount(body) <= 6 ? `${frame} ${body}` : 'the recognition'), honour: false };
}

export const readAward: Reading = (w) => {
  const t = w.tokens;
  // "named Emerging Innovator of the Year at the Tech Awards": the title, not the ceremony.
  const recognition = readNamedFrame(w);
  if (recognition?.honour && recognition.phrase) return recognition.phrase;
  const head = findWord(t, AWARD_HEADS);
  if (head >= 0) {
    const named = ofTheNameStart(t, head);
    if (named >= 0) {
      const name = `${writeHonour(t.slice(named, head))} ${t[head]!.lower}`;
      const compl = complementAt(w, head + 1, AWARD_PREPS, 5);
      return phrase(`the ${name}${compl ? ` ${compl.text}` : ''}`, `the ${name}`);
    }
    const { text, mods } = headWithModifiers(w, head, undefined, 5);
    const compl = complementAt(w, head + 1, AWARD_PREPS, 5);
    if (mods.length === 0 && !compl) return null;
    return phrase(`the ${text}${compl ? ` ${compl.text}` : ''}`, mods.length ? `the ${text}` : undefined);
  }
  // "takes home gold at Cannes Lions".
  const medal = findWord(t, ['gold', 'silver', 'bronze']);
  if (medal > 0 && isWordToken(t[medal + 1], 'at', 'in', 'for')) {
    const compl = complementAt(w, medal + 1, AWARD_PREPS, 5);
    if (compl) return phrase(`the ${t[medal]!.lower} ${compl.text}`, `the ${t[medal]!.lower}`);
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
  return recognition?.phrase ?? null;
};

// ------------------------------------------------------------------------------------------------
// Milestones

const PASS_VERBS = new Set(['crosses', 'cross', 'passes', 'pass', 'hits', 'reaches', 'tops', 'top', 'surpasses', 'surpass', 'achieves', 'clocks', 'crossed', 'passed', 'reached', 'hit', 'topped', 'surpassed', 'exceeds', 'exceeded']);
const FIND_VERBS = new Set(['strikes', 'discovers', 'finds', 'struck', 'discovered', 'found']);
const DONE_VERBS = new Set(['completes', 'completed', 'delivers', 'delivered', 'rolls', 'ships', 'shipped', 'sets', 'breaks']);
const HANDED_OVER = new Set(['delivers', 'delivered', 'ships', 'shipped', 'dispatches', 'dispatched', 'exports', 'exported', 'hands', 'handed', 'supplies', 'supplied']);
const FIRST_EVENTS = /^(?:shipments?|deliver(?:y|ies)|consignments?|cargo(?:es)?|exports?|batch(?:es)?|flights?|voyages?|launch(?:es)?|tests?|missions?|runs?|orders?|sales?)$/;
const STARTED = new Set(['begins', 'began', 'starts', 'started', 'commences', 'commenced', 'kicks', 'kicked']);
const STARTED_WHAT = /^(?:production|operations|deliveries|shipments|manufacturing|exports|services|output|mining|drilling)$/;
const STARTED_HOW = /^(?:commercial|full|mass|serial|full-scale|trial|regular|large-scale)$/;
/** A company's figure that can reach a mark or a record: "revenue", "order book", "exports". */
const FIGURE_WORDS: Readonly<Record<string, string>> = {
  revenue: 'revenue', revenues: 'revenue', sales: 'sales', turnover: 'turnover', exports: 'exports', deliveries: 'deliveries', production: 'production',
  output: 'output', aum: 'AUM', book: 'order book', backlog: 'order backlog', orders: 'orders', bookings: 'bookings', subscribers: 'subscribers', users: 'users', customers: 'customers',
};
const COUNT_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'a']);
const ANNIVERSARY_WORDS = new Set(['anniversary', 'centenary', 'centennial', 'jubilee', 'birthday']);

/** The figure named just before `verb` ("order book swells", "revenue crosses"), if any. */
function figureBefore(t: readonly Token[], verb: number): string | null {
  for (let i = verb - 1; i >= Math.max(0, verb - 3); i -= 1) {
    const x = t[i]!;
    if (x.company || x.kind !== 'word') return null;
    const figure = FIGURE_WORDS[x.lower];
    if (figure === 'order book' && !isWordToken(t[i - 1], 'order')) continue;
    if (figure) return figure;
  }
  return null;
}

/** "celebrates 75th anniversary", "marks its centenary". */
function readAnniversary(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const head = findWord(t, ANNIVERSARY_WORDS);
  if (head < 0) return null;
  const ordinal = t[head - 1]?.kind === 'number' && /\d(?:st|nd|rd|th)$/.test(t[head - 1]!.lower) ? `${t[head - 1]!.lower} ` : '';
  if (!ordinal && t[head]!.lower === 'anniversary') return null;
  const compl = complementAt(w, head + 1, { in: 'in', of: 'of' }, 3);
  return phrase(`the ${ordinal}${t[head]!.lower}${compl ? ` ${compl.text}` : ''}`, `the ${ordinal}${t[head]!.lower}`);
}

/** "begins commercial production at Hosur plant" → "the start of commercial production at the Hosur plant". */
function readStart(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const verb = findWord(t, STARTED);
  if (verb < 0) return null;
  let at = verb + 1;
  if (isWordToken(t[at], 'off')) at += 1;
  const how = isWordToken(t[at]) && STARTED_HOW.test(t[at]!.lower) ? `${t[at]!.lower} ` : '';
  if (how) at += 1;
  if (!isWordToken(t[at]) || !STARTED_WHAT.test(t[at]!.lower)) return null;
  const compl = complementAt(w, at + 1, { at: 'at', in: 'in', from: 'from', of: 'of' }, 4);
  if (!how && !compl) return null;
  const base = `the start of ${how}${t[at]!.lower}`;
  return phrase(`${base}${compl ? ` ${compl.text}` : ''}`, compl ? undefined : base);
}

/** "delivers first A350 freighter to Qatar Airways", "makes first LNG shipment from Kakinada terminal", "first electric bus rolls off Pune line". */
function readFirst(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const first = findWord(t, ['first', 'maiden', '1st']);
  if (first < 0) return null;
  const np = nounPhraseAt(t, first + 1, 4);
  if (!np || np.company || (w.truncated && np.end >= t.length)) return null;
  const thing = `${t[first]!.lower === 'maiden' ? 'maiden' : 'first'} ${writeTokens(np.tokens)}`;
  const compl = complementAt(w, np.end, { to: 'to', from: 'from', for: 'for', in: 'in', at: 'at' }, 4);
  const named = compl && startsUpper(compl.np.tokens[0]!) ? ` ${compl.text}` : '';
  const verb = t[first - 1] && isWordToken(t[first - 1], 'its', 'the') ? t[first - 2] : t[first - 1];
  if (verb && isWordToken(verb) && HANDED_OVER.has(verb.lower) && !FIRST_EVENTS.test(np.tokens[np.tokens.length - 1]!.lower)) {
    return phrase(`the delivery of the ${thing}${named}`, `the delivery of the ${thing}`);
  }
  if (FIRST_EVENTS.test(np.tokens[np.tokens.length - 1]!.lower)) return phrase(`the ${thing}${named}`, `the ${thing}`);
  // "first electric bus rolls off Pune line".
  const off = isWordToken(t[np.end], 'rolls', 'rolled', 'comes', 'came') && isWordToken(t[np.end + 1], 'off', 'out') ? np.end + 1 : -1;
  if (off > 0) {
    const line = nounPhraseAt(t, off + 1, 3);
    const from = line && !line.company && isWordToken(t[off], 'off') ? ` off ${writeNounPhrase(line)}` : '';
    return phrase(`the ${thing}${from}`, `the ${thing}`);
  }
  return null;
}

/** "records highest ever quarterly sales" → "the highest quarterly sales in the company's history". */
function readBestEver(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const at = t.findIndex((x, i) => (isWordToken(x, 'highest', 'best', 'biggest', 'largest') && isWordToken(t[i + 1], 'ever')) || isWordToken(x, 'highest-ever', 'best-ever', 'biggest-ever', 'largest-ever'));
  if (at < 0) return null;
  const superlative = t[at]!.lower.replace(/-ever$/, '');
  const np = nounPhraseAt(t, t[at]!.lower.endsWith('-ever') ? at + 1 : at + 2, 3);
  if (!np || np.company || !np.tokens.some((x) => FIGURE_WORDS[x.lower] || /^(?:profit|profits|net|earnings|income|quarter|year|ebitda|margin|margins)$/.test(x.lower))) return null;
  const what = writeTokens(np.tokens.filter((x) => !isWordToken(x, 'net')));
  return phrase(`the ${superlative} ${what} in the company's history`, `the record ${what}`);
}

/** "granted US patent for battery coating" → "the US patent for the battery coating". */
function readPatent(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const head = findWord(t, ['patent', 'patents']);
  if (head < 0) return null;
  const mods = modifiersBefore(t, head, 2).filter((x) => !isWordToken(x, 'new'));
  const compl = complementAt(w, head + 1, { for: 'for', on: 'for' }, 5);
  if (!compl && mods.length === 0) return null;
  const base = `the ${mods.length ? `${writeTokens(mods)} ` : ''}${t[head]!.lower}`;
  return phrase(`${base}${compl ? ` ${compl.text}` : ''}`, base);
}

export const readMilestone: Reading = (w) => {
  const t = w.tokens;
  const shaped = readAnniversary(w) ?? readStart(w) ?? readFirst(w) ?? readBestEver(w) ?? readPatent(w);
  if (shaped) return shaped;
  const pass = findWord(t, PASS_VERBS);
  if (pass >= 0) {
    let at = pass + 1;
    if (isWordToken(t[at], 'the', 'a')) at += 1;
    if (isWordToken(t[at], 'mark', 'milestone') && isWordToken(t[at + 1], 'of')) at += 2;
    const first = t[at];
    if (first && (first.kind === 'number' || first.kind === 'money' || (isWordToken(first) && COUNT_WORDS.has(first.lower) && isWordToken(t[at + 1], 'million', 'billion', 'lakh', 'crore', 'thousand', 'hundred')))) {
      const found = nounPhraseAt(t, at, 4);
      const np = found && { ...found, tokens: found.tokens.filter((x) => !isWordToken(x, 'milestone', 'mark')) };
      if (np && np.tokens.length && !np.company) {
        // "$1 billion in payments".
        const inWhat = isWordToken(t[np.end], 'in') ? nounPhraseAt(t, np.end + 1, 2) : null;
        const what = inWhat && !inWhat.company && inWhat.tokens.every((x) => /^\p{Ll}/u.test(x.text)) ? ` in ${writeTokens(inWhat.tokens)}` : '';
        // "revenue crosses Rs 5,000 crore mark": the sum is the revenue's.
        const figure = first.kind === 'money' && !what ? figureBefore(t, pass) : null;
        return phrase(`the ${writeTokens(np.tokens)}${what}${figure ? ` ${figure}` : ''} milestone`);
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
  const discovery = findWord(t, ['discovery', 'discoveries', 'breakthrough']);
  if (discovery >= 0) {
    const mods = modifiersBefore(t, discovery, 3);
    const compl = complementAt(w, discovery + 1, { in: 'in', off: 'off', at: 'at', for: 'for' }, 4);
    if (mods.length || compl) return phrase(`the ${mods.length ? `${writeTokens(mods)} ` : ''}${t[discovery]!.lower}${compl ? ` ${compl.text}` : ''}`);
  }
  const record = findWord(t, ['record']);
  if (record >= 0) {
    const np = nounPhraseAt(t, record + 1, 3);
    // "order book swells to record Rs 12,000 crore".
    const figure = np && np.tokens[0]!.kind === 'money' ? figureBefore(t, record - (isWordToken(t[record - 1], 'to', 'a') ? 2 : 1)) : null;
    if (np && !np.company) return phrase(`the record ${writeTokens(np.tokens)}${figure ? ` ${figure}` : ''}`);
  }
  const done = findWord(t, DONE_VERBS);
  if (done >= 0) {
    const np = nounPhraseAt(t, done + 1, 5);
    if (np && !np.company && np.tokens.some((x) => x.kind === 'number' || startsUpper(x))) {
      const verb = t[done]!.lower.startsWith('deliver') || t[done]!.lower.startsWith('ship') ? 'delivery' : 'completion';
      const compl = complementAt(w, np.end, { to: 'to', for: 'for' }, 3);
      const named = compl && startsUpper(compl.np.tokens[0]!) ? ` ${compl.text}` : '';
      return phrase(`the ${verb} of ${writeNounPhrase(np)}${named}`, `the ${verb} of ${writeNounPhrase(np)}`);
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

/** Verbs after "licence to": "licence to mine lithium in Rajasthan". */
const LICENSED_TO = /^(?:mine|operate|sell|market|launch|build|run|offer|start|manufacture|produce|import|export|explore|fly|trade|raise|set|distribute|provide|open|supply|broadcast|drill|develop|conduct|use|acquire|buy)$/;
const BACKING_VERBS = new Set(['backs', 'backed', 'recommends', 'recommended', 'endorses', 'endorsed', 'supports', 'supported']);
const GRANT_VERBS = new Set(['grants', 'granted', 'awards', 'awarded', 'issues', 'issued', 'gives', 'gave', 'accords', 'accorded']);

/** A noun phrase with the watched company's name dropped from its front: "Norcliff psoriasis drug" → "psoriasis drug". */
function withoutCompany(w: HeadlineWords, at: number, max = 5): NounPhrase | null {
  const t = w.tokens;
  let i = at;
  while (isWordToken(t[i], 'the', 'a', 'an', 'its')) i += 1;
  if (!t[i]?.company) {
    const np = nounPhraseAt(t, at, max);
    return np && !np.company ? np : null;
  }
  while (t[i]?.company) i += 1;
  const np = nounPhraseAt(t, i, max);
  return np && !np.company ? { ...np, hadThe: true } : null;
}

/** "IPOs" of several companies is one IPO for each: "the IPO". */
function singularIpo(np: NounPhrase): NounPhrase {
  const cut = np.tokens.findIndex((x) => x.lower === 'of');
  const tokens = (np.tokens[0]?.lower === 'ipos' || np.tokens[0]?.lower === 'ipo') && cut > 0 ? np.tokens.slice(0, cut) : np.tokens;
  return { ...np, tokens: tokens.map((x) => (x.lower === 'ipos' ? { ...x, text: 'IPO', lower: 'ipo' } : x)), hadThe: np.hadThe || tokens.some((x) => x.lower === 'ipos') };
}

/** "EU regulator backs approval for Norcliff psoriasis drug" → "the EU regulator's backing for the psoriasis drug". */
function readBacking(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const verb = findWord(t, BACKING_VERBS);
  if (verb < 1) return null;
  const who = t.slice(0, verb).filter((x) => !x.company);
  if (who.length === 0 || who.length > 3 || who.some((x) => x.kind !== 'word' || endsPhrase(x))) return null;
  let at = verb + 1;
  if (isWordToken(t[at], 'the')) at += 1;
  if (isWordToken(t[at], 'approval', 'authorisation', 'authorization', 'use')) at += 1;
  if (!isWordToken(t[at], 'for', 'of')) return null;
  const np = withoutCompany(w, at + 1, 5);
  if (!np) return null;
  const backer = writeNounPhrase({ tokens: who, hadThe: /regulator|agency|committee|panel|authority|watchdog/i.test(who[who.length - 1]!.lower) });
  const possessive = /^the /.test(backer) ? `${backer}'s` : `the ${backer}'s`;
  return phrase(`${possessive} backing for ${writeNounPhrase(np)}`, `${possessive} backing`);
}

export const readApproval: Reading = (w) => {
  const t = w.tokens;
  const backing = readBacking(w);
  if (backing) return backing;
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
    // "licence to mine lithium in Rajasthan".
    if (isWordToken(t[head + 1], 'to') && t[head + 2]?.kind === 'word' && LICENSED_TO.test(t[head + 2]!.lower)) {
      const np = nounPhraseAt(t, head + 3, 4);
      if (np && !np.company) {
        const where = complementAt(w, np.end, { in: 'in', at: 'at', across: 'across' }, 3);
        return phrase(`${base} to ${t[head + 2]!.lower} ${writeNounPhrase(np)}${where ? ` ${where.text}` : ''}`, base);
      }
    }
    // "RBI grants payments bank licence to Fairpay": the regulator is the one who granted it.
    const grant = findWord(t, GRANT_VERBS, 0, head);
    const grantor = grant > 0 ? t.slice(0, grant).filter((x) => !x.company) : [];
    const from = grantor.length > 0 && grantor.length <= 3 && grantor.every((x) => x.kind === 'word' && startsUpper(x) && !endsPhrase(x)) ? ` from ${writeNounPhrase({ tokens: grantor, hadThe: false })}` : '';
    if (isWordToken(t[head + 1], 'for', 'to', 'of')) {
      const np = withoutCompany(w, head + 2, 5);
      if (np && !(w.truncated && np.end >= t.length)) return phrase(`${base} for ${writeNounPhrase(singularIpo(np))}${from}`, base);
    }
    const verb = findWord(t, ['gets', 'wins', 'receives', 'secures', 'bags', 'obtains', 'earns', 'got', 'won', 'received', 'get', 'win', 'receive'], 0, head);
    const subject = verb > 0 ? approvedSubject(w, verb) : null;
    if (subject) return phrase(`${base} for ${writeNounPhrase(subject)}${from}`, base);
    if (from) return phrase(`${base}${from}`);
    return mods.length ? phrase(base) : null;
  }
  // "Cresco Bio's eczema cream approved by FDA", "Velo Air cleared for flights to Singapore".
  const passive = findWord(t, ['approved', 'cleared', 'authorised', 'authorized', 'okayed', 'greenlit']);
  if (passive > 0 && isWordToken(t[passive + 1], 'by', 'for', 'in', 'as')) {
    const subject = approvedSubject(w, passive);
    const by = isWordToken(t[passive + 1], 'by') ? nounPhraseAt(t, passive + 2, 3) : null;
    const regulator = by && !by.company ? writeTokens(by.tokens) : '';
    const base = `the ${regulator ? `${regulator} ` : ''}${t[passive]!.lower === 'cleared' ? 'clearance' : 'approval'}`;
    const purpose = complementAt(w, by ? by.end : passive + 1, { for: 'for', in: 'in', as: 'as' }, 5);
    const thing = subject ? ` for ${writeNounPhrase(subject)}` : '';
    if (thing || purpose || regulator) return phrase(`${base}${thing}${purpose && !thing ? ` ${purpose.text}` : ''}`, base);
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
    // "clears IPOs of Numero Uno, Sadbhav Infra": each company's own IPO.
    const single = singularIpo(np);
    const ownCut = single.tokens.findIndex((x, i) => x.lower === 'of' && single.tokens[i + 1]?.company);
    const tokens = ownCut > 0 ? single.tokens.slice(0, ownCut) : single.tokens;
    if (tokens.some((x) => x.company) || tokens.length === 0) return regulator ? phrase(base) : null;
    const thing = writeNounPhrase({ tokens, hadThe: single.hadThe });
    const compl = ownCut > 0 || single.tokens.length < np.tokens.length ? null : complementAt(w, np.end, { for: 'for', in: 'in' }, 4);
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
  // "returns to profit in third quarter", "Q2 net profit at Rs 42 crore vs loss of Rs 8 crore".
  const back = t.findIndex((x, i) => isWordToken(x, 'returns', 'returned', 'swings', 'swung', 'turns', 'turned', 'bounces', 'bounced', 'back') && findWord(t, ['profit', 'black', 'profitable'], i + 1, i + 6) > 0);
  const versus = findWord(t, ['vs', 'versus', 'against']);
  const fromLoss = versus > 0 && (isWordToken(t[versus + 1], 'loss', 'losses') || (isWordToken(t[versus + 1], 'a', 'net') && isWordToken(t[versus + 2], 'loss')));
  if (back >= 0 || (fromLoss && metric === 'profit')) {
    const money = t.slice(0, versus > 0 ? versus : t.length).find((x) => x.kind === 'money');
    const profit = period.before ? `a ${period.before}profit` : 'profit';
    return phrase(`the return to ${profit}${money ? ` of ${money.text}` : ''}${period.after}`, `the return to ${profit}`);
  }
  // "NMDC posts 34 per cent rise in fourth quarter": the quarter's results.
  const resultsOf = metric ?? (period.before ? 'results' : null);
  if (!resultsOf) return null;
  // The change that belongs to the results: not a share move in another clause ("rallies 9% as Q3 net profit doubles").
  const anchor = t.findIndex((x) => x.kind === 'word' && !x.company && (METRICS[x.lower] !== undefined || /^q[1-4]$|^h[12]$|quarter|qtr/.test(x.lower)));
  const change = t.findIndex((x, i) => (x.kind === 'percent' || x.kind === 'fold') && (anchor < 0 || i > anchor || !t.slice(i + 1, anchor).some((y) => isWordToken(y, 'as', 'on', 'after', 'while', 'amid') || (y.kind === 'punct' && y.lower !== '-'))));
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
