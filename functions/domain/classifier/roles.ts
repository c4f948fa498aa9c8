/**
 * Who did what: whether the watched company is the subject of a cue, its object, or only passing
 * by. Headlines are short and formulaic, so a few positional rules go a long way; anything that
 * does not fit a rule is treated as "not the company's event" (when unsure, do not congratulate).
 */
import { INDIAN_STATES, PLACES, type CueHit } from './cues.js';
import type { Mention } from './company.js';
import { clauseAt, isTitleCase, lastCommaBetween, type PreparedText } from './text.js';

/** What the company is to an event cue. */
export type Role = 'own' | 'target' | 'seller' | 'counterparty';

/** How the company relates to one positive cue, and how sure the rule is. */
export interface RoleFinding {
  role: Role;
  /** 0..1: 1 = clean subject right before the cue. */
  quality: number;
  /** Human-readable note for `reasons`. */
  how: string;
  /** The event when the rule names it better than the cue ("clears Acme's acquisition of Beta" is an acquisition). */
  event?: string;
}

// Words that may stand before a company's name at the start of a clause without being the subject
// themselves: "UK drugmaker Acme", "Britain's Acme", "Mumbai-based Acme".
const DESCRIPTORS = new Set(
  (
    'us u.s. u.s usa uk u.k. u.k britain british american chinese indian japanese german french swiss dutch irish italian spanish ' +
    'korean south north east west australian canadian european asian african nordic swedish danish norwegian finnish israeli brazilian ' +
    'mexican russian saudi emirati uae singapore singaporean hong kong taiwanese belgian austrian polish turkish greek portuguese indonesian ' +
    'malaysian thai vietnamese philippine filipino egyptian nigerian kenyan argentine chilean colombian peruvian scottish welsh english ' +
    'californian texan london paris berlin tokyo beijing shanghai mumbai bengaluru bangalore delhi dublin sydney toronto seattle boston ' +
    'global local domestic regional international multinational state-run state-owned state-backed public private listed unlisted ' +
    'family-owned new small smaller big bigger biggest largest large major top leading fast-growing mid-sized midsize mid-cap midcap ' +
    'small-cap smallcap large-cap largecap blue-chip tech technology software hardware internet online digital e-commerce ecommerce ' +
    'fintech biotech medtech healthtech edtech proptech insurtech cleantech ai pharma pharmaceutical pharmaceuticals drug drugmaker ' +
    'drugmakers chipmaker carmaker automaker auto automotive ev electric energy oil gas power utility telecom telecoms telco media ' +
    'entertainment retail retailer grocer supermarket fashion apparel food beverage drinks brewer distiller spirits tobacco mining miner ' +
    'steel steelmaker cement infra infrastructure construction builder housebuilder homebuilder developer real estate realty property ' +
    'hotel hotelier airline carrier budget low-cost shipping logistics aerospace defence defense engineering industrial chemicals chemical ' +
    'fertiliser fertilizer agri agritech bank lender insurer insurance financial broker brokerage asset manager wealth payments payment ' +
    'exchange bourse group firm company giant maker producer manufacturer provider operator platform startup start-up unicorn ' +
    'conglomerate outfit chain brand studio agency consultancy consulting services it bpo outsourcing semiconductor solar wind renewable ' +
    'renewables green nuclear space satellite robotics robot hospital healthcare diagnostics medical device devices vaccine generic ' +
    'generics pharmacy jeweller jewellery textile textiles paper packaging plastics fmcg consumer goods durables electronics appliance ' +
    'appliances phone handset smartphone cable broadband wireless mobile network streaming gaming games social search cloud data ' +
    'cybersecurity security travel hospitality leisure sports education ride-hailing delivery food-delivery railway rail freight ' +
    'mortgage credit card cards lending investment investor venture capital equity holding holdings parent subsidiary unit rival ' +
    'embattled troubled struggling beleaguered ailing cash-strapped loss-making debt-laden debt-ridden the a an its two three four five six ' +
    'rivals peers giants majors'
  ).split(/\s+/),
);
/** Descriptor nouns that may be qualified by any lower-case word before them ("hosiery maker", "car insurer"). */
const DESCRIPTOR_HEADS = new Set(
  (
    'maker makers producer manufacturer firm company major giant retailer operator provider developer lender insurer group brand chain ' +
    'startup miner builder supplier exporter app platform site portal service marketplace exchange bank carrier airline store grocer ' +
    'fund manager network unicorn'
  ).split(' '),
);
const DESCRIPTOR_SUFFIX = /(?:maker|makers|-based|-listed|-headquartered|-owned|-backed|-run|-controlled|-focused|-born|-founded)$/;

// Words that may sit between the subject and its verb: "Acme to open…", "Acme has won…", "Acme unit wins…".
const GAP_WORDS = new Set(
  (
    'to will has have had is are was were be been being also now finally again officially formally successfully quietly today just ' +
    'newly further itself inc inc. ltd ltd. plc corp corp. co co. llc group holdings unit units subsidiary subsidiaries arm division business board shares stock scrip ' +
    'consortium jv joint venture -led ' +
    'shall would\'ve reportedly indeed then recently already jointly together too ' +
    // A country right after the name is the company's national unit: "Amazon India to create…".
    'india us u.s. usa america uk britain europe emea asia apac china japan germany france canada australia singapore'
  ).split(/\s+/),
);
// Negation and hedging between subject and verb ("Acme fails to win…", "Acme may open…"): the event
// is still the company's, so it can be named; the hedge or negation itself blocks any note.
const HEDGE_WORDS = new Set(
  (
    "fails failed fail not never unable refuses refused declines declined didn't doesn't won't cannot can't may might could would " +
    'should plans planned aims seeks hopes expects expected likely unlikely set poised looking looks about nears close yet to-be ' +
    'reportedly reported said says considering mulls weighs eyes wants intends'
  ).split(/\s+/),
);
const PERIOD_WORD =
  /^(?:q[1-4]|h[12]|fy[-'\d]*|\d{4}|q[1-4]fy\d{2,4}|quarterly|annual|yearly|first|second|third|fourth|\w+-quarter|\w+-qtr|quarter|qtr|full-year|half-year\w*|first-half|second-half|interim|jan|feb|mar|march|apr|april|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|jan-mar|apr-jun|jul-sep|oct-dec|standalone|consolidated|operating|domestic|total|global|core|underlying|organic|net|gross|adjusted)$/;
const AMOUNT_WORD = /^(?:rs\.?|inr|usd|\$|€|£|₹|[$€£₹]?[\d,.]+(?:-?(?:crore|cr|mn|bn|m|b|k|lakh|million|billion))?|crore|cr|mn|bn|million|billion|lakh|up|to)$/;
const TICKER = /^\([^)]{1,24}\)$|^\([^)]*$|^[^(]*\)$/;

// Nouns that, right after a company's name, make someone else the subject: "Acme supplier Beta wins…".
const ROLE_NOUNS = new Set(
  (
    'supplier suppliers vendor vendors rival rivals competitor competitors peer peers partner partners customer customers client clients ' +
    'investor investors backer backers founder founders co-founder cofounder veteran veterans alum alumni alumnus executive executives exec ' +
    'execs ceo cfo coo cto cio chief boss bosses chairman chairwoman chair president director directors head manager managers engineer ' +
    'engineers employee employees staff staffer staffers worker workers union unions shareholder shareholders stakeholder stakeholders ' +
    'critic critics whistleblower lender lenders auditor auditors owner owners parent spinoff spin-off analyst analysts trader traders ' +
    'user users fans driver drivers dealer dealers franchisee franchisees heir family lawyer lawyers adviser advisers advisor advisors ' +
    'insider insiders scientist scientists researcher researchers deal deals takeover bid bids stake stakes offer merger ' +
    'acquisition buyout suitor suitors target shares-holder former ex'
  ).split(/\s+/),
);
const LED_GROUP = /^-led\s+(?:consortium|jv|joint venture|venture|alliance|group)\b/;
const HYPHEN_MODIFIER = /^-(?:backed|owned|led|linked|based|related|style|like|sized|made|affiliated|controlled|funded|supported|bound|branded|focused|rival|supplier|partner|run|designed|built|powered)\b/;

/** Regulators and public bodies whose approval counts (before "approves"). */
const REGULATOR =
  /\b(?:fda|usfda|ema|eu|european commission|ec|chmp|mhra|nice|cdsco|dcgi|pmda|nmpa|health canada|tga|anvisa|sec|finra|fca|pra|sebi|rbi|cci|fcc|ftc|doj|faa|easa|dgca|nhtsa|epa|ofcom|ofgem|cma|government|govt|ministry|cabinet|regulators?|authorit(?:y|ies)|agency|commission|fipb|ccea|trai|irdai|irda|pfrda|nse|bse|nasdaq|nyse|lse|exchange|state|council|county|parliament|senate|congress|department|bureau|usda|cfius|bafin|amf|consob|asic|accc|finma|mas|csrc|nrc|ferc|fdic|occ|federal reserve|treasury|court)\b/;

/** Anything in the object that means "not the company's own approval": a generic, a deal. */
const NOT_OWN_APPROVAL =
  /\b(?:generic|generics|biosimilar|biosimilars|copy|copies|rival|rivals|version|competitor|competitors|deal|merger|takeover|acquisition|buyout|sale|bid|offer|tie-?up|stake|purchase|purchases|rules|norms|regulations|guidelines|framework|hikes?|fares?|tariffs?|prices?|delisting|disinvestment|divestment|privati[sz]ation|revival|package|bail-?out|rescue|recapitali[sz]ation|infusion|restructuring|recast|closure|liquidation|insolvency|resolution)\b/;
/** A purchase a regulator clears: "clears Acme's acquisition of Beta", "approves acquisition of Beta by Acme". */
const DEAL_NOUN = /^(?:acquisition|takeover|buyout|purchase)$/;

const BRIDGE = /\b(?:on|in|after|following|post|with|thanks to|buoyed by|boosted by|lifted by|helped by|driven by|backed by|courtesy)\b/;
/** A nominal cue that starts with its bridge word ("with $870 million IPO"). */
const CUE_OPENS_WITH_BRIDGE = /^with\s/;
const ANAPHOR =
  /^(?:(?:the\s+|its\s+)?(?:it|co|company|firm|group|bank|insurer|lender|retailer|grocer|carmaker|automaker|drugmaker|airline|miner|startup|chipmaker|brewer|conglomerate|major|giant|unit|arm|subsidiary|consortium|joint venture|jv)|(?=(?:(?:q[1-4]|h[12]|fy\S*|first|second|third|fourth|quarterly|annual|full-year|standalone|consolidated)[- ]\s*)*(?:quarter\s+)?(?:net profit|net|profit|pat|revenues?|sales|earnings|ebitda|turnover)\s)|(?:its|the|[a-z-]+(?<!'s))\s+(?:facility|plant|factory|unit|subsidiary|arm|division))\b/;
/** Capitalised words in a gap that are not somebody else's name. */
const NOT_A_NAME = /^(?:Nasdaq|NYSE|LSE|BSE|NSE|ASX|TSX|AIM|HKEX|Euronext|Xetra|Wall|Dalal|Street|Shares?|Stocks?|Net|Profit|Sales|Revenue|Rallies|Surges|Gains|Jumps|Rises|Zooms|Up|Over|Per|Cent|Intraday|Rs|Re|Cr|Mn|Bn|Crore|Lakh|INR|USD|US|UK|EU|Q[1-4]|H[12]|FY\d*|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

const LEADING_COORDINATION = /^(?:(?:[A-Z0-9][^\s,]*\s+){1,4}(?:and|And|AND|&)\s+)+$/;
const GAP_COORDINATION = /^(?:\s*(?:,|and|And|AND|&|-)\s*(?:[A-Z0-9][^\s,]*\s*){1,4})+$/;
/** "Quorra-Helion ink deal": another name joined to the company's by a hyphen, both the subject. */
const HYPHEN_PARTNER_BEFORE = /(?:^|\s)([A-Z0-9][\w&.']+)-$/;
/** Prefixes that look like a capitalised name before a hyphen but are not one ("Ex-Acme", "Pan-India"). */
const NOT_A_HYPHEN_PARTNER = /^(?:ex|pro|anti|non|post|pre|mid|pan|co|neo|then|un|sub|semi|multi|cross|inter|intra|trans|ultra)$/i;
/** After a label ("Acme:", "Acme share price:"), what the next clause says without a subject is the company's. */
const LABEL_TAIL = /^\s*(?:share price|shares|stock|scrip)?\s*[:|]\s*$/;

/** Word counts the positional rules allow (headlines are short; longer gaps are someone else's clause). */
const MAX_WORDS = {
  /** "Acme's new Texas plant opens": words between a possessive name and its verb. */
  possessiveToVerb: 6,
  /** "Acme shares jump 8% in early trade on Rs 300 crore order": the name to a nominal event. */
  nameToNominalEvent: 10,
  /** "rallies on Rs 200 crore order": the bridge word to the event noun. */
  bridgeToNoun: 4,
  /** "approves Acme's new asthma inhaler": the approval verb to the company. */
  approvalToCompany: 4,
  /** Words after a picked company that may say what it was picked for ("…as supplier"). */
  pickedPurpose: 3,
  /** Words after a picked company that may name the contract ("…for $1bn cloud deal"). */
  pickedContract: 6,
} as const;
/** Characters read after a name to find a role noun or modifier ("Acme supplier", "Acme-backed"). */
const AFTER_NAME_CHARS = 40;
/** Characters read after a picked company for what it was picked for. */
const AFTER_PICKED_CHARS = 80;
/** Characters read at a clause start for "it", "the company", "its plant". */
const ANAPHOR_CHARS = 24;
/** Characters read before a cue for a bridge word ("rallies on"). */
const BRIDGE_CHARS = 20;

function words(s: string): string[] {
  const trimmed = s.trim();
  return trimmed ? trimmed.split(/\s+/) : [];
}

function stripPunct(w: string): string {
  return w.replace(/^[("'[]+|[)"',.;:\]]+$/g, '');
}

/** Whether a word may stand before a company's name without being a name itself ("UK", "drugmaker", "Japan's"). */
export function isDescriptorWord(w: string): boolean {
  return isDescriptor(w);
}

function isDescriptor(w: string): boolean {
  const t = stripPunct(w);
  if (!t) return true;
  if (DESCRIPTORS.has(t) || DESCRIPTOR_SUFFIX.test(t)) return true;
  // "Britain's", "Buffett's", "Philippines'": a possessive owner before the company is a descriptor.
  return /'s$|s'$/.test(w);
}

/** The cue families that, inside a zone, mean another verb or event stands there. */
export interface ZoneCues {
  blocking: readonly CueHit[];
}

function cueInside(cues: ZoneCues, from: number, to: number): boolean {
  for (const h of cues.blocking) if (h.start < to && h.end > from) return true;
  return false;
}

/** Whether the mention opens its clause (only descriptors or a list of names before it). */
export function opensClause(p: PreparedText, m: Mention, cues: ZoneCues): boolean {
  const clause = clauseAt(p, m.start);
  const zoneStart = lastCommaBetween(p, clause.start, m.start);
  if (zoneStart >= m.start) return true;
  if (cueInside(cues, zoneStart, m.start)) return false;
  let leadEnd = m.start;
  if (/\b(?:ex|former)[- ]?$/.test(p.lower.slice(zoneStart, m.start))) return false;
  // "Quorra-Helion ink deal": the name joined before the company's is a co-subject, not a descriptor.
  const hyphenPartner = HYPHEN_PARTNER_BEFORE.exec(p.text.slice(zoneStart, m.start));
  if (hyphenPartner && !NOT_A_HYPHEN_PARTNER.test(hyphenPartner[1]!)) {
    leadEnd = m.start - hyphenPartner[1]!.length - 1;
    if (leadEnd <= zoneStart) return true;
  }
  const lead = p.lower.slice(zoneStart, leadEnd);
  const leadWords = words(lead);
  if (leadWords.every(isDescriptor)) return true;
  // "Hosiery maker Acme", "car insurer Acme": lower-case words qualifying a descriptor noun.
  const leadText = words(p.text.slice(zoneStart, leadEnd));
  const head = leadWords[leadWords.length - 1];
  if (head && DESCRIPTOR_HEADS.has(stripPunct(head)) && leadText.length <= 3 && leadText.slice(0, -1).every((w, i) => /^[a-z][a-z-]*$/.test(i === 0 && zoneStart === 0 ? w.toLowerCase() : w))) return true;
  return LEADING_COORDINATION.test(p.text.slice(zoneStart, leadEnd));
}

/** Whether a role noun or hyphenated modifier right after the name hands the subject to someone else. */
export function isModifier(p: PreparedText, m: Mention): boolean {
  const after = p.lower.slice(m.end, m.end + AFTER_NAME_CHARS);
  // "Acme-led consortium bags project": the consortium it leads acts for it.
  if (LED_GROUP.test(after)) return false;
  if (HYPHEN_MODIFIER.test(after)) return true;
  const next = stripPunct(words(after)[0] ?? '');
  return ROLE_NOUNS.has(next);
}

function gapAcceptable(p: PreparedText, m: Mention, to: number, cues: ZoneCues): { ok: boolean; clean: boolean } {
  const gapLower = p.lower.slice(m.end, to);
  const gapWords = words(gapLower);
  if (gapWords.length === 0) return { ok: true, clean: true };
  if (cueInside(cues, m.end, to)) return { ok: false, clean: false };
  // "Beta, Gamma and Acme win…", "Acme, Beta to make debut…": other names, then only gap words.
  const gapText = p.text.slice(m.end, to);
  const trailing = /(?:\s+[a-z][\w']*)+\s*$/.exec(gapText);
  const untrailed = trailing && words(trailing[0]).every((w) => GAP_WORDS.has(w)) ? gapText.slice(0, trailing.index) : gapText;
  // "Acme Corporation and Beta Group sign…": the legal form of the company's own name first.
  const names = untrailed.replace(/^\s*(?:corporation|corp\.?|incorporated|inc\.?|limited|ltd\.?|company|co\.?|plc|group|holdings)\b/i, '');
  if (GAP_COORDINATION.test(names)) return { ok: true, clean: false };
  // "Acme Rs 120 crore IPO opens": an amount between the name and the event.
  if (gapWords.every((w) => AMOUNT_WORD.test(stripPunct(w)))) return { ok: true, clean: false };
  if (gapWords.every((w) => GAP_WORDS.has(stripPunct(w)) || PERIOD_WORD.test(stripPunct(w)) || TICKER.test(w) || HEDGE_WORDS.has(stripPunct(w)))) {
    return { ok: true, clean: gapWords.every((w) => GAP_WORDS.has(stripPunct(w))) };
  }
  if (m.possessive && gapWords.length <= MAX_WORDS.possessiveToVerb) {
    // "Acme's new Texas plant…", "AstraZeneca's lung cancer drug…" — not "Acme's CEO…".
    const first = stripPunct(gapWords[0]!);
    if (ROLE_NOUNS.has(first)) return { ok: false, clean: false };
    if (gapWords.some((w) => /^(?:from|by|against|than|which|who|that|whose|says|said|after|as|while)$/.test(stripPunct(w)))) {
      return { ok: false, clean: false };
    }
    return { ok: true, clean: false };
  }
  return { ok: false, clean: false };
}

/** The company is the subject of `cue`: it opens the clause, right before the verb. */
export function isAgent(p: PreparedText, m: Mention, cue: CueHit, cues: ZoneCues): { ok: boolean; clean: boolean } {
  if (m.end > cue.start) return { ok: false, clean: false };
  const clause = clauseAt(p, cue.start);
  if (m.start < clause.start) return { ok: labelOf(p, m, clause, cue, cues), clean: false };
  if (!opensClause(p, m, cues)) return { ok: false, clean: false };
  // "Acme supplier Beta wins…" — but in "Acme partners with…" the noun is the cue itself.
  if (!m.possessive && p.lower.slice(m.end, cue.start).trim() && isModifier(p, m)) return { ok: false, clean: false };
  return gapAcceptable(p, m, cue.start, cues);
}

/**
 * "Acme: bags Rs 500 crore order from BHEL": the company is the label of the headline (alone in the
 * clause before a colon) and the next clause opens with the event, without a subject of its own.
 */
function labelOf(p: PreparedText, m: Mention, clause: { start: number; end: number }, cue: CueHit, cues: ZoneCues): boolean {
  const labelClause = clauseAt(p, m.start);
  if (labelClause.end !== clause.start || m.possessive) return false;
  if (!LABEL_TAIL.test(p.lower.slice(m.end, clause.start)) || !opensClause(p, m, cues)) return false;
  return words(p.lower.slice(clause.start, cue.start)).every((w) => GAP_WORDS.has(stripPunct(w)));
}

/** Words between the cue and a later mention of the company (same clause), or null. */
export function objectGap(p: PreparedText, m: Mention, cue: CueHit, maxWords: number): string[] | null {
  if (m.start < cue.end) return null;
  const clause = clauseAt(p, cue.start);
  if (m.start >= clause.end) return null;
  const between = words(p.lower.slice(cue.end, m.start));
  return between.length <= maxWords ? between : null;
}

/** What a client orders from a maker ("orders 75 Acme jets"): the company named right before one is its maker. */
const MADE_THINGS =
  /^\s*(?:\S+\s+){0,2}?(?:jets?|planes?|aircraft|airliners?|airplanes?|helicopters?|drones?|locomotives?|trains?|coaches|wagons?|rakes?|buses|trucks?|cars?|vehicles?|engines?|turbines?|ships?|vessels?|frigates?|submarines?|rigs?|satellites?|reactors?|rockets?|tanks?|guns?|howitzers?|rifles?|radars?|missiles?|tractors?|chips?|servers?|handsets?|machines?|cranes?|excavators?|generators?|transformers?|boilers?)\b/;

/** Whether the company is named as the maker of what a client orders or buys ("orders 75 Acme 737 jets"). */
export function madeBy(p: PreparedText, m: Mention): boolean {
  const after = p.lower.slice(m.end, m.end + AFTER_NAME_CHARS);
  return !m.possessive && MADE_THINGS.test(after) && !TAKEN_OUT.test(after);
}

/** What is "ordered" off the road or grounded is not bought: "orders 500 Acme buses off the roads". */
const TAKEN_OUT = /\b(?:off|withdrawn|recalled|seized|impounded|grounded|scrapped|removed|banned|checked|inspected|halted|stopped|suspended|retired|replaced|destroyed)\b/;
/** Words between "orders" and the maker that make it an order about the things, not for them. */
const NOT_AN_ORDER =
  /^(?:to|inspections?|checks?|probes?|audits?|tests?|testing|reviews?|recalls?|investigations?|inquiry|enquiry|scrutiny|shutdowns?|closures?|grounding|removal|withdrawal|halt|suspension|airlines|carriers|operators|owners|users|all)$/;

/**
 * Whether a client's order goes to the company: named after "from"/"with" ("orders 100 locomotives
 * from Acme", "places order with Acme"), or as the maker of what is ordered ("orders 75 Acme jets").
 */
export function supplierOf(p: PreparedText, m: Mention, gap: readonly string[], byAuthority: boolean): boolean {
  if (m.possessive || isModifier(p, m)) return false;
  if (gap.some((w) => NOT_AN_ORDER.test(stripPunct(w)))) return false;
  const last = stripPunct(gap[gap.length - 1] ?? '');
  if (last === 'from' || last === 'with') return gap.slice(0, -1).every((w) => !/'s$|s'$/.test(w) && !/^(?:from|with)$/.test(stripPunct(w)));
  // A regulator, a court or a ministry "orders" things done to the maker's products, not bought from it.
  return !byAuthority && !gap.some((w) => /^(?:from|with|by)$/.test(stripPunct(w))) && madeBy(p, m);
}

/** What an investor may put money "in" that is not the company itself: its shares, its bonds. */
const INVESTED_IN_PAPER = /^\s*(?:\S+\s+){0,2}?(?:shares?|stock|stocks|stakes?|bonds?|debentures?|ncds?|debt|paper|securities|units|ipo|rights|qip|fpo|ofs|block)\b/;

/** "Temasek invests Rs 500 crore in (US-based) Acme": money put in the company, not in its shares or bonds. */
export function investeeOf(p: PreparedText, m: Mention, gap: readonly string[], byAuthority: boolean): boolean {
  // A government putting money in a company is a bailout or a recapitalisation, not a funding round.
  if (byAuthority) return false;
  return gap.every(isDescriptor) && !isModifier(p, m) && !INVESTED_IN_PAPER.test(p.lower.slice(m.end, m.end + AFTER_NAME_CHARS));
}

/** What a company invests in that makes the investment its own expansion ("invests $500 million in new Texas plant"). */
const EXPANSION_THINGS = new RegExp(
  String.raw`^\s*(?:(?:\S+\s+){0,3}?(?:expansion|expand|capacity|plants?|factor(?:y|ies)|facilit(?:y|ies)|operations|r&d|research|manufacturing|stores?|offices?|hubs?|cent(?:er|re)s?|network|infrastructure|capex)|(?:the\s+)?(?:${PLACES}|${INDIAN_STATES}|the state|the country))\b`,
);

/** "Acme invests $500 million in new Texas plant": the investor is the company, and what it builds is its expansion. */
export function investsInItsOwn(p: PreparedText, cue: CueHit): boolean {
  return EXPANSION_THINGS.test(p.lower.slice(cue.end, clauseAt(p, cue.start).end));
}

/**
 * "Rs 500 crore order for Acme", "USFDA approval for Acme's inhaler": the event noun opens the
 * clause and the company follows "for" (an approval may be for its product, not for its merger).
 */
export function forRecipient(p: PreparedText, m: Mention, cue: CueHit, gap: readonly string[]): boolean {
  if (!gap.every(isDescriptor) || isModifier(p, m)) return false;
  const clause = clauseAt(p, cue.start);
  if (!words(p.lower.slice(clause.start, cue.start)).every(isDescriptor)) return false;
  const approval = cue.definition.event === 'regulatory-approval';
  if (m.possessive && !approval) return false;
  return !approval || !notOwnAfterName(p, m);
}

/** What follows the name says the approved thing is not its own; "Acme's generic drug" is its own generic. */
function notOwnAfterName(p: PreparedText, m: Mention): boolean {
  const after = words(p.lower.slice(m.end, m.end + AFTER_NAME_CHARS)).slice(0, 3).join(' ');
  return NOT_OWN_APPROVAL.test(m.possessive ? after.replace(OWN_COPY, '') : after);
}
/** A copy the company itself makes, named right after its possessive ("Acme's generic heart drug"). */
const OWN_COPY = /^(?:generic|generics|biosimilar|biosimilars)\b(?!\s+(?:version|copy|of)\b)/;

/** "licenses its drug to Acme": the other party named right after the cue's "to"/"from". */
export function partyAfter(p: PreparedText, m: Mention, gap: readonly string[]): boolean {
  return !m.possessive && !isModifier(p, m) && gap.every(isDescriptor);
}

/** A nominal event ("on order win") owned by the clause's subject. */
/** Roles in which the one picked pays rather than earns ("as anchor customer", "as investor"). */
const BUYING_ROLES = new Set('customer customers client clients investor investors backer backers user users buyer buyers tenant tenants licensee licensees subscriber subscribers'.split(' '));

/** Possessives that name a place or a time, not another company ("Europe's biggest listing", "year's largest order"). */
const PLACE_OWNERS = new Set(
  (
    'world europe asia africa america india china japan britain uk u.k us u.s country nation city state region continent ' +
    "market sector industry year decade quarter month week today london paris mumbai delhi"
  ).split(/\s+/),
);

/** Lower-case words that end the partner's name rather than describe the deal ("on", "the", "rival"). */
const NOT_ABOUT = /^(?:on|in|at|after|following|post|with|by|of|for|to|the|a|an|its|their|new|fresh|rival|rivals|peer|peers|hopes?|talks?|plans?)$/;

/** Words that make "on … buy" somebody buying the company's shares, not the company buying a thing. */
const SHARE_BUYING = /^(?:stake|stakes|share|shares|stock|stocks|block|bulk|fii|fiis|dii|diis|fund|funds|mf|investor|investors|promoter|promoters|insider|equity|bond|bonds|gold|dollar|rating|analyst|analysts|broker|brokers|buyback|back)$/;

export function isNominalOwner(p: PreparedText, m: Mention, cue: CueHit, cues: ZoneCues, needsBridge = false): boolean {
  if (m.end > cue.start) return false;
  const clause = clauseAt(p, cue.start);
  // "Acme jumps after FDA nod": "after" opens a clause of its own, but only to name the cause.
  if (m.start < clause.start && !causeClause(p, m, clause, cue)) return false;
  if (!opensClause(p, m, cues)) return false;
  if (!m.possessive && isModifier(p, m)) return false;
  if (cueInside(cues, m.end, cue.start)) return false;
  const gapLower = p.lower.slice(m.end, cue.start);
  const gapWords = words(gapLower);
  if (gapWords.length > MAX_WORDS.nameToNominalEvent) return false;
  if (needsBridge) {
    // The bridge must lead straight to the noun: "rallies on Rs 200 cr order", not "turns the heat on X, orders…".
    const bridge = /\b(?:on|in|after|following|post|with|thanks to|buoyed by|boosted by|lifted by|helped by|driven by|backed by|courtesy)\b(?![\s\S]*\b(?:on|in|after|following|post|with|by|courtesy)\b)/.exec(gapLower);
    if (!bridge) return false;
    const tail = gapLower.slice(bridge.index + bridge[0].length);
    if (tail.includes(',') || words(tail).length > MAX_WORDS.bridgeToNoun) return false;
    if (cue.definition.objectLowerCase) {
      // The thing bought must be named ("on hotel chain buy"; "puts Beta on buy" is a rating).
      const tailText = p.text.slice(m.end + bridge.index + bridge[0].length, cue.start);
      if (words(tail).length === 0 || words(tail).some((w) => SHARE_BUYING.test(stripPunct(w))) || /[A-Z]/.test(tailText) || /[A-Z]/.test(p.text.slice(cue.start, cue.end))) return false;
    }
  }
  if (gapWords.length === 0) return true;
  // Another owner in between ("Acme rises on Beta's order win") takes the event; a place does not
  // ("leaps in Europe's biggest listing").
  for (const owner of gapLower.matchAll(/(\S+)(?:'s\b|s'\s)/g)) if (!PLACE_OWNERS.has(stripPunct(owner[1]!))) return false;
  if (!isTitleCase(p)) {
    const gapWordsText = words(p.text.slice(m.end, cue.start));
    // The other party may be named right before the noun ("rallies on NHAI order", "on Beta collaboration").
    let counterparty = cue.definition.counterpartyBefore ? gapWordsText.length : 0;
    // "on Rafael arms JV": a lower-case word or two may say what the tie-up is about, after the partner's name.
    let about = 0;
    while (about < 2 && counterparty - about > 1 && /^[a-z][a-z-]*$/.test(gapWordsText[counterparty - about - 1]!) && !NOT_ABOUT.test(gapWordsText[counterparty - about - 1]!)) about += 1;
    if (about > 0 && /^[A-Z0-9]/.test(gapWordsText[counterparty - about - 1]!) && !/'s$|s'$/.test(gapWordsText[counterparty - about - 1]!)) counterparty -= about;
    while (counterparty > 0 && /^[A-Z0-9]/.test(gapWordsText[counterparty - 1]!) && !/'s$|s'$/.test(gapWordsText[counterparty - 1]!)) counterparty -= 1;
    // "on rival Beta's order win": a name introduced as a rival or a peer is the one who won.
    if (counterparty < gapWordsText.length && counterparty > 0 && ROLE_NOUNS.has(stripPunct(gapWordsText[counterparty - 1]!).toLowerCase())) return false;
    for (const [i, w] of gapWordsText.entries()) {
      if (cue.definition.counterpartyBefore && i >= counterparty) break;
      const t = stripPunct(w);
      const bare = t.replace(/'s$|s'$/, '').toLowerCase();
      if (/^[A-Z][a-z]/.test(t) && !NOT_A_NAME.test(t) && !PLACE_OWNERS.has(bare) && !DESCRIPTORS.has(bare)) return false; // a proper name: someone else's event
    }
  }
  if (m.possessive) return true;
  // A cue that carries its own bridge ("bursts onto Wall Street with $870 million IPO") is tied to the clause's subject by it.
  if (CUE_OPENS_WITH_BRIDGE.test(p.lower.slice(cue.start, cue.end))) return true;
  return BRIDGE.test(gapLower) || gapWords.every((w) => GAP_WORDS.has(stripPunct(w)) || PERIOD_WORD.test(stripPunct(w)));
}

/** A clause opened by "after"/"following" right before the event noun, in the clause after the company's. */
function causeClause(p: PreparedText, m: Mention, clause: { start: number; end: number }, cue: CueHit): boolean {
  if (clauseAt(p, m.start).end !== clause.start) return false;
  if (!/\s(?:after|following)\s$/.test(p.lower.slice(Math.max(0, clause.start - BRIDGE_CHARS), clause.start))) return false;
  const lead = p.lower.slice(clause.start, cue.start);
  return !lead.includes(',') && words(lead).length <= MAX_WORDS.bridgeToNoun;
}

/** Whether the words just before the cue end with a bridge ("rallies on", "surges after"). */
export function bridgedBefore(p: PreparedText, cue: CueHit): boolean {
  return /\b(?:on|after|following|post|with|thanks to|by)\s+$/.test(p.lower.slice(Math.max(0, cue.start - BRIDGE_CHARS), cue.start));
}

/** Finds "it", "the company", "co" opening a later clause when the company opened the first. */
export function anaphoraMentions(p: PreparedText, mentions: readonly Mention[], cues: ZoneCues): Mention[] {
  const first = mentions[0];
  if (!first || p.clauseStarts.length < 2) return [];
  const firstClause = clauseAt(p, first.start);
  if (firstClause.start !== 0 || !opensClause(p, first, cues) || isModifier(p, first)) return [];
  const out: Mention[] = [];
  for (let i = 1; i < p.clauseStarts.length; i += 1) {
    const s = p.clauseStarts[i]!;
    if (mentions.some((m) => m.start >= s && m.start < (p.clauseStarts[i + 1] ?? Infinity))) continue;
    const match = ANAPHOR.exec(p.lower.slice(s, s + ANAPHOR_CHARS));
    if (match) out.push({ start: s, end: s + match[0].length, possessive: false });
  }
  return out;
}

/** Whether a regulator or public body stands before the cue in its clause. */
export function regulatorBefore(p: PreparedText, cue: CueHit): boolean {
  const clause = clauseAt(p, cue.start);
  return REGULATOR.test(p.lower.slice(clause.start, cue.start));
}

/**
 * Whether the object of an approval is the company's own product ("approves Acme's drug"), not a
 * copy of it, a deal it is part of, or something named further off ("approves X's drug, in a move…").
 */
export function approvalIsOwn(p: PreparedText, m: Mention, gap: readonly string[], cue: { end: number }): boolean {
  const listed = NAME_LIST.test(p.text.slice(cue.end, m.start));
  if (!listed && (gap.length > MAX_WORDS.approvalToCompany || gap.some((w) => w.endsWith(',')))) return false;
  return !NOT_OWN_APPROVAL.test(gap.join(' ')) && !notOwnAfterName(p, m);
}

/** "clears IPOs of Beta, Gamma and": the company is one of the names the approval lists. */
const NAME_LIST = /^\s*(?:\S+\s+){1,2}?(?:of|for|to)\s+(?:[A-Z0-9][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*){0,3}\s*(?:,|\band\b|&)\s*){1,6}$/;

/**
 * Whether a regulator's approval is of a purchase the company makes: "clears Acme's acquisition of
 * Beta", "approves acquisition of Beta by Acme" — not "clears Beta's acquisition of Acme".
 */
export function approvedPurchaseIsOwn(p: PreparedText, m: Mention, cue: { start: number; end: number }): boolean {
  const clause = clauseAt(p, cue.start);
  if (m.start < cue.end || m.start >= clause.end) return false;
  const before = words(p.lower.slice(cue.end, m.start)).map(stripPunct);
  const after = words(p.lower.slice(m.end, clause.end)).map(stripPunct);
  if (m.possessive) {
    // "clears Acme's (proposed) acquisition of Beta" / "clears Acme's $2bn Beta buyout".
    if (before.length > 1) return false;
    const noun = after.findIndex((w) => DEAL_NOUN.test(w));
    return noun >= 0 && noun <= 3 && after[noun + 1] !== 'by';
  }
  // "approves (the) acquisition of Beta by Acme".
  const noun = before.findIndex((w) => DEAL_NOUN.test(w));
  return noun >= 0 && noun <= 2 && before.length - noun <= 8 && before[before.length - 1] === 'by' && before.slice(0, noun).every((w) => w === 'the' || w === 'proposed');
}

/**
 * Words between a partnership verb and a partner named after it may only join names ("partners
 * with Beta and Acme", "with Japan's Acme"); a verb or preposition means the company is the one
 * the partners act on ("partners with Beta to take on Acme").
 */
export function partnerGapOk(gap: readonly string[]): boolean {
  return !gap.some((w) => /^(?:to|on|against|over|for|in|into|at|from|by|vs\.?|versus|than|rival|rivals|challenge|compete|counter|fight|beat|take|outdo|displace|replace|instead|rather)$/.test(stripPunct(w)));
}

/** Words between a "picked" verb and the company: only descriptors ("picks US-based Acme"), not "picks Gamma over Acme". */
export function pickedGapOk(gap: readonly string[]): boolean {
  return gap.every(isDescriptor);
}

/** After a "picked" verb: "Beta picks Acme to build…", "…as supplier", "…for contract". */
export function pickedFollowUp(p: PreparedText, m: Mention): boolean {
  const after = words(p.lower.slice(m.end, m.end + AFTER_PICKED_CHARS)).slice(0, MAX_WORDS.pickedContract).map(stripPunct);
  if (after.length === 0) return false;
  const purpose = after.slice(0, MAX_WORDS.pickedPurpose);
  // "picks Acme supplier Beta" hands the pick to Beta; "picks Acme as sole supplier" names Acme's role.
  if (purpose[0] !== 'as' && purpose.some((w) => ROLE_NOUNS.has(w))) return false;
  // "signs up Acme as anchor customer": picked to buy, not to supply — the picker's win.
  if (purpose[0] === 'as' && after.some((w) => BUYING_ROLES.has(w))) return false;
  return purpose.some((w) => w === 'as' || w === 'to' || w === 'for') || after.some((w) => /^(?:contracts?|orders?|deals?|mandates?|tenders?)$/.test(w));
}
