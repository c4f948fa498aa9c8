/**
 * The headline classifier (DESIGN.md §2): for one headline and one company, what happened to the
 * company, whether it is good or bad news for it, and whether it is worth a congratulations note.
 *
 * The decision is deliberately one-sided. A congratulations note needs all of:
 *   1. a good-news event cue (award, contract win, expansion, funding, launch, milestone,
 *      partnership, acquisition, IPO, regulatory approval) whose subject is the company;
 *   2. nothing in the headline that hedges it (rumour, plan, question, opinion), reverses it
 *      (fails to, terminated, withdraws), or sours it (any bad-news event or bad direction word,
 *      "despite", "amid"), and the company is not the one being bought;
 *   3. a fresh item (≤ 14 days) when the publication date and the current time are known.
 * Everything else is at most `positive` polarity, never a note.
 */
import type { Classification, CompanyRef, Headline, Polarity } from '../news.js';
import { companyMatcher, findMentions, type Mention } from './company.js';
import { CUES, scan, type CueHit } from './cues.js';
import {
  anaphoraMentions,
  approvalIsOwn,
  bridgedBefore,
  isAgent,
  isNominalOwner,
  objectGap,
  pickedFollowUp,
  regulatorBefore,
  type Role,
  type RoleFinding,
  type ZoneCues,
} from './roles.js';
import { clauseAt, normalizeHeadlineText, prepareText, type PreparedText } from './text.js';

/** Options for {@link classifyHeadline}. */
export interface ClassifyOptions {
  /** The current time; with it, items published more than {@link STALE_AFTER_DAYS} ago are not congratulated. */
  now?: Date;
}

/** News older than this is stale: congratulating on it would read as odd. */
export const STALE_AFTER_DAYS = 14;
const DAY_MS = 86_400_000;
const SUMMARY_CHARS = 600;

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

/** "Net profit up 8%" is a routine quarter; a note needs growth of at least this much. */
const STRONG_GROWTH_PERCENT = 20;

/** Whether a strong-results cue really is standout: a record, a multiple, a return to profit, or ≥ 20%. */
function standoutResults(text: string): boolean {
  const percent = /(\d+(?:\.\d+)?)\s*(?:%|per ?cent|pc|percent)/.exec(text);
  if (percent) return Number(percent[1]) >= STRONG_GROWTH_PERCENT;
  return /doubl|tripl|quadrupl|fold|first|black|profitable|(?:to|into) (?:a )?(?:net )?profit/.test(text);
}

interface OwnEvent {
  event: string;
  cue: CueHit;
  finding: RoleFinding;
}

function quote(p: PreparedText, h: { start: number; end: number }): string {
  const s = p.lower.slice(h.start, h.end);
  return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
}

function overlapsAny(h: CueHit, mentions: readonly Mention[]): boolean {
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
          return { role, quality: agent.clean ? 1 : 0.85, how: agent.clean ? 'subject' : 'subject (qualified)' };
        }
        // "Acme jumps on bagging an order": a verb cue used as a noun after a bridge.
        if ((frame === 'agent' || frame === 'symmetric') && bridgedBefore(p, cue) && isNominalOwner(p, m, cue, zone)) {
          return { role: 'own', quality: 0.75, how: 'subject of the clause naming the event' };
        }
        if (m.start < cue.end) break;
        if (frame === 'symmetric') {
          const gapWords = objectGap(p, m, cue, 5);
          if (gapWords && !m.possessive && (cue.definition.source.includes('\\s+with\\b') || gapWords.includes('with') || gapWords.includes('and'))) {
            return { role: 'own', quality: 0.85, how: 'partner named after the verb' };
          }
        } else if (frame === 'acquire') {
          const gapWords = objectGap(p, m, cue, 4);
          if (gapWords) return m.possessive ? { role: 'seller', quality: 0.8, how: 'its asset is bought' } : { role: 'target', quality: 0.9, how: 'the one being bought' };
        } else if (frame === 'acquired-by') {
          const gapWords = objectGap(p, m, cue, 3);
          if (gapWords && !m.possessive) return { role: 'own', quality: 0.8, how: 'named as the buyer' };
        } else if (frame === 'sale') {
          const gapWords = objectGap(p, m, cue, 10);
          if (gapWords && gapWords.length > 0 && gapWords[gapWords.length - 1] === 'to' && !m.possessive) {
            return { role: 'own', quality: 0.8, how: 'named as the buyer' };
          }
          if (gapWords && gapWords.length <= 3 && !gapWords.includes('to')) {
            return m.possessive ? { role: 'seller', quality: 0.8, how: 'its asset is sold' } : { role: 'target', quality: 0.85, how: 'the business being sold' };
          }
        }
        if (!fallback && objectGap(p, m, cue, 12)) fallback = { role: 'counterparty', quality: 0.7, how: 'named after the verb, not its subject' };
        break;
      }
      case 'approval-by': {
        const gapWords = objectGap(p, m, cue, 6);
        if (gapWords && regulatorBefore(p, cue) && approvalIsOwn(gapWords)) return { role: 'own', quality: 0.85, how: 'a regulator approves its product' };
        break;
      }
      case 'picked': {
        const gapWords = objectGap(p, m, cue, 3);
        if (gapWords && !m.possessive && pickedFollowUp(p, m)) return { role: 'own', quality: 0.8, how: 'chosen by a client' };
        break;
      }
      case 'recipient': {
        const gapWords = objectGap(p, m, cue, 2);
        if (gapWords && !m.possessive) return { role: 'own', quality: 0.85, how: 'named as the recipient' };
        break;
      }
      case 'nominal':
      case 'bridged': {
        if (isNominalOwner(p, m, cue, zone, frame === 'bridged')) return { role: 'own', quality: 0.75, how: 'subject of the clause naming the event' };
        break;
      }
    }
  }
  return fallback;
}

/** Ranges of the headline that speak about the company: the comma-clauses holding a mention. */
function companyScope(p: PreparedText, mentions: readonly Mention[]): Array<[number, number]> {
  const cuts = [...p.clauseStarts, ...p.commas].sort((a, b) => a - b);
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

function staleness(item: Headline, now: Date | undefined): { stale: boolean; note: string | null } {
  if (!now || !item.publishedAt) return { stale: false, note: null };
  const t = Date.parse(item.publishedAt);
  if (Number.isNaN(t)) return { stale: false, note: 'publication date unreadable: freshness not checked' };
  const ageDays = (now.getTime() - t) / DAY_MS;
  if (ageDays > STALE_AFTER_DAYS) return { stale: true, note: `stale: published ${Math.floor(ageDays)} days ago (more than ${STALE_AFTER_DAYS})` };
  return { stale: false, note: null };
}

/**
 * Classifies one headline for one company. Pure and deterministic: the same input always gives
 * the same output, and `reasons` names the cues that decided.
 */
export function classifyHeadline(item: Headline, company: CompanyRef, options: ClassifyOptions = {}): Classification {
  const reasons: string[] = [];
  const { text, commentary } = normalizeHeadlineText(typeof item.title === 'string' ? item.title : '');
  const p = prepareText(text);
  const matcher = companyMatcher(company);
  let mentions = findMentions(matcher, p);

  const keep = (hits: CueHit[]): CueHit[] => (mentions.length ? hits.filter((h) => !overlapsAny(h, mentions)) : hits);
  const positive = keep(scan(CUES.positiveEvents, p.lower));
  const negative = keep(scan(CUES.negativeEvents, p.lower));
  const down = keep(scan(CUES.negativeDirection, p.lower));
  const hedges = keep(scan(CUES.modality, p.lower));
  const mixed = keep(scan(CUES.mixed, p.lower));
  const neutral = keep(scan(CUES.neutralEvents, p.lower));
  const zone: ZoneCues = { blocking: [...positive, ...negative, ...hedges, ...neutral] };

  if (mentions.length) mentions = [...mentions, ...anaphoraMentions(p, mentions, zone)].sort((a, b) => a.start - b.start);
  else reasons.push(`"${matcher.name}" is not named in the headline`);

  // 1. The company's role in each good-news cue.
  const own: OwnEvent[] = [];
  let target: CueHit | null = null;
  let seller: CueHit | null = null;
  let counterparty: CueHit | null = null;
  for (const cue of positive) {
    const finding = mentions.length ? roleIn(p, cue, mentions, zone) : null;
    if (!finding) continue;
    if (cue.definition.event === 'strong-results' && !standoutResults(p.lower.slice(cue.start, cue.end))) continue;
    if (finding.role === 'own') own.push({ event: cue.definition.event, cue, finding });
    else if (finding.role === 'target') target ??= cue;
    else if (finding.role === 'seller') seller ??= cue;
    else counterparty ??= cue;
  }
  own.sort((a, b) => EVENT_PRIORITY.indexOf(a.event) - EVENT_PRIORITY.indexOf(b.event));

  // 2. What stands against a note.
  const blockers: string[] = [];
  for (const h of negative) blockers.push(`bad news: ${h.definition.event} ${quote(p, h)}`);
  for (const h of down) if (!negative.some((n) => h.start < n.end && h.end > n.start)) blockers.push(`bad turn ${quote(p, h)}`);
  for (const h of mixed) blockers.push(`mixed ${quote(p, h)}`);
  for (const h of hedges) blockers.push(`not certain ${quote(p, h)}`);
  for (const h of neutral) if (h.definition.event === 'merger') blockers.push(`merger ${quote(p, h)}: the outcome for staff is unclear`);
  if (commentary) blockers.push('commentary, not news');
  if (target) blockers.push(`the company is being bought ${quote(p, target)}`);
  const fresh = staleness(item, options.now);
  if (fresh.note) (fresh.stale ? blockers : reasons).push(fresh.note);
  if (item.summary) {
    const summary = prepareText(normalizeHeadlineText(item.summary.slice(0, SUMMARY_CHARS)).text);
    for (const h of scan(CUES.negativeEvents, summary.lower)) blockers.push(`summary mentions ${h.definition.event} ${quote(summary, h)}`);
  }

  // 3. Polarity toward the company: its events first, then the direction of its clauses.
  const scope = mentions.length ? companyScope(p, mentions) : [[0, p.lower.length] as [number, number]];
  const reversed = (o: OwnEvent): boolean => {
    const clause = clauseAt(p, o.cue.start);
    return [...negative, ...down].some((h) => h.start >= clause.start && h.end <= clause.end);
  };
  let score = 0;
  for (const o of own) score += reversed(o) ? -3 : 3;
  if (target) score += 1;
  const negativeInScope = negative.filter((h) => inScope(h, scope));
  score -= 2 * negativeInScope.length;
  let directionScore = 0;
  for (const h of down) if (inScope(h, scope)) directionScore -= 1;
  for (const h of keep(scan(CUES.positiveDirection, p.lower))) if (inScope(h, scope)) directionScore += 1;
  if (directionScore === 0 && own.length === 0 && negativeInScope.length === 0 && mentions.length) {
    // Nothing near the name ("Acme: profit falls 20%"): read the whole headline.
    for (const h of down) if (!inScope(h, scope)) directionScore -= 1;
    for (const h of keep(scan(CUES.positiveDirection, p.lower))) if (!inScope(h, scope)) directionScore += 1;
  }
  score += directionScore;
  const polarity: Polarity = score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';

  // 4. The decision.
  const best = own[0];
  const congratulate = Boolean(best) && blockers.length === 0 && mentions.length > 0;

  let event: string | null = null;
  if (congratulate && best) {
    event = best.event;
    reasons.push(`${best.event}: ${quote(p, best.cue)}, the company is the ${best.finding.how}`);
  } else {
    if (best) {
      event = reversed(best) ? REVERSED[best.event] ?? best.event : best.event;
      reasons.push(`${best.event}: ${quote(p, best.cue)} (${best.finding.how})`);
    }
    const negativeEvent = negativeInScope[0] ?? (mentions.length ? undefined : negative[0]);
    if (negativeEvent && (!best || !reversed(best))) event = negativeEvent.definition.event;
    if (!event && target) event = 'acquired';
    if (!event && seller) event = 'divestiture';
    if (!event) {
      const n = neutral.find((h) => inScope(h, scope));
      if (n) event = n.definition.event;
    }
    if (!event && counterparty) reasons.push(`counterparty: the company is not the subject of ${quote(p, counterparty)}`);
    if (!event && keep(scan(CUES.stockMove, p.lower)).some((h) => inScope(h, scope))) event = 'stock-move';
    if (!event && keep(scan(CUES.results, p.lower)).some((h) => inScope(h, scope))) event = 'results';
    if (!event && keep(scan(CUES.analyst, p.lower)).some((h) => inScope(h, scope))) event = 'analyst-rating';
    if (best || event) reasons.push(...blockers.slice(0, 4));
    if (!best && !event && mentions.length) reasons.push('no event worth a note');
    if (best && blockers.length === 0 && !mentions.length) reasons.push('the company is not named');
  }

  let confidence: number;
  if (congratulate && best) confidence = Math.min(0.95, 0.6 + 0.35 * best.finding.quality);
  else if (!mentions.length) confidence = 0.3;
  else if (negativeInScope.length) confidence = 0.85;
  else if (best) confidence = 0.5;
  else if (event) confidence = 0.6;
  else confidence = polarity === 'neutral' ? 0.6 : 0.5;

  return { polarity, event, congratulate, confidence: Math.round(confidence * 100) / 100, reasons };
}
