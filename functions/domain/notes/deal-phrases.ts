/** Readings of deals: contracts and orders won, partnerships, acquisitions. */
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
import { FUNCTION_WORDS, HYPE_WORDS } from './vocabulary.js';
import { complementAt, headWithModifiers, otherParty, phrase, priceAfter, rankedHead, worthAt, type NewsPhrase, type Reading } from './phrase-parts.js';

// ------------------------------------------------------------------------------------------------
// Contracts and orders

const CONTRACT_HEADS = new Set(['contract', 'contracts', 'order', 'orders', 'deal', 'deals', 'project', 'projects', 'engagement', 'mandate', 'tender', 'mine', 'mines', 'block', 'blocks', 'work', 'account', 'agreement', 'agreements', 'pact']);
const CONTRACT_PREPS = { from: 'from', with: 'with', by: 'from', for: 'for', in: 'in', at: 'at', to: 'to' } as const;
const CHOSEN_VERBS = new Set(['picks', 'selects', 'chooses', 'taps', 'hires', 'appoints', 'awards', 'gives', 'hands', 'ropes', 'engages', 'retains', 'enlists']);
/** "selected by ESA to build …": the company chosen, named before the verb. */
const CHOSEN_PASSIVE: Readonly<Record<string, string>> = {
  selected: 'selection', chosen: 'selection', picked: 'selection', tapped: 'selection', hired: 'selection', engaged: 'selection',
  retained: 'selection', empanelled: 'selection', empaneled: 'selection', commissioned: 'commission', appointed: 'appointment', contracted: 'selection',
};
const TASK_VERBS = /^(?:build|design|supply|run|operate|develop|manage|maintain|modernise|modernize|upgrade|provide|deliver|install|create|construct|make|redevelop|refurbish|electrify|lay|advise|audit|digitise|digitize|host|power|equip|ship|find|sell|arrange|handle|lead|market|distribute)$/;
const WINNER_WORDS = new Set(['winner', 'bidder']);

/** What the client asked for: "to supply 300 coaches to Egypt", "to build the new Austin airport terminal". */
export function taskAt(w: HeadlineWords, at: number): { text: string; end: number } | null {
  const t = w.tokens;
  if (!isWordToken(t[at], 'to') || t[at + 1]?.kind !== 'word' || !TASK_VERBS.test(t[at + 1]!.lower)) return null;
  const object = nounPhraseAt(t, at + 2, 5, { keepNew: true });
  if (!object || object.company || (w.truncated && object.end >= t.length)) return null;
  // Only a named place or client follows the object ("to Egypt", "in Pune"); "for his share of …" does not.
  const compl = complementAt(w, object.end, { to: 'to', in: 'in', at: 'at', for: 'for' }, 4);
  const named = compl && startsUpper(compl.np.tokens[0]!) && !(w.truncated && compl.np.end >= t.length);
  return { text: `to ${t[at + 1]!.lower} ${writeNounPhrase(object)}${named ? ` ${compl!.text}` : ''}`, end: named ? compl!.np.end : object.end };
}

/** "Acme selected by ESA to build satellite sensors" → "the selection by ESA to build satellite sensors". */
function readSelection(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const verb = t.findIndex((x) => x.kind === 'word' && !x.company && x.lower in CHOSEN_PASSIVE);
  if (verb < 0 || !t.slice(0, verb).some((x) => x.company)) return null;
  let at = verb + 1;
  let by = '';
  if (isWordToken(t[at], 'by')) {
    const np = nounPhraseAt(t, at + 1, 4);
    if (!np || np.company) return null;
    by = ` by ${writeNounPhrase(np)}`;
    at = np.end;
  }
  const noun = CHOSEN_PASSIVE[t[verb]!.lower]!;
  const task = taskAt(w, at);
  if (task) return phrase(`the ${noun}${by} ${task.text}`, by ? `the ${noun}${by}` : undefined);
  const as = complementAt(w, at, { as: 'as', for: 'for' }, 4);
  if (as) return phrase(`the ${noun}${by} ${as.text}`, by ? `the ${noun}${by}` : undefined);
  return by ? phrase(`the ${noun}${by}`) : null;
}

/** "emerges winner in NHAI highway auction", "wins bid to build Surat metro depot". */
function readWinningBid(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const winner = findWord(t, WINNER_WORDS);
  if (winner > 0 && isWordToken(t[winner - 1], 'winner', 'the', 'as', 'emerges', 'emerged', 'declared', 'named', 'successful', 'winning', 'lowest', 'highest', 'preferred')) {
    const compl = complementAt(w, winner + 1, { in: 'in', for: 'for', of: 'in' }, 5);
    if (compl) return phrase(compl.text.startsWith('for ') ? `the winning bid ${compl.text}` : `the win ${compl.text}`);
  }
  const bid = findWord(t, ['bid', 'bids']);
  if (bid > 0 && isWordToken(t[bid - 1], 'wins', 'won', 'win', 'winning')) {
    const task = taskAt(w, bid + 1);
    if (task) return phrase(`the winning bid ${task.text}`);
    const compl = complementAt(w, bid + 1, { for: 'for' }, 5);
    if (compl) return phrase(`the winning bid ${compl.text}`);
  }
  return null;
}

export const readContract: Reading = (w) => {
  const t = w.tokens;
  const selected = readSelection(w) ?? readWinningBid(w);
  if (selected) return selected;
  const head = findWord(t, CONTRACT_HEADS);
  if (head >= 0 && !(t[head]!.lower === 'work' && head === 0)) {
    const ranked = rankedHead(t, head, t[head]!.text);
    if (ranked) return phrase(ranked);
    let { text, mods } = headWithModifiers(w, head);
    let at = head + 1;
    if (isWordToken(t[at], 'win', 'wins')) at += 1;
    const worth = worthAt(w, at);
    let money = worth?.money;
    if (worth) at = worth.end;
    // "contract to build new Austin airport terminal".
    const task = worth ? null : taskAt(w, at);
    if (task) return phrase(`the ${text} ${task.text}`, mods.length ? `the ${text}` : undefined);
    // "to supply engines to Beta in $2 billion deal": the task comes before the deal.
    const inDeal = head - mods.length - 1;
    if (isWordToken(t[inDeal], 'in', 'under', 'via') || (isWordToken(t[inDeal], 'a', 'an') && isWordToken(t[inDeal - 1], 'in'))) {
      const to = t.findIndex((x, i) => i < inDeal && isWordToken(x, 'to') && t[i + 1]?.kind === 'word' && TASK_VERBS.test(t[i + 1]!.lower));
      const before = to >= 0 ? taskAt(w, to) : null;
      if (before && mods.length) return phrase(`the ${text} ${before.text}`, `the ${text}`);
    }
    const compl = complementAt(w, at, CONTRACT_PREPS, 5);
    if (!money && compl) {
      const after = worthAt(w, compl.np.end);
      if (after) money = after.money;
    }
    if (money && !mods.some((m) => m.kind === 'money')) text = `${money.text} ${text}`;
    // "Pentagon awards Acme $40 million contract": the one who awarded it is the client.
    let client = compl ? ` ${compl.text}` : '';
    // "bags coal mine in auction": won at auction.
    if (compl && compl.np.tokens.length === 1 && isWordToken(compl.np.tokens[0], 'auction', 'auctions', 'bidding')) client = ' won at auction';
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
  // "City of Austin picks Acme to build its new stadium", "Sanjiv Goenka ropes in Law & Kenneth to create …".
  const chooser = findWord(t, CHOSEN_VERBS);
  const chosen = chooser > 0 ? (isWordToken(t[chooser + 1], 'in', 'on') ? chooser + 2 : chooser + 1) : -1;
  if (chosen > 0 && t[chosen]?.company) {
    const name = otherParty(w, chooser);
    let after = chosen;
    while (t[after]?.company) after += 1;
    const task = taskAt(w, after);
    if (name && task) return phrase(`the mandate from ${name} ${task.text}`, `the mandate from ${name}`);
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
  // "extends gas deals with Gazprom, Statoil": when the company is one of a list after "with", its partner is the subject.
  const list = [np];
  while (list.length < 3) {
    const end = list[list.length - 1]!.end;
    if (!(w.tokens[end]?.lower === ',' || isWordToken(w.tokens[end], 'and', '&')) || w.tokens[end + 1]?.kind !== 'word' || !startsUpper(w.tokens[end + 1]!)) break;
    const next = nounPhraseAt(w.tokens, end + 1, 4);
    if (!next) break;
    list.push(next);
  }
  if (list.some((item) => item.company)) return otherParty(w, subjectEnd);
  const names = list.map((item) => {
    const kept = item.tokens.filter((x) => !/^(?:inc|corp|corporation|ltd|plc|llc)\.?$/i.test(x.raw));
    return kept.length ? writeNounPhrase({ tokens: kept, hadThe: item.hadThe }) : '';
  }).filter(Boolean);
  if (names.length === 0) return null;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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
    let mods = modifiersBefore(t, head, 3).filter((m) => !(m.lower === 'joint' && headText === 'joint venture'));
    const subjectEnd = Math.max(0, findWord(t, ['sign', 'signs', 'signed', 'ink', 'inks', 'inked', 'form', 'forms', 'forming', 'enter', 'enters', 'extends', 'extend', 'strike', 'strikes', 'seal', 'seals', 'to'], 0, head));
    // "Amazon's grocery deal with Morrisons", for Morrisons: the owner of the deal is the partner.
    const owner = mods[0] && /['’]s$/.test(mods[0].raw) && startsUpper(mods[0]) && !mods[0].company ? mods[0] : null;
    if (owner) mods = mods.slice(1);
    const ownerName = owner ? owner.text.replace(/['’]s$/, '') : null;
    const partner = (ownerName && isWordToken(t[after], 'with') && t[after + 1]?.company ? ownerName : null) ?? partnerAfterWith(w, after, subjectEnd || head) ?? (isWordToken(t[after], 'with') ? null : otherParty(w, subjectEnd || head));
    // "on Siemens collaboration": the name before the noun is the partner, said once.
    if (partner) mods = mods.filter((m) => !(m.kind === 'word' && startsUpper(m) && partner.split(/\s+/).includes(m.text)));
    const modText = writeTokens(mods);
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
    if (partner) {
      const end = nounPhraseAt(t, at + 1, 5)?.end ?? at;
      return phrase(`the partnership with ${partner}${purposeAt(w, end)}`, `the partnership with ${partner}`);
    }
    // "Gannet partners Tata Power for EV charging network": the partner right after the verb.
    const named = at === verb + 1 ? nounPhraseAt(t, at, 4) : null;
    if (named && !named.company && startsUpper(named.tokens[0]!)) {
      const name = writeNounPhrase(named);
      return phrase(`the partnership with ${name}${purposeAt(w, named.end)}`, `the partnership with ${name}`);
    }
    return null;
  }
  return readPayment(w);
};

/**
 * Money paid to the company for what it owns or makes: "Novartis to pay Acme up to $500 million
 * for eye drug", "Acme to receive $120 million from Roche for antibody rights".
 */
function readPayment(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const sumAt = (at: number): { text: string; end: number } | null => {
    const upTo = isWordToken(t[at], 'up') && isWordToken(t[at + 1], 'to');
    const money = t[upTo ? at + 2 : at];
    return money?.kind === 'money' ? { text: `${upTo ? 'up to ' : ''}${money.text}`, end: (upTo ? at + 2 : at) + 1 } : null;
  };
  const pay = findWord(t, ['pay', 'pays', 'paid', 'paying']);
  if (pay > 0 && t[pay + 1]?.company) {
    let at = pay + 1;
    while (t[at]?.company) at += 1;
    const payer = otherParty(w, isWordToken(t[pay - 1], 'to', 'will') ? pay - 1 : pay);
    const sum = sumAt(at);
    if (!payer || !sum) return null;
    const purpose = purposeAt(w, sum.end);
    return phrase(`the deal with ${payer} worth ${sum.text}${purpose}`, `the deal with ${payer}`);
  }
  const receive = findWord(t, ['receive', 'receives', 'received', 'get', 'gets', 'got', 'secures', 'secured', 'bags', 'bagged', 'lands', 'landed', 'pockets', 'pocketed']);
  const sum = receive >= 0 ? sumAt(receive + 1) : null;
  if (sum && isWordToken(t[sum.end], 'from')) {
    const payer = nounPhraseAt(t, sum.end + 1, 4);
    if (!payer || payer.company) return null;
    const name = writeNounPhrase(payer);
    return phrase(`the ${sum.text} deal with ${name}${purposeAt(w, payer.end)}`, `the ${sum.text} deal with ${name}`);
  }
  return null;
}

// ------------------------------------------------------------------------------------------------
// Acquisitions

const BUY_VERBS = new Set(['buy', 'buys', 'bought', 'buying', 'acquire', 'acquires', 'acquired', 'acquiring', 'purchase', 'purchases', 'snaps', 'takes', 'adds']);
const SELL_VERBS = new Set(['sells', 'sell', 'sold', 'selling', 'divests', 'offloads']);

function acquired(w: HeadlineWords, np: NounPhrase, seller: string | null): NewsPhrase | null {
  // "remaining rights to GSK treatment": rights are named with what they are to.
  const last = np.tokens[np.tokens.length - 1]!;
  const to = isWordToken(last, 'rights', 'licence', 'license') ? complementAt(w, np.end, { to: 'to', for: 'to' }, 3) : null;
  // "Blinkbox and broadband service" → "Blinkbox and the broadband service": each part with its own article.
  const parts: Token[][] = [[]];
  for (const x of np.tokens) if (isWordToken(x, 'and', '&') && parts[parts.length - 1]!.length) parts.push([]); else parts[parts.length - 1]!.push(x);
  const written = parts.filter((p) => p.length).map((p, i) => writeNounPhrase({ tokens: p, hadThe: i === 0 && np.hadThe }, { definite: true })).join(' and ');
  const target = `${written}${to ? ` ${to.text}` : ''}`;
  const found = priceAfter(w, to ? to.np.end : np.end);
  // "for up to $300 mln": a ceiling that depends on milestones is not the price.
  const at = found ? w.tokens.indexOf(found) : -1;
  const price = found && !(isWordToken(w.tokens[at - 1], 'to') && isWordToken(w.tokens[at - 2], 'up')) ? found : null;
  const from = seller ? ` from ${seller}` : '';
  // "acquires control of Beta", "takes full ownership of Beta": a takeover, named by its company.
  const control = /^the (?:full |majority |complete |sole |management )?(?:control|ownership) of (.+)$/.exec(target);
  if (control) return phrase(`the ${price ? `${price.text} ` : ''}takeover of ${control[1]}${from}`, `the takeover of ${control[1]}`);
  const short = np.tokens.every((x) => startsUpper(x) || x.kind !== 'word' || FUNCTION_WORDS.has(x.lower)) && np.tokens.length <= 3 ? `the ${target} acquisition` : `the acquisition of ${target}`;
  return phrase(`the ${price ? `${price.text} ` : ''}acquisition of ${target}${from}`, short);
}

/** "a 60% stake in Pelican Foods", "a majority stake in Blix": a stake bought, with its company. */
function stakeAt(w: HeadlineWords, at: number): NewsPhrase | null {
  const t = w.tokens;
  let i = isWordToken(t[at], 'a', 'an', 'the') ? at + 1 : at;
  const size = t[i]?.kind === 'percent' ? t[i]!.text : isWordToken(t[i], 'majority', 'controlling', 'remaining') ? t[i]!.lower : '';
  if (size) i += 1;
  // "Belgian government stake in Fortis unit": whose stake it was.
  const owner: Token[] = [];
  while (!size && owner.length < 3 && t[i]?.kind === 'word' && !t[i]!.company && !isWordToken(t[i], 'stake', 'interest') && !endsPhrase(t[i]!) && !FUNCTION_WORDS.has(t[i]!.lower)) owner.push(t[i++]!);
  if (!isWordToken(t[i], 'stake', 'interest') || !isWordToken(t[i + 1], 'in')) return null;
  const np = nounPhraseAt(t, i + 2, 4);
  if (!np || np.company) return null;
  const target = writeNounPhrase(np);
  const article = size ? (/^[aeiou8]|^1[18]%/i.test(size) ? 'an' : 'a') : 'a';
  const stake = owner.length ? `the ${writeTokens(owner)} stake` : size === 'remaining' ? 'the remaining stake' : `${article} ${size ? `${size} ` : ''}stake`;
  const price = priceAfter(w, np.end);
  return phrase(`the ${price ? `${price.text} ` : ''}acquisition of ${stake} in ${target}`, owner.length ? `the stake in ${target}` : `the ${target} stake`);
}

/** Lower-case words before "buy" or "purchase": "on hotel chain buy" → the hotel chain. */
function nominalPurchase(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const head = findWord(t, ['buy', 'purchase', 'acquisition', 'buyout']);
  if (head < 1) return null;
  const bought: Token[] = [];
  for (let i = head - 1; i >= 0 && bought.length < 3; i -= 1) {
    const x = t[i]!;
    if (x.kind !== 'word' || x.company || FUNCTION_WORDS.has(x.lower) || endsPhrase(x)) break;
    bought.unshift(x);
  }
  const before = t[head - bought.length - 1];
  if (bought.length === 0 || !isWordToken(before, 'on', 'after', 'as', 'following', 'with', 'via', 'through')) return null;
  const np: NounPhrase = { tokens: bought, hadThe: false, end: head + 1, company: false };
  const names = bought.every((x) => startsUpper(x));
  const compl = complementAt(w, head + 1, { in: 'in', at: 'at' }, 3);
  const money = bought.filter((x) => x.kind === 'money');
  if (names) {
    const name = writeTokens(bought.filter((x) => x.kind !== 'money'));
    return name ? phrase(`the ${money.length ? `${money[0]!.text} ` : ''}${name} acquisition`) : null;
  }
  const target = writeNounPhrase(np, { definite: true });
  return phrase(`the acquisition of ${target}${compl ? ` ${compl.text}` : ''}`, `the acquisition of ${target}`);
}

/** "Glimmer acquired by Arden", "UTV Software gains as CCEA clears buyout by Walt Disney": what was bought, named first. */
function boughtByCompany(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const by = t.findIndex((x, i) => isWordToken(x, 'by') && t[i + 1]?.company === true);
  if (by < 1 || !isWordToken(t[by - 1], 'acquired', 'bought', 'purchased', 'over', 'buyout', 'takeover', 'acquisition', 'purchase')) return null;
  const lead: Token[] = [];
  for (const x of t) {
    if (x.kind !== 'word' || x.company || !startsUpper(x) || endsPhrase(x) || FUNCTION_WORDS.has(x.lower)) break;
    lead.push(x);
  }
  if (lead.length === 0 || lead.length > 4) return null;
  let at = by + 1;
  while (t[at]?.company) at += 1;
  const price = priceAfter(w, at);
  const name = writeTokens(lead);
  return phrase(`the ${price ? `${price.text} ` : ''}acquisition of ${name}`, `the ${name} acquisition`);
}

export const readAcquisition: Reading = (w) => {
  const t = w.tokens;
  const passive = boughtByCompany(w);
  if (passive) return passive;
  // "wins race for Danish software maker Blix".
  const race = findWord(t, ['race', 'battle', 'contest', 'war', 'auction']);
  if (race > 0 && isWordToken(t[race + 1], 'for')) {
    const np = nounPhraseAt(t, race + 2, 6);
    if (np && !np.company && np.tokens.some((x) => x.kind === 'word' && startsUpper(x))) return acquired(w, np, null);
    // "race for 'programmatic buying' agency Essence Digital": the name at the end is the target.
    let end = race + 2;
    while (end < t.length && t[end]!.kind !== 'punct') end += 1;
    let start = end;
    while (start > race + 2 && t[start - 1]!.kind === 'word' && startsUpper(t[start - 1]!) && !t[start - 1]!.company) start -= 1;
    if (start < end && end - start <= 4) return acquired(w, { tokens: t.slice(start, end), hadThe: false, end, company: false }, null);
  }
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
    const stake = stakeAt(w, at);
    if (stake) return stake;
    const np = nounPhraseAt(t, at, 5);
    if (np && !np.company && !(w.truncated && np.end >= t.length)) {
      const keep = { ...np, tokens: np.tokens.filter((x) => !(x.kind === 'word' && HYPE_WORDS.has(x.lower))) };
      if (keep.tokens.length) return acquired(w, keep, null);
    }
  }
  const of = findWord(t, ['acquisition', 'takeover', 'purchase', 'buyout']);
  if (of >= 0 && isWordToken(t[of + 1], 'of')) {
    const stake = stakeAt(w, of + 2);
    if (stake) return stake;
    const np = nounPhraseAt(t, of + 2, 5);
    if (np && !np.company) return acquired(w, np, null);
  }
  // "boosts security unit with $400 million Lockstep deal", "shares rise on hotel chain buy".
  const deal = findWord(t, ['deal', 'acquisition', 'buy', 'purchase', 'takeover']);
  const withAt = deal > 0 ? findWord(t, ['with', 'via', 'through'], Math.max(0, deal - 5), deal) : -1;
  if (withAt >= 0) {
    const between = t.slice(withAt + 1, deal);
    const money = between.find((x) => x.kind === 'money');
    const names = between.filter((x) => x.kind === 'word' && startsUpper(x) && !x.company);
    if (names.length && between.every((x) => x.kind === 'money' || (x.kind === 'word' && startsUpper(x) && !x.company) || isWordToken(x, 'a', 'an', 'the'))) {
      return phrase(`the ${money ? `${money.text} ` : ''}${writeTokens(names)} acquisition`);
    }
  }
  return nominalPurchase(w);
};

