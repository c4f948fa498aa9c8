/**
 * The headline classifier (DESIGN.md §2): for one headline and one company, what happened to the
 * company, whether it is good or bad news for it, and whether it is worth a congratulations note.
 *
 * The decision is deliberately one-sided. A congratulations note needs all of:
 *   1. a good-news event cue (award, contract win, expansion, funding, launch, milestone,
 *      partnership, acquisition, IPO, regulatory approval) whose subject is the company;
 *   2. nothing in the headline that hedges it (rumour, plan, question, opinion — a "may" or a
 *      "plans" only in the event's own clause), reverses it (fails to, terminated, withdraws,
 *      deferred), or sours it (any bad-news event or bad direction word, "despite", "amid"); the
 *      company is not the one being bought, is not a regulator (its news is rule-making), and the
 *      event's clause does not raise debt (nor sell shares, for an IPO or funding);
 *   3. a fresh item (≤ 14 days) when the publication date and the current time are known.
 * Everything else is at most `positive` polarity, never a note.
 */
import type { Classification, CompanyRef, Headline, Polarity } from '../news.js';
import { companyMatcher, findMentions, type Mention } from './company.js';
import { CUES, PLACES, scan, type CueFamily, type CueHit } from './cues.js';
import {
  anaphoraMentions,
  approvalIsOwn,
  approvedPurchaseIsOwn,
  bridgedBefore,
  forRecipient,
  investeeOf,
  investsInItsOwn,
  isAgent,
  isDescriptorWord,
  isModifier,
  isNominalOwner,
  madeBy,
  objectGap,
  partyAfter,
  partnerGapOk,
  pickedFollowUp,
  pickedGapOk,
  regulatorBefore,
  supplierOf,
  type Role,
  type RoleFinding,
  type ZoneCues,
} from './roles.js';
import { clauseAt, normalizeHeadlineText, prepareText, type PreparedText } from './text.js';
import { ageInDays, freshnessOf, STALE_AFTER_DAYS } from '../news-watch/freshness.js';

/** Options for {@link classifyHeadline}. */
export interface ClassifyOptions {
  /** The current time; with it, items published more than {@link STALE_AFTER_DAYS} ago are not congratulated. */
  now?: Date;
}

/** How much of a summary is read for bad news (its lead; the rest is often boilerplate). */
const SUMMARY_CHARS = 600;
/** Headlines are short; a longer "title" is read only this far, which bounds the work per item. */
const MAX_TITLE_CHARS = 1000;

/**
 * How sure each role rule is that the event is the company's own (0..1). A note's confidence
 * grows with it, so a clean subject right before the verb scores highest.
 */
const ROLE_QUALITY = {
  /** "Acme wins order": the name, then the verb. */
  cleanSubject: 1,
  /** "Acme Inc unit to win…", "Acme's new plant opens": the subject with words between. */
  qualifiedSubject: 0.85,
  /** "Beta partners with Acme": the partner named after the verb. */
  partnerAfterVerb: 0.85,
  /** "FDA approves Acme's drug". */
  approvedByRegulator: 0.85,
  /** "Contract awarded to Acme". */
  namedRecipient: 0.85,
  /** "Ryanair orders 75 Acme jets", "orders locomotives from Acme". */
  namedSupplier: 0.8,
  /** "Temasek invests Rs 500 crore in Acme". */
  namedInvestee: 0.8,
  /** "NASA selects Acme to build…". */
  pickedByClient: 0.8,
  /** "Beta acquired by Acme", "Beta sells unit to Acme". */
  namedBuyer: 0.8,
  /** "Acme jumps on order win": the event as a noun in the company's clause. */
  nominalOwner: 0.75,
  /** The company is the one being bought ("Beta to buy Acme"). */
  beingBought: 0.9,
  /** The business being sold ("Beta sells Acme to Gamma"). */
  beingSold: 0.85,
  /** Its asset is bought or sold ("Beta buys Acme's unit"). */
  assetSold: 0.8,
  /** Named somewhere after the verb, not its subject. */
  counterparty: 0.7,
} as const;

/** How many words may stand between a cue and the company named after it, per frame. */
const MAX_WORDS_AFTER_CUE = {
  partner: 5,
  namedPartner: 2,
  acquired: 4,
  buyer: 3,
  saleBuyer: 10,
  soldBusiness: 3,
  counterparty: 12,
  /** A list of names after "clears IPOs of": the company may be the last of several. */
  approvedList: 12,
  picked: 3,
  recipient: 2,
  /** "orders 100 locomotives from Acme", "places Rs 2,000 crore order with Acme". */
  supplier: 8,
  /** "invests Rs 500 crore in US-based Acme". */
  investee: 2,
  /** "order for Acme", "approval for Acme's drug": a descriptor at most. */
  forRecipient: 1,
  /** "licenses its drug to (Swiss) Acme". */
  partyAfter: 2,
} as const;

/** The confidence reported with each kind of verdict. */
const CONFIDENCE = {
  /** A note: from this floor, plus {@link CONFIDENCE.noteSpan} × the role's quality, capped at {@link CONFIDENCE.noteCap}. */
  noteFloor: 0.6,
  noteSpan: 0.35,
  noteCap: 0.95,
  /** The company is not named: the verdict is about someone else. */
  notNamed: 0.3,
  /** Bad news about the company. */
  badNews: 0.85,
  /** Its own good event, hedged or soured. */
  doubtfulEvent: 0.5,
  /** A named event that is not worth a note (results, a stake, an appointment). */
  otherEvent: 0.6,
  /** Nothing happened: neutral. */
  nothingNeutral: 0.6,
  /** Nothing happened, but the words lean one way. */
  nothingLeaning: 0.5,
} as const;

/** Polarity points: the company's own event, bad news about it, and being bought. */
const POLARITY_POINTS = {
  ownEvent: 3,
  ownEventUndone: -3,
  badEvent: -2,
  beingBought: 1,
} as const;

/** What a reversed good event is called ("fails to win contract" → lost-contract). */
const REVERSED: Record<string, string> = {
  'contract-win': 'lost-contract',
  partnership: 'partnership-ended',
  ipo: 'ipo-withdrawn',
  acquisition: 'deal-collapsed',
  'regulatory-approval': 'regulatory-rejection',
  funding: 'funding-failed',
  award: 'award-lost',
  'product-launch': 'launch-setback',
  expansion: 'expansion-setback',
  hiring: 'hiring-freeze',
  milestone: 'milestone-missed',
};

/** Why an event found in the headline is still not a reason for a note. */
const NOT_NOTEWORTHY: Record<string, string> = {
  'stock-move': 'share-price moves are never congratulated',
  results: 'routine results, not a milestone',
  'analyst-rating': "an analyst's view, not the company's news",
  stake: 'a stake purchase or sale, not an acquisition',
  appointment: 'a leadership change, not an achievement',
  dividend: 'a payout to shareholders, not an achievement',
  divestiture: 'selling a business is not news to congratulate on',
  acquired: 'being bought is never congratulated',
  merger: 'a merger: the outcome for staff is unclear',
};

/** When several good events are found, the note names the most specific. */
const EVENT_PRIORITY = [
  'acquisition',
  'ipo',
  'regulatory-approval',
  'contract-win',
  'funding',
  'award',
  'partnership',
  'product-launch',
  'expansion',
  'hiring',
  'milestone',
  'strong-results',
];

/**
 * "Net profit up 60%" is a routine quarter to the reader of a congratulations note; a standout one
 * at least doubles (or is a record, a multiple, a first profit or a return to profit).
 */
const STRONG_GROWTH_PERCENT = 100;

/** Whether a strong-results cue really is standout: a record, a multiple, a return to profit, or ≥ {@link STRONG_GROWTH_PERCENT}%. */
function standoutResults(text: string): boolean {
  const change = RISE_TO_FROM.exec(text);
  if (change) {
    const to = amount(change[1]!, change[2]);
    const from = amount(change[3]!, change[4] ?? change[2]);
    return from > 0 && to / from >= STRONG_GROWTH_PERCENT / 100 + 1;
  }
  const percent = /(\d+(?:\.\d+)?)\s*(?:%|per ?cent|pc|percent)/.exec(text);
  if (percent) return Number(percent[1]) >= STRONG_GROWTH_PERCENT;
  if (/\b(?:[2-9]|[1-9]\d+)(?:\.\d+)?\s*(?:times|x)\b/.test(text)) return true;
  return /doubl|tripl|trebl|quadrupl|fold|first|maiden|black|profitable|turn(?:s|ed)? around|back (?:in|into|to) |(?:to|into) (?:a )?(?:\S+ )?(?:net )?profit|(?:vs|versus|against|compared (?:with|to)) (?:a )?(?:net )?loss|after (?:\S+ ){0,2}(?:quarters?|years?|months?|periods?) of (?:net )?loss/.test(text);
}

/** "net profit rises to Rs 50 crore from Rs 20 crore": the two figures, each with its magnitude. */
const RISE_TO_FROM = /\bto\s+(?:rs\.?|inr|us\$|[$€£₹])?\s*(\d[\d,]*(?:\.\d+)?)\s*(crores?|cr|lakhs?|mn|mln|million|bn|bln|billion|k)?\b.*?\bfrom\s+(?:rs\.?|inr|us\$|[$€£₹])?\s*(\d[\d,]*(?:\.\d+)?)\s*(crores?|cr|lakhs?|mn|mln|million|bn|bln|billion|k)?\b/;
const MAGNITUDES: Record<string, number> = { k: 1e3, lakh: 1e5, lakhs: 1e5, mn: 1e6, mln: 1e6, million: 1e6, crore: 1e7, crores: 1e7, cr: 1e7, bn: 1e9, bln: 1e9, billion: 1e9 };

function amount(figure: string, magnitude: string | undefined): number {
  return Number(figure.replace(/,/g, '')) * (magnitude ? MAGNITUDES[magnitude] ?? 1 : 1);
}

interface OwnEvent {
  event: string;
  cue: CueHit;
  finding: RoleFinding;
}

/** Quoted words in `reasons` are cut to this length, so a reason stays one readable line. */
const QUOTE_CHARS = 60;
/** At most this many things standing against a note are described in `reasons`. */
const BLOCKERS_REPORTED = 4;

function quote(p: PreparedText, h: { start: number; end: number }): string {
  const s = p.lower.slice(h.start, h.end);
  return `"${s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS - 3)}…` : s}"`;
}

function overlapsAny(h: CueHit, mentions: ReadonlyArray<{ start: number; end: number }>): boolean {
  for (const m of mentions) if (h.start < m.end && h.end > m.start) return true;
  return false;
}

/** Decides the company's role in one good-news cue, by the cue's frame. */
function roleIn(p: PreparedText, cue: CueHit, mentions: readonly Mention[], zone: ZoneCues): RoleFinding | null {
  const { frame } = cue.definition;
  let fallback: RoleFinding | null = null;
  for (const m of mentions) {
    switch (frame) {
      case 'agent':
      case 'symmetric':
      case 'acquire':
      case 'acquired-by':
      case 'sale': {
        const agent = isAgent(p, m, cue, zone);
        if (agent.ok) {
          const role: Role = frame === 'acquired-by' ? 'target' : frame === 'sale' ? 'seller' : 'own';
          return agent.clean
            ? { role, quality: ROLE_QUALITY.cleanSubject, how: 'subject' }
            : { role, quality: ROLE_QUALITY.qualifiedSubject, how: 'subject (qualified)' };
        }
        // "Acme jumps on bagging an order": a verb cue used as a noun after a bridge.
        if ((frame === 'agent' || frame === 'symmetric') && bridgedBefore(p, cue) && isNominalOwner(p, m, cue, zone)) {
          return { role: 'own', quality: ROLE_QUALITY.nominalOwner, how: 'subject of the clause naming the event' };
        }
        if (m.start < cue.end) break;
        // "licenses its drug to Acme": the other party named right after the cue.
        if (frame === 'agent' && cue.definition.partyAfter && !fallback) {
          const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.partyAfter);
          if (gapWords && partyAfter(p, m, gapWords)) return { role: 'own', quality: ROLE_QUALITY.partnerAfterVerb, how: 'other party named after the verb' };
        }
        if (frame === 'symmetric') {
          const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.partner);
          if (gapWords && !m.possessive && !isModifier(p, m) && partnerGapOk(gapWords) && (cue.definition.partnerFollows === true || gapWords.includes('with') || gapWords.includes('and'))) {
            return { role: 'own', quality: ROLE_QUALITY.partnerAfterVerb, how: 'partner named after the verb' };
          }
        } else if (frame === 'acquire') {
          const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.acquired);
          // "acquisition of Beta by Acme": named after "by", the company is the buyer.
          if (gapWords && gapWords[gapWords.length - 1] === 'by' && !m.possessive && !isModifier(p, m)) {
            return { role: 'own', quality: ROLE_QUALITY.namedBuyer, how: 'named as the buyer' };
          }
          // "to buy six Acme vessels": a client buys what the company makes.
          if (gapWords && madeBy(p, m)) return { role: 'own', quality: ROLE_QUALITY.namedSupplier, how: 'maker of what a client buys', event: 'contract-win' };
          if (gapWords) {
            return m.possessive
              ? { role: 'seller', quality: ROLE_QUALITY.assetSold, how: 'its asset is bought' }
              : { role: 'target', quality: ROLE_QUALITY.beingBought, how: 'the one being bought' };
          }
        } else if (frame === 'acquired-by') {
          const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.buyer);
          if (gapWords && !m.possessive && !isModifier(p, m)) return { role: 'own', quality: ROLE_QUALITY.namedBuyer, how: 'named as the buyer' };
        } else if (frame === 'sale') {
          const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.saleBuyer);
          if (gapWords && gapWords.length > 0 && gapWords[gapWords.length - 1] === 'to' && !m.possessive && !isModifier(p, m)) {
            return { role: 'own', quality: ROLE_QUALITY.namedBuyer, how: 'named as the buyer' };
          }
          if (gapWords && gapWords.length <= MAX_WORDS_AFTER_CUE.soldBusiness && !gapWords.includes('to')) {
            return m.possessive
              ? { role: 'seller', quality: ROLE_QUALITY.assetSold, how: 'its asset is sold' }
              : { role: 'target', quality: ROLE_QUALITY.beingSold, how: 'the business being sold' };
          }
        }
        // "Beta bags drug deal with Acme": the one named after "deal with" is the other party to it.
        if (frame === 'agent' && DEAL_NOUN_END.test(p.lower.slice(cue.start, cue.end)) && !m.possessive && !isModifier(p, m)) {
          // "…, this time with Acme": an aside before "with" still names the other party.
          const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.namedPartner + 1 + ASIDE_WORDS.size)?.filter((w, i, all) => !all.slice(0, i + 1).every((x) => ASIDE_WORDS.has(x)));
          if (gapWords && gapWords[0] === 'with' && gapWords.slice(1).every((w) => isDescriptorWord(w))) {
            return { role: 'own', quality: ROLE_QUALITY.partnerAfterVerb, how: 'named as the other party to the deal', event: 'partnership' };
          }
        }
        if (!fallback && objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.counterparty)) {
          fallback = { role: 'counterparty', quality: ROLE_QUALITY.counterparty, how: 'named after the verb, not its subject' };
        }
        break;
      }
      case 'approval-by': {
        if (!regulatorBefore(p, cue)) break;
        const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.approvedList);
        if (gapWords && approvalIsOwn(p, m, gapWords, cue)) {
          return { role: 'own', quality: ROLE_QUALITY.approvedByRegulator, how: 'a regulator approves its product' };
        }
        if (approvedPurchaseIsOwn(p, m, cue)) {
          return { role: 'own', quality: ROLE_QUALITY.approvedByRegulator, how: 'a regulator clears its purchase', event: 'acquisition' };
        }
        break;
      }
      case 'picked': {
        const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.picked);
        if (gapWords && !m.possessive && pickedGapOk(gapWords) && pickedFollowUp(p, m)) return { role: 'own', quality: ROLE_QUALITY.pickedByClient, how: 'chosen by a client' };
        break;
      }
      case 'recipient': {
        const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.recipient);
        if (gapWords && !m.possessive && !isModifier(p, m)) return { role: 'own', quality: ROLE_QUALITY.namedRecipient, how: 'named as the recipient' };
        break;
      }
      case 'supplier': {
        const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.supplier);
        if (gapWords && supplierOf(p, m, gapWords, regulatorBefore(p, cue))) return { role: 'own', quality: ROLE_QUALITY.namedSupplier, how: 'supplier a client orders from' };
        break;
      }
      case 'investee': {
        if (m.end <= cue.start) {
          const agent = isAgent(p, m, cue, zone);
          if (agent.ok && investsInItsOwn(p, cue)) {
            return { role: 'own', quality: agent.clean ? ROLE_QUALITY.cleanSubject : ROLE_QUALITY.qualifiedSubject, how: 'subject', event: 'expansion' };
          }
          break;
        }
        const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.investee);
        if (gapWords && investeeOf(p, m, gapWords, regulatorBefore(p, cue))) return { role: 'own', quality: ROLE_QUALITY.namedInvestee, how: 'company an investor puts money in' };
        break;
      }
      case 'for': {
        if (m.end <= cue.start) {
          if (isNominalOwner(p, m, cue, zone)) return { role: 'own', quality: ROLE_QUALITY.nominalOwner, how: 'subject of the clause naming the event' };
          break;
        }
        const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.forRecipient);
        if (gapWords && forRecipient(p, m, cue, gapWords)) return { role: 'own', quality: ROLE_QUALITY.namedRecipient, how: 'one the event is for' };
        break;
      }
      case 'nominal':
      case 'bridged': {
        if (isNominalOwner(p, m, cue, zone, frame === 'bridged')) return { role: 'own', quality: ROLE_QUALITY.nominalOwner, how: 'subject of the clause naming the event' };
        // "Beta surges on alliance with Acme": the partner named right after a tie-up is a party to it.
        if (cue.definition.partnerFollows && !m.possessive && !isModifier(p, m)) {
          const gapWords = objectGap(p, m, cue, MAX_WORDS_AFTER_CUE.namedPartner);
          if (gapWords && partnerGapOk(gapWords) && gapWords.every((w) => isDescriptorWord(w))) {
            return { role: 'own', quality: ROLE_QUALITY.partnerAfterVerb, how: 'partner named after the tie-up' };
          }
        }
        break;
      }
    }
  }
  return fallback;
}

/** Ranges of the headline that speak about the company: the comma-clauses holding a mention. */
function companyScope(p: PreparedText, mentions: readonly Mention[]): Array<[number, number]> {
  const cuts = p.softStarts;
  const ranges: Array<[number, number]> = [];
  for (const m of mentions) {
    let start = 0;
    let end = p.lower.length;
    for (const c of cuts) {
      if (c <= m.start) start = c;
      else {
        end = c;
        break;
      }
    }
    ranges.push([start, end]);
  }
  return ranges;
}

function inScope(h: CueHit, scope: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [s, e] of scope) if (h.start < e && h.end > s) return true;
  return false;
}

/** Stale news is not congratulated; undated news is judged on its words (see news-watch/freshness.ts). */
function staleness(item: Headline, now: Date | undefined): { stale: boolean; note: string | null } {
  if (!now || !item.publishedAt) return { stale: false, note: null };
  switch (freshnessOf(item.publishedAt, now)) {
    case 'undated':
      return { stale: false, note: 'publication date unreadable: freshness not checked' };
    case 'stale':
      return { stale: true, note: `stale: published ${ageInDays(item.publishedAt, now)} days ago (more than ${STALE_AFTER_DAYS})` };
    case 'fresh':
      return { stale: false, note: null };
  }
}

/** Classifies one headline for one company (see {@link classifyHeadline} in index.ts). */
export function judgeHeadline(item: Headline, company: CompanyRef, options: ClassifyOptions = {}): Classification {
  const reasons: string[] = [];
  const { text, commentary } = normalizeHeadlineText(typeof item.title === 'string' ? item.title.slice(0, MAX_TITLE_CHARS) : '');
  const p = prepareText(text);
  const matcher = companyMatcher(company);
  let mentions = findMentions(matcher, p);
  const named = mentions.length > 0;

  const positive = scan(CUES.positiveEvents, p.lower, mentions);
  const negative = scan(CUES.negativeEvents, p.lower, mentions);
  const down = scan(CUES.negativeDirection, p.lower, mentions);
  // Neutral events (mergers, stakes, appointments) matter around good-news cues, or to name what
  // happened when nothing else did: looked for only then.
  let neutral = positive.length ? scan(CUES.neutralEvents, p.lower, mentions) : null;
  const zone: ZoneCues = { blocking: positive.concat(negative, neutral ?? NONE) };

  if (named) {
    const anaphora = anaphoraMentions(p, mentions, zone);
    if (anaphora.length) mentions = mentions.concat(anaphora).sort(byStart);
  } else reasons.push(`"${matcher.name}" is not named in the headline`);

  // 1. The company's role in each good-news cue.
  const own: OwnEvent[] = [];
  let target: CueHit | null = null;
  let seller: CueHit | null = null;
  let counterparty: CueHit | null = null;
  if (named) {
    for (const cue of positive) {
      const finding = roleIn(p, cue, mentions, zone);
      if (!finding) continue;
      if (cue.definition.event === 'strong-results' && !standoutResults(p.lower.slice(cue.start, cue.end))) continue;
      if (finding.role === 'own') own.push({ event: finding.event ?? cue.definition.event, cue, finding });
      else if (finding.role === 'target') target ??= cue;
      else if (finding.role === 'seller') seller ??= cue;
      else counterparty ??= cue;
    }
    if (own.length > 1) own.sort(byPriority);
  }

  // 2. What stands against a note (described only when reported). Hedges and mixed signals only
  // matter against the company's own good news, so they are looked for only then.
  const hedges = own.length ? scan(CUES.modality, p.lower, mentions) : NONE;
  const mixed = own.length ? scan(CUES.mixed, p.lower, mentions) : NONE;
  const blockers: Blocker[] = [];
  for (const h of negative) blockers.push({ label: `bad news: ${h.definition.event}`, hit: h, in: p });
  for (const h of down) if (!overlapsAny(h, negative)) blockers.push({ label: 'bad turn', hit: h, in: p });
  for (const h of mixed) blockers.push({ label: 'mixed', hit: h, in: p });
  for (const h of hedges) if (hedgeApplies(p, h, own)) blockers.push({ label: 'not certain', hit: h, in: p });
  for (const h of neutral ?? NONE) if (h.definition.event === 'merger') blockers.push({ label: 'merger (the outcome for staff is unclear)', hit: h, in: p });
  if (commentary) blockers.push({ label: 'commentary, not news' });
  if (own.length && writtenAsCommonWords(p, mentions)) blockers.push({ label: 'the name is written in lower case: common words, not a company' });
  if (own.length && isRegulator(matcher.name)) blockers.push({ label: "a regulator's own decisions are rule-making, not an achievement" });
  else if (own.length && isCountry(matcher.name)) blockers.push({ label: "a country's own decisions are policy, not a company's achievement" });
  for (const o of own) {
    const clause = clauseAt(p, o.cue.start);
    const sale = debtOrShareSale(p.lower.slice(clause.start, clause.end), o.event === 'ipo' || o.event === 'funding', o.event === 'product-launch');
    if (sale) {
      blockers.push({ label: `raising debt or selling shares, not an achievement: "${sale}"` });
      break;
    }
  }
  if (target) blockers.push({ label: 'the company is being bought', hit: target, in: p });
  for (const o of own) {
    if (o.event !== 'partnership') continue;
    const sale = PACT_TO_SELL.exec(p.lower.slice(o.cue.end, clauseAt(p, o.cue.start).end));
    if (sale) {
      blockers.push({ label: `a pact to sell a business is a divestiture: "${sale[0]}"` });
      break;
    }
  }
  const fresh = staleness(item, options.now);
  if (fresh.note) {
    if (fresh.stale) blockers.push({ label: fresh.note });
    else reasons.push(fresh.note);
  }
  if (item.summary) {
    const summary = prepareText(normalizeHeadlineText(item.summary.slice(0, SUMMARY_CHARS)).text);
    for (const h of scan(CUES.negativeEvents, summary.lower)) blockers.push({ label: `summary mentions ${h.definition.event}`, hit: h, in: summary });
  }

  // 3. Polarity toward the company: its events first, then the direction of its clauses.
  const scope = named ? companyScope(p, mentions) : WHOLE;
  let score = 0;
  // The company's own good event counts for it, against it when undone, and not at all when its
  // clause also carries bad news ("expands layoffs").
  for (const o of own) score += isReversed(p, o, negative, down) ? POLARITY_POINTS.ownEventUndone : hasBadNews(p, o, negative, down) ? 0 : POLARITY_POINTS.ownEvent;
  if (target) score += POLARITY_POINTS.beingBought;
  const negativeInScope: CueHit[] = [];
  for (const h of negative) if (inScope(h, scope)) negativeInScope.push(h);
  score += POLARITY_POINTS.badEvent * negativeInScope.length;
  const up = scan(CUES.positiveDirection, p.lower, mentions);
  let near = 0;
  let far = 0;
  for (const h of down) inScope(h, scope) ? (near -= 1) : (far -= 1);
  for (const h of up) inScope(h, scope) ? (near += 1) : (far += 1);
  // Nothing near the name ("Acme: profit falls 20%"): read the whole headline.
  score += near === 0 && own.length === 0 && negativeInScope.length === 0 && named ? far : near;
  const polarity: Polarity = score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';

  // 4. The decision.
  const best = own[0];
  const congratulate = best !== undefined && blockers.length === 0;

  let event: string | null = null;
  if (congratulate) {
    event = best.event;
    reasons.push(`${best.event}: ${quote(p, best.cue)}, the company is the ${best.finding.how}`);
  } else {
    const bestReversed = best !== undefined && isReversed(p, best, negative, down);
    if (best) {
      event = bestReversed ? REVERSED[best.event] ?? best.event : best.event;
      reasons.push(`${best.event}: ${quote(p, best.cue)} (${best.finding.how})`);
    }
    const negativeEvent = negativeInScope[0] ?? (named ? undefined : negative[0]);
    if (negativeEvent && !bestReversed) event = negativeEvent.definition.event;
    if (!event && target) event = 'acquired';
    if (!event && seller) event = 'divestiture';
    if (!event) {
      neutral ??= scan(CUES.neutralEvents, p.lower, mentions);
      for (const h of neutral) if (inScope(h, scope)) event ??= h.definition.event;
    }
    if (!event && counterparty) reasons.push(`counterparty: the company is not the subject of ${quote(p, counterparty)}`);
    if (!event && anyInScope(CUES.stockMove, p, mentions, scope)) event = 'stock-move';
    if (!event && anyInScope(CUES.results, p, mentions, scope)) event = 'results';
    if (!event && anyInScope(CUES.analyst, p, mentions, scope)) event = 'analyst-rating';
    if (best || event) for (const b of blockers.slice(0, BLOCKERS_REPORTED)) reasons.push(describe(b));
    if (event && !best && blockers.length === 0) reasons.push(`${event}: ${NOT_NOTEWORTHY[event] ?? 'not an event worth a note'}`);
    if (!best && !event && named) reasons.push('no event worth a note');
  }

  let confidence: number;
  if (congratulate) confidence = Math.min(CONFIDENCE.noteCap, CONFIDENCE.noteFloor + CONFIDENCE.noteSpan * best.finding.quality);
  else if (!named) confidence = CONFIDENCE.notNamed;
  else if (negativeInScope.length) confidence = CONFIDENCE.badNews;
  else if (best) confidence = CONFIDENCE.doubtfulEvent;
  else if (event) confidence = CONFIDENCE.otherEvent;
  else confidence = polarity === 'neutral' ? CONFIDENCE.nothingNeutral : CONFIDENCE.nothingLeaning;

  return { polarity, event, congratulate, confidence: Math.round(confidence * 100) / 100, reasons };
}

/**
 * "Several Belgian companies tie up with domestic companies": a name written without a capital
 * letter or a digit in a headline that has them is common words ("domestic companies", "mid caps"),
 * not the company. Anaphora ("it", "the company") are judged by the name they refer to.
 */
function writtenAsCommonWords(p: PreparedText, mentions: readonly Mention[]): boolean {
  if (p.text === p.lower) return false;
  let named = false;
  for (const m of mentions) {
    const written = p.text.slice(m.start, m.end);
    if (written === p.lower.slice(m.start, m.end) && ANAPHOR_WORDS.test(written)) continue;
    named = true;
    if (/[A-Z0-9]/.test(written)) return false;
  }
  return named;
}
/** What {@link anaphoraMentions} adds: "it", "the company", "co", "its plant". */
const ANAPHOR_WORDS = /^(?:the |its )?(?:it|co|company|firm|group|bank|insurer|lender|retailer|grocer|carmaker|automaker|drugmaker|airline|miner|startup|chipmaker|brewer|conglomerate|major|giant|consortium|joint venture|jv|[a-z-]+\s+(?:facility|plant|factory|unit|subsidiary|arm|division))\b|^(?:q[1-4]|h[12]|fy|first|second|third|fourth|quarterly|annual|full-year|standalone|consolidated|net|profit|pat|revenue|sales|earnings|ebitda|turnover)/;

/** One thing that stands against a note; turned into words only if it is reported. */
interface Blocker {
  label: string;
  hit?: CueHit;
  in?: PreparedText;
}

function describe(b: Blocker): string {
  return b.hit && b.in ? `${b.label} ${quote(b.in, b.hit)}` : b.label;
}

const WHOLE: ReadonlyArray<readonly [number, number]> = [[0, Number.MAX_SAFE_INTEGER]];
const NONE: readonly CueHit[] = [];

function byStart(a: Mention, b: Mention): number {
  return a.start - b.start;
}

function byPriority(a: OwnEvent, b: OwnEvent): number {
  return EVENT_PRIORITY.indexOf(a.event) - EVENT_PRIORITY.indexOf(b.event);
}

/** An aside between a deal and "with <partner>": "bags another deal, this time with Acme". */
const ASIDE_WORDS = new Set([',', 'this', 'time', 'now', 'again', 'also']);

/** A cue that ends in the deal itself ("bags cancer drug deal"), so "with <name>" after it names the other party. */
const DEAL_NOUN_END = /\b(?:deals?|agreements?|pacts?)$/;

/** A partnership whose purpose is selling a business ("in pact with Beta to sell its retail arm"). */
const PACT_TO_SELL =
  /\bto (?:sell|divest|offload|hive off|spin off|carve out|dispose of|hand over|transfer)\s+(?:\S+\s+){0,3}?(?:units?|arms?|business(?:es)?|divisions?|subsidiar(?:y|ies)|stakes?|assets?|plants?|brands?|operations|portfolio|stores|outlets|hotels|properties|mines)\b/;

/** Words that undo an event rather than add bad news to it. */
const REVERSAL =
  /^(?:fail|not|no\b|never|\w*n't|without|defer|abort|falls? through|fell through|falls? apart|fell apart|veto|nix|scupper|thwart|torpedo|put off|puts off|pushe[sd] back|den(?:y|ies|ied|ial)|reject|refus|cancel|scrap|terminat|ends?\b|ended|to end|withdr|pull|abandon|postpon|delay|shelv|halt|suspen|block|collaps|derail|unravel|stall|revok|stripped|los[et]|losing|miss|u-turn|revers|overturn|backs? out|walks? away|calls? off|called off|drop|under-?subscri)/;

/** A good event is reversed when its own clause undoes it: "fails to win", "deal collapses", "contract terminated". */
function isReversed(p: PreparedText, o: OwnEvent, negative: readonly CueHit[], down: readonly CueHit[]): boolean {
  const clause = clauseAt(p, o.cue.start);
  for (const h of negative) if (h.definition.event === 'lost-contract' && h.start >= clause.start && h.end <= clause.end) return true;
  for (const h of down) if (h.start >= clause.start && h.end <= clause.end && REVERSAL.test(p.lower.slice(h.start, h.end))) return true;
  return false;
}

function hasBadNews(p: PreparedText, o: OwnEvent, negative: readonly CueHit[], down: readonly CueHit[]): boolean {
  const clause = clauseAt(p, o.cue.start);
  for (const h of negative) if (h.start >= clause.start && h.end <= clause.end) return true;
  for (const h of down) if (h.start >= clause.start && h.end <= clause.end) return true;
  return false;
}

/** A clause-scoped hedge ("may", "plans") doubts only the events said in its own clause. */
function hedgeApplies(p: PreparedText, h: CueHit, own: readonly OwnEvent[]): boolean {
  if (h.definition.scope !== 'clause') return true;
  const clause = clauseAt(p, h.start);
  return own.some((o) => o.cue.start >= clause.start && o.cue.start < clause.end);
}

/** Money raised by borrowing or by selling more shares of a listed company is not an IPO or a funding round. */
const DEBT_WORDS =
  /\b(?:bonds?|ncds?|debentures?|(?:senior|convertible|secured|unsecured)\s+notes|notes offering|commercial paper|loans?(?!\s+(?:book|portfolio|disburs\w*|growth|assets|accounts|customers))|debt|masala(?=\s+bonds?)|tier[- ]?(?:i|ii|1|2)\b|at1|green bonds?|credit (?:facility|line)|working capital|(?:from|by)\s+(?:a\s+)?(?:consortium of\s+|group of\s+)?(?:banks|lenders))\b/;
/** Borrowing, as opposed to lending products: what stands against a product launch. */
const BORROWING_WORDS =
  /\b(?:bonds?|ncds?|debentures?|(?:senior|convertible|secured|unsecured)\s+notes|notes offering|commercial paper|(?:loan|credit) (?:facility|line)|term loan|(?:from|by)\s+(?:a\s+)?(?:consortium of\s+|group of\s+)?(?:banks|lenders))\b/;
const SHARE_SALE_WORDS =
  /\b(?:qip|rights (?:issue|offer(?:ing)?)|follow-on|secondary (?:offering|sale)|fpo|ofs|offer for sale|private placement|preferential (?:issue|allotment)|common stock|block (?:deal|trade)|share sale)\b/;
const INITIAL_OFFER = /\b(?:ipo|initial public)\b/;

/** Debt in the event's clause is never an achievement; selling shares only stands against an IPO or funding. */
function debtOrShareSale(clause: string, raisingMoney: boolean, product = false): string | null {
  // A lender's product names loans ("launches app for gold loans"); only borrowing stands against a launch.
  const debt = (product ? BORROWING_WORDS : DEBT_WORDS).exec(clause);
  if (debt) return debt[0];
  if (!raisingMoney) return null;
  if (INITIAL_OFFER.test(clause)) return null;
  return SHARE_SALE_WORDS.exec(clause)?.[0] ?? null;
}

/**
 * Regulators and central banks: what they "launch", "introduce" or "approve" is rule-making, never
 * an achievement to congratulate them on. Exchanges are companies and are judged on their words.
 */
const REGULATORS = new Set(
  (
    'sebi rbi sec fca pra fda usfda ema cci trai irdai irda pfrda dgca cdsco mhra ftc doj cftc finra fed ecb boe nhtsa epa faa ' +
    'ofcom ofgem cma bafin amf consob asic accc finma mas csrc nrc ferc fdic occ cerc fmc'
  ).split(/\s+/),
);
const REGULATOR_NAME =
  /^(?:the\s+)?(?:reserve bank of india|securities and exchange (?:board of india|commission)|federal reserve|bank of england|european central bank|bank of japan|people's bank of china|financial conduct authority|competition commission of india|food and drug administration|european medicines agency|insurance regulatory and development authority)$/i;

/** A country or region watched as if it were a company ("China to launch…"): its news is policy. */
const COUNTRY_NAME = new RegExp(`^(?:the\\s+)?${PLACES}$`);

function isCountry(name: string): boolean {
  return COUNTRY_NAME.test(name.trim().toLowerCase());
}

function isRegulator(name: string): boolean {
  const key = name.trim().toLowerCase();
  return REGULATORS.has(key) || REGULATOR_NAME.test(key);
}

function anyInScope(family: CueFamily, p: PreparedText, mentions: readonly Mention[], scope: ReadonlyArray<readonly [number, number]>): boolean {
  for (const h of scan(family, p.lower, mentions)) if (inScope(h, scope)) return true;
  return false;
}
