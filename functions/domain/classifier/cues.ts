/**
 * The cue tables: the words and phrases that name an event, a bad turn, a hedge or a direction.
 * Each family is compiled once into a single alternation, so a headline is scanned once per family.
 *
 * Patterns run on the lower-cased headline and use only non-capturing groups: the compiler wraps
 * each cue in one capturing group to learn which cue matched. Word lists are written with
 * {@link oneOf} (raw strings: `\b`, not `\\b`), and every cue carries example headlines that
 * test/unit/classifier-cues.test.ts runs, so a newcomer sees what a cue is for and learns at once
 * when an edit stops it matching.
 */

/**
 * How the watched company must relate to a cue for the event to be its own:
 * - `agent`: the company is the clause's subject, before the cue ("Acme wins order").
 * - `symmetric`: either side of a partnership ("Acme partners with Beta", "Beta partners with Acme").
 * - `acquire`: subject = buyer; object right after = the one being bought.
 * - `acquired-by`: passive ("Acme acquired by Beta", "sold to Beta"): subject = bought, after = buyer.
 * - `sale`: "Beta sells X to Acme": subject = seller, object = sold, after "to" = buyer.
 * - `approval-by`: "FDA approves Acme's drug": a regulator before, the company after.
 * - `picked`: "Beta picks Acme to build…": the company right after is the one chosen.
 * - `recipient`: "contract awarded to Acme".
 * - `nominal`: an event named as a noun ("on order win", "after FDA nod"): the clause's subject owns it.
 * - `bridged`: a bare noun ("order", "listing") that is only an event after "on"/"after"/"in" ("Acme rallies on Rs 200 cr order").
 * - `supplier`: a client orders something the company makes ("Ryanair orders 75 Boeing jets", "orders 100 locomotives from Acme").
 * - `investee`: an investor puts money in the company ("Temasek invests Rs 500 crore in Acme").
 * - `for`: an event noun opening the headline, the company right after "for" ("Rs 500 crore order for Acme",
 *   "USFDA approval for Acme's inhaler"); a clause subject before it owns it as a nominal event.
 */
export type Frame =
  | 'agent'
  | 'symmetric'
  | 'acquire'
  | 'acquired-by'
  | 'sale'
  | 'approval-by'
  | 'picked'
  | 'recipient'
  | 'nominal'
  | 'bridged'
  | 'supplier'
  | 'investee'
  | 'for';

/** One cue in a table. */
export interface CueDefinition {
  /** The event it names (kebab-case), or a label for non-event families. */
  event: string;
  frame: Frame;
  /** Regular-expression source, lower-case, non-capturing groups only. */
  source: string;
  /** Headlines this cue is found in (a test checks each one): what the cue is for, in examples. */
  examples: readonly string[];
  /**
   * A symmetric cue that names the partner right after it ("partners with", "signs deal with"):
   * the company named there is a party to the partnership, not someone it is aimed at.
   */
  partnerFollows?: boolean;
  /**
   * An event noun that may have the other party's name right before it: the client of an order
   * ("rallies on NHAI order", "on Beta deal win") or the partner of a tie-up ("on Beta collaboration").
   */
  counterpartyBefore?: boolean;
  /**
   * A bridged noun whose object must be a thing, written in lower case, and not shares or a stake
   * ("rises on hotel chain buy", not "rises on Buffett buy" or "on stake buy").
   */
  objectLowerCase?: boolean;
  /**
   * An agent cue ending in "to"/"from" whose other party is named right after it: the licensee
   * of "licenses its drug to Acme", the licensor of "licenses the drug from Acme".
   */
  partyAfter?: boolean;
  /**
   * For hedges: `clause` when the hedge only doubts what is said in its own clause ("gets nod for
   * IPO; may raise Rs 900 crore" — the nod is done). Without it, a hedge anywhere doubts the headline.
   */
  scope?: 'clause';
  /**
   * A hit is dropped when this (sticky) pattern matches from `unlessAt` characters before the
   * hit's end. It does the work of a long negative lookahead outside the family regex: V8 stops
   * optimising a regex whose source passes 20 KB, and the positive family sits near that limit.
   */
  unless?: RegExp;
  unlessAt?: number;
}

/**
 * A compiled family: one regex per part, and the definition behind each capturing group. A family
 * is split into parts because V8 stops optimising a regex whose source passes 20 KB (the
 * classifier once fell from ~70k to ~4k headlines/s when the good-news family crossed it);
 * {@link scan} reads the parts together exactly as one alternation would.
 */
export interface CueFamily {
  parts: ReadonlyArray<{ regex: RegExp; first: number }>;
  definitions: readonly CueDefinition[];
}

/** A cue found in a headline. */
export interface CueHit {
  definition: CueDefinition;
  start: number;
  end: number;
}

/**
 * A readable list of alternatives, as one non-capturing alternation. Items are separated by
 * " | " or a line break and may use regex syntax inside (no spaces around a `|` within a group).
 * The text is raw: write `\b`, not `\\b`.
 */
export function oneOf(strings: TemplateStringsArray, ...values: readonly string[]): string {
  const items = String.raw({ raw: strings.raw }, ...values)
    .split(/\n| \| /)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return `(?:${items.join('|')})`;
}

/** Raw regex text with interpolations: `re\`${VERBS}\s+with\b\``. */
const re = (strings: TemplateStringsArray, ...values: readonly string[]): string => String.raw({ raw: strings.raw }, ...values);

/** Up to `n` words, lazily. */
const gap = (n: number): string => re`(?:\S+\s+){0,${String(n)}}?`;
/** Up to `n` words, none of which starts with one of `words` (an alternation). */
const gapWithout = (n: number, words: string): string => re`(?:(?!${words}\b)\S+\s+){0,${String(n)}}?`;

/** Magnitude words after an amount ("$5 million", "Rs 300 crore"). */
const MAGNITUDE = re`${oneOf`k | m | mn | mln | million | bn | bln | billion | cr | crore | crores | lakh crores? | lakh cr | lakh | lakhs | thousand crores? | trillion`}\b`;
const CURRENCY = oneOf`[$€£¥₹] | rs\.?\s? | inr\s? | usd\s? | eur\s? | gbp\s? | us\$\s? | [ca]\$\s? | hk\$\s? | s\$\s?`;
const APPROXIMATELY = oneOf`about | around | nearly | over | more than | up to | another | an additional | a further | fresh | new | some | almost | close to`;
/**
 * An amount of money. The number and its magnitude are taken whole (the lookaheads stop the regex
 * from backtracking to "Rs 300" and so slipping past a rule about what follows "Rs 300 crore").
 */
const MONEY = re`(?:${APPROXIMATELY}\s+)?(?:${CURRENCY}\d[\d,.]*(?![\d,])(?:\s*-?\s*${MAGNITUDE}|(?!\s*-?\s*${MAGNITUDE}))|\d[\d,.]*(?![\d,])\s*-?\s*${MAGNITUDE})`;

// ---------------------------------------------------------------------------------------------
// Events worth congratulating (when the company is the one they happened to).
// Order matters where two cues could start at the same word: the first listed wins.

/** A plan that is a product, not an intention ("launches new term plan", "tariff plan"). */
const PRODUCT_PLAN = oneOf`
  term | insurance | health | pension | tariff | data | prepaid | postpaid | recharge | subscription | investment | protection
  endowment | retirement | ulip | unit-linked | child | family | savings | broadband | mobile | unlimited`;

/**
 * What a company may "launch" that is not a product: a probe, a bid, a bond, a plan. An index, a
 * futures contract, a fund or a trading platform is a product for the exchange, index provider or
 * fund house that launches it (a regulator's launches are rule-making, refused elsewhere).
 */
const NOT_A_PRODUCT = oneOf`
  probe | investigations? | inquiry | enquiry | review | appeal | lawsuit | legal | suit | recall | audit | search for | hunt for | consultation
  bids? | offers? | open offer | takeover | counter-?bid | hostile | tender
  layoffs? | job cuts? | cuts | redundanc\w* | restructuring | vrs | voluntary
  sale | sales | strategic review | buy-?back | rights (?:issue|offer) | ipo | listing | bonds? | notes | debentures | ncds? | qip | fpo | ofs | fund ?raise | fundraising
  campaign | attack | strike | cost | costs | savings
  (?<!${PRODUCT_PLAN}\s)plans?
  strategy | overhaul | revamp | shake-?up | turnaround | reorgani[sz]ation
  results | earnings | figures | statement | report | data | update | guidance | outlook | forecast | numbers
  dividend | bonus | split | fees | charges? | surcharge | price | prices | hikes? | tariffs? | warning | alert
  scheme | schemes | policy | policies | initiative | drive | programme | program | norms | rules | guidelines | regulations | framework
  circular | directive | curbs | measures | reforms | package | stimulus | membership | platform for
  budget(?!\s+(?:smart-?phones?|phones?|handsets?|cars?|hatchbacks?|hotels?|airlines?|carriers?|laptops?|tablets?|tvs?|models?|variants?|range|brand|segment|devices?|scooters?|bikes?))
  circuit (?:breakers?|filters?) | trading halts? | position limits?`;

/**
 * What an approval may be for that is not good news: raising prices, selling a business,
 * delisting, merging ("gets nod to hike fares", "approval for sale of unit").
 */
const NOT_AN_APPROVAL_FOR = re`(?:\S+\s+){0,3}?${oneOf`
  (?:sell|sale of)\s+(?:\S+\s+){0,3}?(?:stakes?|shares|units?|business(?:es)?|divisions?|arms?|subsidiar(?:y|ies)|assets?|plants?|propert(?:y|ies)|land|itself)
  sale | divest\w* | offload\w* | dispos\w* | hive off | spin off | delist\w* | merge | merger | amalgamat\w* | hike\w*
  trading hours | rules | norms | regulations | guidelines | framework | margins? | circuit filters?
  (?:raise|increase|revise)\s+(?:\S+\s+){0,2}?(?:prices?|tariffs?|fares?|rates?|charges|fees|premiums?)
  (?:price|tariff|fare|rate|fee) (?:hikes?|increases?|revisions?)`}\b`;

const WIN_VERBS = oneOf`
  wins? | won | winning | bags? | bagged | bagging | secures? | secured | securing | lands? | landed | landing
  clinch(?:es|ed|ing)? | nets? | netted | grabs? | grabbed | snags? | snagged | gets? | got | receives? | received
  books? | booked | scores? | scored | captures? | captured | obtains? | obtained | awarded | is awarded | has been awarded | bags`;

const IPO_NOUNS = oneOf`ipo | initial public offering | initial public offer | public offering | flotation | public issue | (?:debut|maiden) (?:public )?(?:offer|offering|issue)`;
/** Numbers of times a figure grew ("3-fold", "two fold", "manifold"). */
const MULTIPLE = oneOf`(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|multi|many)[- ]?fold | manifold | twofold | threefold | (?:[2-9]|[1-9]\d+)(?:\.\d+)?\s*(?:times|x)\b`;
/** A count in words or figures ("one million", "10 lakh", "5,000"). */
const COUNT = re`(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|half a)\s*(?:k|m|mn|million|bn|billion|lakh|crore)?`;
/** States of India, where much of the news in the labelled data is about investment ("to invest Rs 20,000 crore in Tamil Nadu"). */
export const INDIAN_STATES = oneOf`
  andhra pradesh | arunachal pradesh | assam | bihar | chhattisgarh | goa | gujarat | haryana | himachal pradesh | jharkhand | karnataka
  kerala | madhya pradesh | maharashtra | manipur | meghalaya | mizoram | nagaland | odisha | orissa | punjab | rajasthan | sikkim
  tamil nadu | telangana | tripura | uttar pradesh | uttarakhand | west bengal | delhi | jammu and kashmir | ladakh`;
/** Countries and regions a company can enter ("enters Brazil", "sets up unit in Vietnam"). */
export const PLACES = oneOf`
  india | china | japan | korea | south korea | taiwan | vietnam | thailand | indonesia | malaysia | singapore | philippines | bangladesh
  sri lanka | nepal | pakistan | myanmar | cambodia | australia | new zealand | us | u\.s\. | usa | united states | america | canada | mexico
  brazil | argentina | chile | colombia | peru | uk | u\.k\. | britain | united kingdom | ireland | france | germany | italy | spain
  portugal | netherlands | belgium | switzerland | austria | poland | sweden | norway | denmark | finland | greece | turkey | russia
  ukraine | israel | egypt | saudi arabia | saudi | uae | dubai | abu dhabi | qatar | oman | kuwait | bahrain | iran | iraq | nigeria
  kenya | ghana | south africa | ethiopia | tanzania | morocco | europe | asia | africa | latin america | middle east | the gulf | gulf
  gcc | north america | south america | southeast asia | south-east asia | scandinavia | nordics? | overseas | abroad`;
/** Market words that are about money, not customers ("returns to the bond market"). */
const MONEY_MARKETS = oneOf`bond | bonds | debt | capital | equity | loan | loans | credit | primary | ipo | junk | money | stock | share | commercial | paper`;
const APPROVAL_NOUNS = oneOf`
  approvals? | clearances? | nods? | go-?ahead | green[- ]?light | green signal | licen[cs]es? | authori[sz]ations? | permits? | permission | ce mark
  designation | fast[- ]track(?: status| designation)? | orphan(?: drug)? status | emergency use | eua | marketing authori[sz]ation
  breakthrough(?: therapy| device)?(?: status| designation| tag) | priority review(?: status| voucher)?
  pre-?qualifications? | empanelment | (?:mini-?ratna|navratna|maharatna)(?: status| tag)? | scheduled (?:commercial )?bank status | mining leases? | mineral concessions? | (?:planning|environmental|development) consents?`;
/** Who may approve without it being a regulator's approval: the company's own board, its investors, a court. */
const OWN_SIDE_APPROVERS = oneOf`board | shareholders? | stockholders? | investors? | creditors? | lenders? | bondholders? | members? | unitholders? | court`;
const PLACE_NOUNS = oneOf`
  offices? | headquarters | hq | plants? | factor(?:y|ies) | gigafactor(?:y|ies) | facilit(?:y|ies) | stores? | outlets? | showrooms?
  branch(?:es)? | campus(?:es)? | hubs? | cent(?:er|re)s? | labs? | laborator(?:y|ies) | warehouses? | sites? | mills? | refiner(?:y|ies)
  restaurants? | hotels? | clinics? | hospitals? | terminals? | production lines? | assembly lines? | manufacturing units? | r&d
  studios? | locations? | dealerships? | bases? | flights | routes | destinations | resorts? | malls? | multiplex(?:es)? | cinemas? | schools? | boutiques? | depots? | shipyards?
  data cent(?:er|re)s? | (?<=new\s)units?`;
const STAFF_NOUNS = oneOf`
  jobs | staff | workers | employees | engineers | people | roles | positions | graduates | freshers | techies | developers | nurses
  drivers | hires | recruits | professionals | agents | scientists | researchers | programmers`;
/** What a record can be of ("record profit", "best-ever sales"). */
const RECORD_OF = oneOf`
  profits? | revenues? | sales | earnings | quarter | year | results | orders | order book | deal wins | total contract value | tcv | order intake | order inflows? | deliveries
  bookings | production | output | exports | volumes? | passengers | subscribers | users | customers | turnover | ebitda | shipments
  enrol?lments | premiums | aum | aua | assets under (?:management|administration) | assets | vehicles | cars | units | homes | phones | devices | copies | tickets
  subscriptions | visitors | downloads | tonnes | tons | barrels | bales | mw | gw | mtpa`;
/** What a company counts when it passes a mark ("crosses 10 million users"). */
const COUNTED = oneOf`
  cards | policies | policyholders | connections | borrowers | farmers | students | transactions | investors | partners
  users | customers | subscribers | downloads | deliveries | units | vehicles | cars | members | installations | installs | orders
  passengers | visitors | stores | employees | patients | shipments | merchants | sellers | clients | accounts | listeners | players
  riders | homes | devices | bookings | (?:installed |operational |generation |generating )?capacity`;
const RESULT_NOUNS = oneOf`net profit | profits? | net | pat | revenues? | sales | income | earnings | ebitda | turnover | profit after tax | bottom line | top line`;
const RISE_VERBS = oneOf`
  jumps? | jumped | soars? | soared | zooms? | zoomed | surges? | surged | rises? | rose | up | climbs? | climbed | grows? | grew
  increases? | increased | spurts? | spurted | shoots? up | shot up | leaps? | leapt | rockets? | skyrockets? | more than doubles
  doubles | doubled | triples | tripled | trebles | trebled | quadruples`;
/** "Acme reports net profit…": a verb of reporting before the results noun. */
const REPORTS = re`(?:(?:posts?|posted|reports?|reported|records?|recorded|logs?|logged|books?|booked|clocks?|clocked|registers?|registered)\s+(?:a\s+|its\s+)?(?:(?:q[1-4]|h[12]|fy\s?\d{2,4}|quarterly|annual|full-year)\s+)?)?`;
/** The company's own figures that can reach a record or a mark. */
const FIGURES = oneOf`
  revenues? | sales | turnover | orders? | order book | order backlog | order intake | deliveries | production | output | exports | aum
  assets under management | subscribers? | users | customers | total contract value | tcv | (?:large\s+)?deal wins | loan book | loan portfolio | deposits | advances | gross premium | premium income`;
const FIGURE_RISES = oneOf`
  swells? | swelled | rises? | rose | jumps? | jumped | grows? | grew | climbs? | climbed | hits? | reaches | reached | touches | touched | surges? | surged
  cross | crosses | crossed | surpasses | surpassed | tops | topped`;
const PERCENT = re`\d+(?:\.\d+)?\s*(?:%|per ?cent|pc|percent)`;
const PARTNERSHIP_NOUNS = oneOf`ppas? | power purchase agreements? | partnerships? | alliances? | joint ventures? | jvs? | tie-?ups? | pacts? | mous? | memorand(?:um|a) of understanding | memo of understanding | collaborations?`;
/** Kinds of agreement that are a business tie-up by their name ("signs distribution agreement"). */
const AGREEMENT_KINDS = oneOf`
  distribution | supply | licensing | licence | license | co-?development | technology | manufacturing | marketing | reseller
  sourcing | offtake | off-take | power purchase | collaboration | cooperation | joint development | bancassurance | codeshare
  code-share | interline | roaming | co-?branding | co-?branded | streaming | bundling`;
/** What a licence deal is for: a drug, a technology, a brand ("licenses its cancer drug to Merck"). */
const LICENSED_THINGS = oneOf`
  drugs? | molecules? | rights | technolog(?:y|ies) | patents? | brands? | compounds? | candidates? | vaccines? | therap(?:y|ies)
  antibod(?:y|ies) | assets? | platforms? | formulations? | treatments? | medicines? | products? | portfolio | biosimilars?`;

const POSITIVE_EVENTS: CueDefinition[] = [
  // IPO and listing — before product launch ("launches IPO") and funding ("raises … in IPO").
  {
    event: 'ipo',
    frame: 'agent',
    source: re`${oneOf`launch(?:es|ed)? | completes? | completed | prices? | priced | files? for | filed for | files | filed | opens? | opened | closes? | closed | to launch | will launch | announces? | announced | sets? terms for | set terms for`}\s+(?:its\s+|an?\s+|the\s+)?${gap(4)}${IPO_NOUNS}s?\b`,
    examples: ['Acme prices its $500 million IPO', 'Acme files for initial public offering', 'Acme sets terms for $500 million IPO'],
  },
  {
    event: 'ipo',
    frame: 'agent',
    // Money raised in the offering itself: the IPO is done ("raises $200 million in US IPO").
    source: re`${oneOf`raises | raised | mops up | mopped up | garners | garnered | collects | collected | nets | netted`}\s+${MONEY}\s+(?:\S+\s+){0,2}?(?:in|from|through|via|with)\s+(?:its\s+|an?\s+|the\s+)?(?:\S+\s+){0,2}?${IPO_NOUNS}`,
    examples: ['Acme raises $200 million in US IPO', 'Acme mops up Rs 1,200 crore through IPO'],
  },
  {
    event: 'ipo',
    frame: 'agent',
    // The formal steps: the offer document filed, the price or price band set.
    source: oneOf`
      (?:files?|filed|submits?|submitted)\s+(?:its\s+)?(?:(?:draft|preliminary|red herring|updated|final)\s+)*(?:papers?|prospectus|drhp|documents?|offer documents?)\s+${gap(3)}(?:for|to launch)\s+${gap(4)}${IPO_NOUNS}s?\b
      (?:files?|filed|submits?|submitted)\s+(?:its\s+)?(?:draft\s+)?${IPO_NOUNS}\s+(?:papers?|documents?|prospectus)\b
      (?:files?|filed|submits?|submitted|refiles?|refiled)\s+(?:its\s+|the\s+)?(?:draft\s+|updated\s+|final\s+)?(?:drhp|rhp|udrhp|(?:draft\s+)?red herring prospectus)\b
      (?:fix(?:es|ed)?|sets?|announces?|announced)\s+(?:its\s+|the\s+)?(?:${IPO_NOUNS}\s+(?:price|rate)(?:\s+band)?|price band)\b`,
    examples: ['Acme files draft papers with Sebi for Rs 800 crore IPO', 'Acme fixes IPO price band at Rs 210-220'],
  },
  {
    event: 'ipo',
    frame: 'agent',
    source: oneOf`
      (?:goes public|went public|going public|to go public|lists?|listed|to list|listing|floats|floated|to float|rings? (?:the\s+)?${gap(1)}bell)\s+(?:(?:its\s+)?shares\s+)?(?:(?:first|initially|simultaneously)\s+)?(?:on|in|at)\b
      (?:debuts?|debuted|to debut|will debut)\s+(?:(?:its\s+)?shares\s+)?(?:on|at|in (?:trading|the market|the stock market|the grey market)\b)
      (?:goes public|went public|makes? (?:its\s+|a\s+)?${gap(3)}debut\b)
      (?:begins?|began|starts?|started|commences?|commenced)\s+trading\s+(?:on|at)\b`,
    examples: ['Acme lists on the Nasdaq', 'Acme makes stock market debut', 'Acme to debut on NSE on Friday', 'Acme shares begin trading on Nasdaq'],
  },
  {
    event: 'ipo',
    frame: 'agent',
    source: re`(?:ipo|initial public offering|initial public offer|public issue|flotation|listing|(?:debut|maiden) (?:public )?(?:offer|offering|issue))\s+(?:is\s+|was\s+|gets?\s+|got\s+|receives?\s+|sees?\s+)?${gap(2)}${oneOf`
      oversubscribed | over-subscribed | fully subscribed
      subscribed\s+(?:by\s+)?(?:over\s+|more than\s+|nearly\s+|about\s+|almost\s+)?(?:[1-9]\d*(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|over|more than)\s+times?
      (?:bids?|demand|applications?)\s+(?:for\s+)?(?:over\s+|more than\s+|nearly\s+|about\s+)?(?:[1-9]\d*(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times
      opens | opened | priced | prices | draws | attracts | launches | launched | completes | completed | hits | sails through | sailed through
      (?:to|will)\s+(?:open|hit)
      (?:raises|raised|mops up|mopped up|garners|garnered|fetches|fetched|nets|netted)\s+${MONEY}`}\b`,
    examples: ['Acme IPO oversubscribed 40 times', 'Acme IPO opens today', 'Acme IPO subscribed by 3.5 times', "Acme's IPO to hit market on Tuesday", "Acme's IPO raises Rs 1,200 crore"],
  },
  // Regulatory approval — before contract ("wins approval for deal").
  {
    event: 'regulatory-approval',
    frame: 'agent',
    source: re`${oneOf`
      wins? | won | winning | gets? | got | getting | receives? | received | receiving | secures? | secured | obtains? | obtained
      earns? | earned | bags? | bagged | gains? | gained | lands? | landed | granted | awarded | nets? | netted`}\s+${gapWithout(4, OWN_SIDE_APPROVERS)}${APPROVAL_NOUNS}\b(?!\s+(?:to|for)\s+${NOT_AN_APPROVAL_FOR})`,
    examples: ['Acme wins FDA approval for migraine drug', 'Acme gets RBI licence for payments bank'],
  },
  {
    event: 'regulatory-approval',
    frame: 'agent',
    source: re`(?:(?:is|was|has been|gets?|got)\s+)?(?:approved|cleared|authori[sz]ed|okayed|greenlit|green-?lighted)\s+(?:by|in|for|as)\b`,
    examples: ["Acme's asthma inhaler approved by FDA", 'Acme cleared for take-off in Europe'],
  },
  {
    event: 'regulatory-approval',
    frame: 'agent',
    // A regulator's inspection passed: "Acme's Goa unit clears USFDA inspection".
    source: re`(?:clears?|cleared|passes|passed|successfully completes|successfully completed)\s+(?:\S+\s+){0,2}?(?:inspection|audit|pre-approval inspection)\b(?!\s+with\s+(?!(?:zero|no|nil)\s)(?:\S+\s+)?observations?)`,
    examples: ["Acme's Goa unit clears USFDA inspection", "Acme's Baddi unit clears USFDA inspection with zero observations"],
  },
  {
    event: 'regulatory-approval',
    frame: 'agent',
    // The regulator's report that closes an inspection: "Acme receives EIR from USFDA for Goa plant".
    source: re`(?:receives?|received|gets?|got|bags?|bagged|obtains?|obtained)\s+(?:an?\s+|the\s+)?(?:\S+\s+)?(?:eirs?|establishment inspection reports?)\b`,
    examples: ['Acme receives EIR from USFDA for Goa plant', 'Acme gets establishment inspection report for Pithampur unit'],
  },
  {
    event: 'regulatory-approval',
    frame: 'approval-by',
    // "RBI grants banking licence to Acme", "FDA grants fast-track designation to Acme's drug".
    source: re`${oneOf`grants? | granted | awards? | awarded | issues? | issued | gives? | gave | accords? | accorded`}\s+${gapWithout(4, 'to')}${APPROVAL_NOUNS}\s+to\b`,
    examples: ['RBI grants banking licence to Acme Finance', "FDA grants breakthrough therapy designation to Acme's gene therapy"],
  },
  {
    event: 'regulatory-approval',
    frame: 'approval-by',
    // A regulator's committee recommending approval: "EU regulator backs approval for Acme drug".
    source: oneOf`
      (?:backs?|backed|recommends?|recommended|supports?|supported|endorses?|endorsed)\s+(?:the\s+)?(?:approval|authori[sz]ation|marketing authori[sz]ation)\s+(?:of|for)\b
      (?:gives?|gave|issues?|issued|adopts?|adopted)\s+(?:a\s+)?positive opinion\s+(?:on|for)\b`,
    examples: ['EU regulator backs approval for Acme injectable asthma drug'],
  },
  {
    event: 'regulatory-approval',
    frame: 'approval-by',
    source: re`${oneOf`approves? | approved | clears? | cleared | okays? | okayed | oks | ok's | ok'd | authori[sz]es? | authori[sz]ed | green-?lights? | green-?lighted | greenlit`}\b`,
    examples: ["FDA approves Acme's psoriasis drug"],
  },
  // Awards and recognition — before contract ("wins award for project").
  {
    event: 'award',
    frame: 'agent',
    source: re`${oneOf`
      wins? | won | winning | bags? | bagged | receives? | received | earns? | earned | scoops? | scooped | picks? up | picked up
      takes? home | took home | collects? | collected | clinch(?:es|ed)? | secures? | secured | lands? | landed | garners? | garnered
      grabs? | grabbed | gets? | got | awarded | honou?red with | presented with | conferred(?: with| upon| on)? | felicitated(?: with| for)?`}\s+${gapWithout(8, oneOf`contracts? | orders? | deals? | tenders? | jury | court | damages | arbitration | legal | lawsuit | case | letters? | loas?`)}${oneOf`
      awards? | prizes? | honou?rs? | accolades? | trophy | trophies | medals? | of the year | (?:gold|silver|bronze|grand prix)(?=\s+(?:at|in|for)\b)
      (?<=['"]\s?)title(?!\s+(?:sponsor\w*|rights|deeds?|suits?))`}\b`,
    // Award names run long: "receives 2026 Frost & Sullivan Technology Innovation Leadership Award".
    examples: ['Acme wins 2026 Industry Innovation Award', 'Acme takes home gold at the Cannes Lions', 'Acme receives 2026 Frost & Sullivan Technology Innovation Leadership Award'],
  },
  {
    event: 'award',
    frame: 'agent',
    // An award named by what it honours rather than by the word "award": "wins Webby for best mobile app".
    source: re`${oneOf`
      wins? | won | bags? | bagged | scoops? | scooped | picks? up | picked up | takes? home | took home
      collects? | collected | receives? | received | earns? | earned`}\s+${gapWithout(4, oneOf`contracts? | orders? | deals? | tenders? | bids? | jury | court | damages | case | lawsuit | votes? | approval | nod`)}for\s+(?:the\s+)?${oneOf`best | outstanding | excellence | most innovative`}\b`,
    examples: ['Acme wins Webby for best mobile app', 'Acme picks up a Clio for best campaign'],
  },
  {
    event: 'award',
    frame: 'agent',
    source: re`(?:named|adjudged|declared|crowned|voted|rated)\s+(?:as\s+|to\s+|in\s+|among\s+|on\s+)?(?:(?:the|a|an|one|of)\s+){0,3}${gap(3)}${oneOf`
      best | top | leaders? | most\s+\w+ | great(?:est)?\s+places? | list
      winners?(?!\s+of\s+(?:\S+\s+){0,5}?(?:contracts?|orders?|tenders?|bids?|auctions?|projects?|deals?)\b) | fastest[ -]growing | of the year | champions?`}\b`,
    examples: ["Acme named one of Fortune's best companies to work for"],
  },
  {
    event: 'award',
    frame: 'agent',
    source: oneOf`
      (?:ranked|ranks|rated|voted)\s+(?:as\s+)?(?:the\s+)?(?:no\.?\s*1|number one|#\s*1|first|top|best|highest)\b
      (?:tops|topped)\s+${gap(4)}(?:ranking|rankings|list|league table|survey|poll|charts?|study|index)\b
      (?:recogni[sz]ed|honou?red|lauded|celebrated|feted)\s+(?:as|for|by|among|with)\b
      (?:earns?|earned|bags?|bagged|grabs?|grabbed|wins?|won|secures?|secured|takes?|took|clinch(?:es|ed)?|claims?|claimed)\s+(?:the\s+)?top (?:spot|slot|position|rank|place)\s+(?:in|on|at)\b(?!\s+(?:\S+\s+){0,4}?(?:worst|complaints?|defaulters?|polluters?|losers?)\b)
      certified as (?:an?\s+)?great place to work
      (?:joins?|joined|enters?|entered|makes? it (?:to|into)|made it (?:to|into)|included in|features? (?:in|on)|featured (?:in|on)|finds? (?:a\s+)?(?:place|spot) (?:in|on)|found (?:a\s+)?(?:place|spot) (?:in|on))\s+(?:the\s+)?(?:fortune|forbes|fortune india|time|inc\.?)(?:'s?)?\s+(?:\S+\s+){0,3}?(?:list|ranking|rankings)\b
      (?:joins?|joined|enters?|entered|makes? it (?:to|into)|made it (?:to|into)|included in|added to)\s+(?:the\s+)?(?:fortune (?:global\s+)?500|fortune 1000|forbes global 2000|dow jones sustainability (?:world\s+|emerging markets\s+)?index|djsi|ftse4good)\b`,
    examples: ['Acme ranked No. 1 in customer satisfaction', 'Acme recognised as a leader by Gartner', "Acme makes it to Forbes' best employers list", 'Acme joins Fortune 500', 'Acme included in Dow Jones Sustainability Index'],
  },
  {
    event: 'award',
    frame: 'agent',
    source: re`${oneOf`earns? | earned | achieves? | achieved | receives? | received | wins? | won | gets? | got | attains? | attained | secures? | secured`}\s+${gap(5)}(?:certification|accreditation|certificates?)\b`,
    examples: ['Acme earns ISO 27001 certification'],
  },
  // Funding.
  {
    event: 'funding',
    frame: 'investee',
    // An investor puts money in the company (named right after "in"; not in its shares or bonds). Its
    // subject investing in its own plant or capacity is an expansion, read by the same frame.
    source: oneOf`
      (?:invests?|invested|investing|to invest|will invest|pumps?|pumped|to pump|infuses?|infused|to infuse)\s+${MONEY}\s+(?:more\s+)?(?:in|into)\b
      (?:leads?|led|co-leads?|co-led|to lead)\s+(?:an?\s+|the\s+)?(?:${MONEY}\s+)?(?:\S+\s+){0,2}?(?:round|funding|financing|investment)\s+(?:in|into|for)\b`,
    examples: ['Temasek invests Rs 500 crore in Acme', 'SoftBank leads $100 million round in Acme', 'Acme invests $500 million in new Texas plant'],
  },
  {
    event: 'funding',
    frame: 'agent',
    source: re`${oneOf`
      raises | raised | raising | mops? up | mopped up | secures? | secured | securing | closes? | closed | lands? | landed | bags? | bagged
      gets? | got | receives? | received | nets? | netted | attracts? | attracted | snags? | snagged | completes? | completed
      announces? | announced | obtains? | obtained | garners? | garnered | pulls? in | pulled in | wins? | won`}\s+${gap(4)}${oneOf`
      funding | financing | investments? | series\s+[a-h]\d? | seed | pre-seed | round | growth capital | venture (?:capital|debt|funding)
      backing | equity funding`}\b`,
    examples: ['Acme raises $40 million in Series B funding', 'Fintech startup Acme closes $12m seed round'],
  },
  {
    event: 'funding',
    frame: 'agent',
    // A valuation set by a round of investors: "valued at $2 billion in latest funding round".
    source: re`valued at\s+${MONEY}\s+(?:in|after|following|as part of)\s+(?:an?\s+|the\s+|its\s+)?(?:\S+\s+){0,2}?(?:funding|financing|round|investment)\b`,
    examples: ['Acme valued at $2 billion in latest funding round', 'Acme valued at $500 million after Series C round'],
  },
  {
    event: 'funding',
    frame: 'agent',
    // An amount raised, unless it came from debt or a share sale ("raises Rs 500 cr via NCDs").
    source: re`(?:raises|raised|raising|mops? up|mopped up|garners?|pulls? in|pulled in)\s+${MONEY}(?!\s+(?:more\s+)?(?:\S+\s+){0,1}(?:via|through|thru|from|by|in|under|using|with)\s+${gap(4)}${oneOf`
      bonds? | ncds? | debentures? | notes | qip | rights | loans? | debt | credit | commercial paper | mtn | masala | tier | share sale
      shares | preferential | ofs | fpo | ipo | issue | offer | sale | selling | programme | program | placement | bond sale | securiti[sz]ation`}\b)`,
    examples: ['Acme raises $20 million'],
  },
  {
    event: 'acquisition',
    frame: 'acquire',
    // Control bought (before "picks" as a client's choice): "takes control of Beta", "picks up 51% stake in Beta" (a minority stake is not a purchase).
    source: oneOf`
      (?:takes?|took|taking|to take|assumes?|assumed|acquires?|acquired|gains?|gained|wrests?|wrested)\s+(?:full\s+|management\s+)?control (?:of|over)\b
      (?:takes?|took|taking|to take|assumes?|assumed|acquires?|acquired|gains?|gained)\s+(?:full|complete|sole|100%)\s+ownership (?:of|in)\b
      (?:picks? up|picked up|takes?|took|buys?|bought|acquires?|acquired|purchases?|purchased|to (?:pick up|take|buy|acquire|purchase))\s+(?:an?\s+|the\s+)?(?:majority|controlling|(?:5[1-9]|[6-9]\d|100)(?:\.\d+)?\s*(?:%|per ?cent|pc|percent))\s+(?:\w+\s+)?(?:stake|holding|interest)\b`,
    examples: ['Acme takes control of Beta', 'Acme picks up 51% stake in Beta', 'Acme to acquire 70% stake in Beta'],
  },
  // Contract and client wins.
  {
    event: 'contract-win',
    frame: 'supplier',
    // A client orders what the company makes: "orders 75 Acme jets", "orders 100 locomotives from Acme".
    source: oneOf`
      (?:orders|ordered|to order|will order)\b
      (?:places?|placed|placing|to place|will place)\s+(?:an?\s+|its\s+|the\s+)?(?:\S+\s+){0,4}?(?:orders?|contracts?)\b`,
    examples: ['Ryanair orders 75 Acme jets', 'Army places Rs 2,000 crore order with Acme'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    source: re`${WIN_VERBS}\s+${gapWithout(6, oneOf`contracts? | orders?`)}${oneOf`
      contracts? | orders? | tenders? | mandates? | projects? | work orders? | accounts? | concessions? | deals? | engagements?
      business from | order book | loas? | letters? of (?:award|acceptance)`}\b(?!\s+(?:to\s+(?:pay|halt|stop|cease|sell|divest|close)|against))`,
    examples: ['Acme wins $120 million Pentagon contract', 'Acme Infra bags Rs 450 crore order from NHAI'],
  },
  { event: 'contract-win', frame: 'agent', source: re`(?:wins?|won|winning)\s+${gap(3)}bids?\b(?!\s+for)`, examples: ['Acme wins bid to build new stadium'] },
  {
    event: 'contract-win',
    frame: 'agent',
    // A bid won for a franchise, project or licence (not for a company: that is a purchase).
    source: re`(?:wins?|won|winning)\s+(?:the\s+)?bids?\s+for\s+(?:\S+\s+){0,4}?(?:franchises?|projects?|contracts?|licen[cs]es?|blocks?|mines?|tenders?|concessions?|rights|orders?|airports?|routes?|land|plots?|land parcels?)\b`,
    examples: ['Acme wins bid for Bhiwandi distribution franchise', 'Acme wins bid for Sanand plant land'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    source: re`(?:emerges?|emerged|declared|named)\s+(?:as\s+)?(?:the\s+)?(?:winner|winning bidder|successful bidder)\b`,
    examples: ['Acme emerges winner in NHAI auction'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    source: re`(?:bags?|bagged|bagging|wins?|won|winning|secures?|secured|lands?|landed|clinch(?:es|ed)?)\s+(?:${MONEY}(?!\s+(?:in|from|via|through)\b)|${gap(3)}${oneOf`
      mines? | coal blocks? | blocks? | spectrum | routes? | slots? | licen[cs]es? | franchises? | (?:exclusive\s+|global\s+|worldwide\s+)?rights to | \d[\d,.]*\s*(?:mw|gw|mwp|gwp|mwh|gwh)
      (?:broadcast|broadcasting|media|tv|telecast|streaming|digital|mining|exploration|naming|title|distribution|marketing|commercial|sponsorship)\s+rights`}\b)`,
    examples: ['Acme bags Rs 1,200 crore railway electrification job', 'Acme wins two coal blocks in auction', 'Acme Solar wins 300 MW in state wind auction'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // A block, mine or spectrum handed to it: "awarded offshore exploration block off Namibia".
    source: re`(?:awarded|is awarded|was awarded|has been awarded|allotted|is allotted|allocated|gets?|got|receives?|received)\s+(?:an?\s+|the\s+)?(?:\S+\s+){0,3}?(?:mines?|coal blocks?|(?:oil|gas|exploration|mineral|offshore|onshore|hydrocarbon)\s+blocks?|spectrum)\b`,
    examples: ['Acme awarded offshore exploration block off Namibia', 'Acme allotted two coal mines in auction'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // Made a client's official supplier: "becomes official supplier to Indian Railways" (not a sponsor, which pays).
    source: re`(?:becomes?|became|named|appointed|selected as|chosen as)\s+(?:the\s+|an?\s+)?(?:official|exclusive|sole|authori[sz]ed)\s+(?:\S+\s+)?(?:suppliers?|providers?|vendors?|distributors?|partners?|carriers?|caterers?|technology partners?)\s+(?:to|of|for)\b`,
    examples: ['Acme becomes official supplier to Indian Railways', 'Acme named exclusive distributor for Apple in Kenya'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // A decided supply of a counted thing to a named client: "to supply 200 coaches to Indian Railways".
    source: re`(?:to|will)\s+(?:supply|deliver|build|manufacture|provide)\s+(?:\d[\d,]*|${MONEY})\s+(?:\S+\s+){1,3}?(?:to|for)\s+(?!(?:its|own|itself|the\s+group)\b)`,
    examples: ['Acme to supply 200 coaches to Indian Railways', 'Acme will build 100 electric locomotives for Egypt'],
  },
  {
    event: 'acquisition',
    frame: 'agent',
    // Chosen as the buyer of a company in insolvency: "emerges as successful resolution applicant for Beta".
    source: re`(?:emerges?|emerged|declared|named|selected|chosen)\s+(?:as\s+)?(?:the\s+)?(?:successful|winning|h1)\s+resolution applicant\b`,
    examples: ['Acme emerges as successful resolution applicant for Beta Steel'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    source: re`${oneOf`
      selected | chosen | picked | tapped | hired | appointed | retained | engaged | contracted | commissioned | enlisted | roped in
      empanelled | empaneled`}\s+(?:(?:by|with)\s+${gap(3)})?(?:as|to|for)\b(?!\s+${gap(2)}(?:index|indices|review|test|probe|audit|scrutiny|inspection|takeover|target|case)\b)`,
    examples: ['Acme selected by NASA to build lunar rover cameras', 'Acme empanelled with NTPC as approved vendor'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // A place on a client's list of suppliers: "qualifies as approved vendor for Aramco", "wins place on NHS framework".
    source: oneOf`
      (?:qualifies|qualified|registers?|registered|enlisted|listed|certified)\s+(?:\S+\s+){0,3}?as\s+(?:an?\s+)?approved\s+(?:vendors?|suppliers?|manufacturers?|sources?)\b
      (?:wins?|won|lands?|landed|secures?|secured|gets?|got|earns?|earned|bags?|bagged|gains?|gained)\s+(?:a\s+)?(?:place|spot|position|seat)\s+on\s+(?:\S+\s+){0,5}?(?:frameworks?|panels?|rosters?)\b`,
    examples: ['Acme qualifies as approved vendor for Aramco', 'Acme lands place on £2bn government framework'],
  },
  // "Railways awards Rs 1,200 crore contract to Acme" — before "picked", which would take "awards".
  {
    event: 'contract-win',
    frame: 'recipient',
    source: re`(?:awards?|awarded|hands?|handed|gives?|gave|grants?|granted)\s+${gapWithout(6, 'to')}(?:contracts?|orders?|tenders?|projects?|mandates?|work orders?)\s+to\b`,
    examples: ['Railways awards Rs 1,200 crore contract to Acme'],
  },
  {
    event: 'contract-win',
    frame: 'picked',
    source: re`${oneOf`
      selects | selected | chooses | chose | picks(?!\s+up\b) | picked(?!\s+up\b) | taps | tapped | appoints | appointed | engages | engaged
      (?:hires|hired)(?!\s+(?:up to\s+|over\s+|more than\s+|nearly\s+|around\s+|about\s+|another\s+)?\d)
      awards | awarded | contracts | contracted | enlists | enlisted | signs up | signed up | ropes in | roped in | retains | retained`}\b`,
    examples: ['NASA selects Acme to build lunar rover cameras', 'Beta hires Acme to redesign its stores'],
  },
  {
    event: 'contract-win',
    frame: 'recipient',
    source: re`(?:contracts?|orders?|tenders?|projects?|deals?|mandates?|work)\s+${gap(6)}(?:awarded|given|granted|goes|went|handed)\s+to\b`,
    examples: ['Contract for new Seattle ferry terminal awarded to Acme'],
  },
  // Acquisitions (by the company). Stake purchases and buybacks are not acquisitions.
  {
    event: 'acquisition',
    frame: 'acquired-by',
    source: oneOf`
      (?:acquired|bought|purchased|taken over|snapped up|swallowed|bought out|picked up)\s+by\b
      (?:sold|offloaded|divested)\s+to\b
      (?:to be|will be|agrees? to be|agreed to be|is being|being)\s+(?:acquired|bought|purchased|taken over|sold)\b`,
    examples: ['Beta acquired by Acme for $2 billion', 'Beta agrees to be bought by Acme'],
  },
  {
    event: 'acquisition',
    frame: 'acquire',
    // Not "buys back", "buys into", "buys 10% stake", "buys bonds": those are not acquisitions.
    source: re`${oneOf`
      acquires | acquired | acquiring | to acquire | will acquire | buys | bought | buying | to buy | will buy | purchases | purchased
      purchasing | to purchase | snaps? up | snapped up | snapping up | to snap up | takes? over | took over | taking over | to take over
      swallows? | gobbles? up | agrees? to (?:buy|acquire|purchase|take over) | agreed to (?:buy|acquire|purchase|take over)
      (?:completes?|completed|closes?|closed|seals?|sealed|finali[sz]es?|finali[sz]ed|wraps? up|wrapped up|announces?|announced|agrees?|agreed|clinch(?:es|ed)?|strikes?|struck)\s+(?:the\s+|its\s+|an?\s+)?${gap(2)}(?:acquisition|purchase|takeover|buyout)\s+of
      (?:strikes?|struck|signs?|signed|seals?|sealed|agrees?|agreed|reaches?|reached|inks?|inked)\s+(?:an?\s+)?${gap(3)}deal\s+to\s+(?:buy|acquire|purchase|take over)
      (?:completes?|completed|completing|closes?|closed|closing|seals?|sealed|sealing|finali[sz]es?|finali[sz]ed|finali[sz]ing)\s+(?:the\s+|its\s+)?${gap(3)}(?:acquisition|purchase|takeover|buyout)\b(?!\s+(?:of|by)\b)
      adds?\s+${gap(3)}to (?:its\s+)?acquisitions?
      wins? (?:the\s+)?(?:race|battle|contest|bidding war|auction) for
      acquisition of`}\b(?![\s-]+(?:back|into|time|out|spree)\b)(?![\s-]+${gap(5)}${oneOf`
      shares | stock | bonds? | debt | gold | treasuries | dollars | securities | g-secs? | gilts | paper | units | notes`}(?:\s|$|[,;:.]))(?![\s-]+(?:an?\s+|the\s+)?(?:(?:further|additional|more|minority|small|token|some|partial|(?:[1-9]|[1-4]\d|50)(?:\.\d+)?\s*(?:%|per ?cent|pc|percent))\s+)?(?:stakes?|holding|interest)\b)(?![\s-]+(?:[1-9]|[1-4]\d|50)(?:\.\d+)?\s*(?:%|per ?cent|pc|percent))`,
    examples: ['Acme to buy Beta for $3 billion', 'Acme completes acquisition of Beta', 'Acme agrees $2 billion takeover of Beta', 'Acme strikes deal to buy Beta', 'Acme to acquire Beta for Rs 300 crore'],
  },
  {
    event: 'acquisition',
    frame: 'agent',
    // A brand or business added by a deal: "adds Beta to portfolio in $90 million deal".
    source: re`(?:adds?|added)\s+(?:\S+\s+){1,3}?to\s+(?:its\s+)?(?:\S+\s+)?(?:portfolio|stable|line-?up|roster)\s+(?:in|with|through|via)\s+(?:an?\s+)?(?:${MONEY}\s+)?(?:\S+\s+)?(?:deal|acquisition|buy|purchase|buyout)\b`,
    examples: ['Acme adds Beta to portfolio in $90 million deal'],
  },
  {
    event: 'acquisition',
    frame: 'agent',
    // Land bought or won for a project: "bags 10-acre land parcel in Pune".
    source: re`(?:bags?|bagged|secures?|secured|wins?|won|lands?|landed|acquires?|acquired|buys?|bought|purchases?|purchased|snaps? up|snapped up)\s+(?:an?\s+)?(?:\S+\s+){0,3}?(?:land(?:\s+parcels?)?|land banks?|parcels? of land|plots? of land|land plots?)\b`,
    examples: ['Acme bags 10-acre land parcel in Pune'],
  },
  {
    event: 'acquisition',
    frame: 'acquire',
    // A company won for a price: "nets Beta for $2.1 bln", "snares Beta in $3 bln takeover" (after the
    // contract cues, which take "bags Rs 500 crore order for…"); not shares, a stake or an order.
    source: re`${oneOf`nets? | netted | scoops? up | scooped up | snares? | snared | snaps? | snapped | grabs? | grabbed | bags? | bagged | lands? | landed | picks? up | picked up`}(?=\s+(?:(?![\d$€£₹]|rs\b|(?:stakes?|shares|stock|holding|interest|bonds?|orders?|contracts?|deals?|projects?|tenders?|mandates?|licen[cs]es?|approvals?|nods?|funding|investments?)\b)\S+\s+){1,5}?(?:for\s+(?:about\s+|nearly\s+|around\s+|up to\s+)?${MONEY}|in\s+(?:an?\s+)?(?:${MONEY}\s+)?(?:\S+\s+)?(?:deal|takeover|acquisition|buyout|purchase)\b))`,
    examples: ['Acme nets Beta Foods for $2.1 bln', 'Acme snares Beta in $3 bln takeover', "Acme picks up Beta's cereal brands for $500 mln"],
  },
  {
    event: 'acquisition',
    frame: 'agent',
    // Buying out a partner takes full control: "buys out partner's stake in joint venture".
    source: oneOf`
      (?:buys?|bought|buying|to buy) out\s+(?:(?:its|the|their)\s+)?(?:\S+\s+){0,2}?(?:partners?|jv partners?|co-?promoters?|co-?founders?)(?:'s?)?\b
      (?:buys?|bought|buying|to buy) out\s+(?:\S+\s+){0,3}?stakes?\s+in\s+(?:its\s+|the\s+)?(?:\S+\s+)?(?:joint venture|jv)\b`,
    examples: ["Acme buys out partner's stake in joint venture", 'Acme buys out Japanese partner Beta', 'Acme to buy out Beta stake in Indian JV'],
  },
  {
    event: 'acquisition',
    frame: 'agent',
    // A business strengthened by a purchase: "boosts cloud unit with $600 million Beta deal".
    source: re`${oneOf`boosts? | boosted | bolsters? | bolstered | strengthens? | strengthened | expands? | expanded | beefs? up | beefed up | adds? to | added to`}\s+(?:its\s+)?(?:\S+\s+){0,3}?${oneOf`
      unit | units | business | businesses | arm | division | portfolio | pipeline | presence | offering | offerings | franchise | operations | footprint | line-up | lineup
      output | production | reserves`}\s+(?:with|via|through|by)\s+(?:\S+\s+){0,4}?(?:deal|acquisition|buy|purchase|takeover|buyout)\b(?!\s+(?:talks?|plans?|bid|offer|hopes?))`,
    examples: ['Acme boosts cloud unit with $600 million Beta deal', 'Acme bolsters cancer portfolio with Beta acquisition'],
  },
  // Sales: the seller divests; the buyer named after "to" acquires.
  {
    event: 'acquisition',
    frame: 'sale',
    source: re`${oneOf`
      sells? | sold | selling(?<!(?:best|top|fastest|biggest|largest)-selling) | to sell | will sell | agrees? to sell | agreed to sell | offloads? | offloaded | to offload | divests?
      divested | to divest | disposes? of | disposed of | spins? off | spun off | to spin off | hives? off | carves? out
      (?:agrees?|agreed|completes?|completed|announces?|announced|finali[sz]es?|finali[sz]ed)\s+(?:the\s+)?sale of`}\b(?!\s+(?:a\s+)?record\b)(?![\s-]+${gap(5)}${oneOf`
      stakes? | shares | stock | holding | bonds? | per ?cent | percent | pc | \d[\d.]*\s*%
      flats | homes | apartments | villas | plots | houses | cars | vehicles | units | tickets | copies | phones | devices | policies`}(?:\s|$|[,;:.]))`,
    examples: ['Beta sells its chip unit to Acme'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    // A venture formed to enter a market names the entry, not only the tie-up.
    source: re`(?:sets? up|set up|forms?|formed|creates?|created|announces?|announced|signs?|signed)\s+(?:an?\s+)?(?:\S+\s+){0,2}?(?:joint venture|jv|partnership|subsidiary|unit|alliance|pact)\s+(?:\S+\s+){0,3}?to\s+enter\b`,
    examples: ['Acme forms joint venture to enter Saudi Arabia'],
  },
  // Partnerships: symmetric, both parties get the good news.
  {
    event: 'partnership',
    frame: 'symmetric',
    partnerFollows: true,
    source: oneOf`
      (?:partners?|partnered|partnering|to partner|teams? up|teamed up|teaming up|to team up|teams|teamed|joins? forces|joined forces|joining forces|to join forces|ties? up|tied up|tie-ups?|tying up|to tie up|collaborates?|collaborated|collaborating|to collaborate|allies|allied|links? up|linked up|hooks? up)\s+with\b
      jointly (?:develop|commerciali[sz]e|market|launch|build|sell|distribute|produce)\w*
      to jointly\b
      (?:joins?|joined|joining|to join) hands\b`,
    examples: ['Acme partners with Beta on battery recycling', 'Beta ties up with Acme for cloud services', 'Acme and Beta join hands for 5G rollout'],
  },
  {
    event: 'partnership',
    frame: 'symmetric',
    // Two parties as the subject, the verb in the plural: "Acme and Beta link up on battery recycling".
    source: re`(?:link|team|tie|hook|pair)\s+up\s+(?:on|for|to|in)\b`,
    examples: ['Acme and Beta link up on battery recycling'],
  },
  {
    event: 'partnership',
    frame: 'symmetric',
    partnerFollows: true,
    // "Acme partners Beta for EV charging": the partner right after the verb, then what for.
    source: re`(?:partners|partnered|partnering|to partner)\b(?!\s+with)(?=\s+(?:\S+\s+){1,3}?(?:for|to|on|in)\b)`,
    examples: ['Acme partners Beta for EV charging network'],
  },
  {
    event: 'partnership',
    frame: 'symmetric',
    source: re`${oneOf`
      signs? | signed | signing | inks? | inked | inking | strikes? | struck | seals? | sealed | forms? | formed | forming
      enters?\s+into | entered\s+into | forges? | forged | announces? | announced | unveils? | unveiled | launches? | launched
      establishes? | established | sets? up | set up | creates? | created | clinch(?:es|ed)? | extends? | extended | renews? | renewed
      expands? | expanded | deepens? | deepened | broadens? | broadened | agrees? | agreed | reaches? | reached | finali[sz]es? | finali[sz]ed
      to sign | to form | to create | to set up | to extend | to expand
      completes?\s+(?:the\s+)?(?:formation|establishment|setting up|creation) of`}\s+(?:${oneOf`
      a | an | new | its | their | strategic | global | multi-?year | long-?term | exclusive | landmark | major | \S+-year | \$?\d\S* | rs\S*
      first | commercial | technology | content | research | joint | marketing | distribution | supply | licensing | licence | license
      co-?development | sponsorship | cooperation | manufacturing | reseller | cloud | ai | data | bancassurance | codeshare | code-share
      interline | roaming | co-?branding | streaming | bundling`}\s+){0,4}${PARTNERSHIP_NOUNS}\b`,
    examples: ['Acme inks strategic partnership with Beta', 'Acme and Beta form joint venture', 'Acme completes establishment of a 50:50 joint venture'],
  },
  {
    event: 'partnership',
    frame: 'symmetric',
    // An agreement named by what the parties will make together: "sign agreement to co-develop humanoid robot".
    source: re`(?:signs?|signed|inks?|inked|enters?\s+into|entered\s+into|strikes?|struck|seals?|sealed)\s+(?:an?\s+)?(?:\S+\s+)?(?:agreements?|pacts?|deals?)\s+to\s+(?:co-?develop|jointly|develop|co-?produce|co-?brand)\b`,
    examples: ['Acme and Beta sign agreement to co-develop humanoid robot', 'Acme and Beta enter into agreement to jointly develop batteries'],
  },
  {
    event: 'partnership',
    frame: 'symmetric',
    // A partnership of any named kind ("announce bundling partnership"), not its end or a wage pact.
    source: re`${oneOf`
      signs? | signed | inks? | inked | announces? | announced | forms? | formed | forges? | forged | enters?\s+into | entered\s+into
      strikes? | struck | seals? | sealed | unveils? | unveiled | launches? | launched | extends? | extended | renews? | renewed`}\s+(?:(?:an?|new|its|their)\s+)?(?:(?!(?:end|ending|exit|exits|termination|dissolution|review|break-?up|probe|breach|wage|settlement|loan|debt|of)\b)[a-z][\w-]*\s+){1,3}(?:partnerships?|alliances?|collaborations?|joint ventures?|tie-?ups?)\b`,
    examples: ['Netflix, Acme announce payments partnership', 'Acme and Beta form electric-bus joint venture'],
  },
  {
    event: 'partnership',
    frame: 'agent',
    partyAfter: true,
    // Licensing a drug or a technology out (the licensor is paid) or in (the licensee gets the rights).
    source: re`(?:(?:out-?|in-?)?licen[cs](?:es|ed|ing)|to (?:out-?|in-?)?licen[cs]e)\s+(?:its\s+|the\s+|an?\s+)?(?:\S+\s+){0,4}?${LICENSED_THINGS}\s+(?:\S+\s+){0,2}?(?:to|from)\b`,
    examples: ['Acme licenses cancer drug to Merck for $500 million upfront', 'Merck licenses cancer drug from Acme', 'Acme out-licenses diabetes drug to Sanofi'],
  },
  {
    event: 'partnership',
    frame: 'symmetric',
    partnerFollows: true,
    source: re`${oneOf`
      signs? | signed | signing | inks? | inked | inking | strikes? | struck | seals? | sealed | clinch(?:es|ed)? | enters?\s+into | entered\s+into
      forges? | forged | to sign | extends? | extended | renews? | renewed | agrees? | agreed | reaches? | reached | finali[sz]es? | finali[sz]ed`}\s+${gap(4)}(?:deals?|agreements?|pacts?|contracts?)\s+with\b`,
    examples: ['Acme signs 10-year supply deal with Beta', 'Acme agrees 15-year offtake deal with Shell'],
  },
  {
    event: 'partnership',
    frame: 'symmetric',
    // An agreement whose kind makes it a tie-up ("signs distribution agreement", "Acme, Beta sign data-sharing pact").
    source: re`(?:signs?|signed|signing|inks?|inked|inking|enters?\s+into|entered\s+into|to sign)\s+(?:(?:a|an|new|its|their|strategic|global|multi-?year|long-?term|exclusive|\S+-year|${MONEY})\s+){0,3}(?:${AGREEMENT_KINDS}|[a-z]+-sharing)\s+(?:agreements?|pacts?|deals?)\b`,
    examples: ['Acme signs distribution agreement', 'Acme, Beta sign data-sharing agreement', 'Acme and Beta sign $300m joint development pact'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // A deal with a value or a record size: "signs $500 million deal to supply rails", "completes record pension deal".
    // Not a loan, a settlement or a deal to sell a business.
    source: re`${oneOf`
      signs? | signed | inks? | inked | strikes? | struck | seals? | sealed | clinch(?:es|ed)? | completes? | completed | closes? | closed
      finali[sz]es? | finali[sz]ed | agrees? | agreed | reaches? | reached`}\s+(?:\S+\s+){0,3}?(?:${MONEY}|record|largest|biggest|landmark|mega)\s+(?:\S+\s+){0,5}?(?<!${oneOf`
      loan | credit | debt | financing | refinancing | bond | facility | settlement | plea | wage | pay | tax | bailout | rescue | standstill`}\s)(?:deals?|agreements?|pacts?|accords?)\b(?!\s+to\s+(?:sell|divest|offload|exit|hand over|transfer|settle|resolve|end|pay|be\s+(?:bought|acquired|taken over|sold|merged)))`,
    examples: ['Acme signs $500 million deal to supply rails to Egypt', 'Acme completes record $1 billion pension deal', 'Acme agrees £1.3bn Beta deal'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // An agreement to supply, build or run something for a client: "signs agreement to supply 500 buses to Delhi".
    source: re`(?:signs?|signed|inks?|inked|seals?|sealed|bags?|bagged|wins?|won|secures?|secured)\s+(?:(?:a|an|new|its|\S+-year|multi-?year|long-?term)\s+)*(?:agreements?|deals?|pacts?|contracts?)\s+to\s+${oneOf`supply | build | develop | provide | deliver | manufacture | set up | operate | install | maintain | construct | design | modernise | modernize | upgrade | run | manage | make`}\b`,
    examples: ['Acme signs agreement to supply 500 buses to Delhi'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // A contract to run or serve something for a client: "signs management contract for Dubai hotel".
    source: re`(?:signs?|signed|inks?|inked|bags?|bagged|wins?|won|secures?|secured|gets?|got|lands?|landed|bags)\s+(?:(?:a|an|new|its|\S+-year|multi-?year|long-?term)\s+){0,2}${oneOf`
      management | operations? | operation and maintenance | o&m | maintenance | service | services | engineering | epc | construction
      consulting | consultancy | outsourcing | hosting | logistics | catering | security | transport | design | turnkey`}\s+(?:contracts?|mandates?)\b`,
    examples: ['Acme signs management contract for Dubai hotel', 'Acme inks O&M contract for Delhi metro'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // A hotel company "signs" a hotel: a contract to run it ("Acme Hotels signs new Taj hotel in Bhutan").
    source: re`(?:signs?|signed|adds?|added)(?<=\b(?:hotels?|hospitality|resorts?)\b.*)\s+(?:(?:a|an|new|its|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)+(?:\S+\s+)?(?:hotels?|resorts?|properties)\b`,
    examples: ['Acme Hotels signs new Taj hotel in Bhutan', 'Acme Hospitality adds three new hotels in Goa'],
  },
  {
    event: 'contract-win',
    frame: 'agent',
    // "Acme to supply engines to Beta in $2 billion deal".
    source: re`(?:to supply|supplies|will supply|to provide|to build|will build|to deliver|will deliver|to make)\s+(?:\S+\s+){1,6}?in\s+(?:an?\s+)?${MONEY}\s+(?:\S+\s+)?(?:deal|contract|order|agreement)\b`,
    examples: ['Acme to supply engines to Beta in $2 billion deal'],
  },
  {
    event: 'contract-win',
    frame: 'picked',
    // "Beta hands Acme $400 million order": the company right after the verb receives it.
    source: re`(?:hands?|handed|gives?|gave|awards?|awarded|grants?|granted)\b(?=\s+\S+(?:\s+\S+){0,3}?\s+(?:${MONEY}\s+)?(?:\S+\s+){0,2}?(?:contracts?|orders?|mandates?|projects?)\b)`,
    examples: ['Beta hands Acme $400 million order'],
  },
  {
    event: 'partnership',
    frame: 'picked',
    // Money paid to the company for what it owns or makes: "Novartis to pay Acme up to $450 million for eczema drug".
    source: re`(?:to pay|will pay|pays|paid|agrees? to pay|agreed to pay)\b(?=\s+\S+(?:\s+\S+){0,3}?\s+(?:up to\s+)?${MONEY}\s+(?:\S+\s+){0,2}?for\b)`,
    examples: ['Novartis to pay Acme up to $450 million for eczema drug'],
  },
  {
    event: 'partnership',
    frame: 'agent',
    // "Acme to receive up to $450 million from Novartis for eczema drug rights".
    source: re`(?:to receive|will receive|receives?|received|gets?|got|to get|secures?|secured|bags?|bagged|lands?|landed|pockets?|pocketed)\s+(?:up to\s+)?${MONEY}\s+(?:\S+\s+){0,2}?from\s+(?:\S+\s+){1,4}?for\s+(?!(?:its\s+|the\s+|a\s+)?(?:\S+\s+)?(?:stake|shares|unit|business|division|arm|subsidiary|sale|damages|compensation|losses)\b)`,
    examples: ['Acme to receive up to $450 million from Novartis for eczema drug rights'],
  },
  // Expansion: offices, plants, stores, markets.
  {
    event: 'expansion',
    frame: 'agent',
    source: oneOf`
      ${oneOf`
      opens? | opened | opening | to open | will open | inaugurates? | inaugurated | unveils? | unveiled | launches? | launched
      establishes? | established | sets? up | setting up | builds? | building | to build | will build | constructs?
      breaks? ground (?:on|for) | broke ground (?:on|for) | lays? (?:the\s+)?foundation(?: stone)? (?:for|of) | laid (?:the\s+)?foundation(?: stone)? (?:for|of) | commissions? | commissioned | adds? | added | relocates?
      moves? (?:its\s+)?(?:hq|headquarters)`}\s+${gap(4)}${PLACE_NOUNS}\b(?![\s-]+(?:robots?|robotics|automation|software|management|systems?|solutions?|apps?|platforms?|services|technology|tech|vehicles?|drones?|trucks?)\b)
      (?:starts?|started|begins?|began)\s+(?:(?:a|an|its|new|second|third|fourth|fifth|another)\s+){1,2}(?:\S+\s+)?${PLACE_NOUNS}\b`,
    examples: ['Acme opens new engineering hub in Austin', 'Acme Foods breaks ground on $200 million plant in Ohio', 'Acme starts second production line at Pune', 'Acme lays foundation stone for Nagpur plant'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    // Commissioning a plant is expansion; commissioning a study is not.
    source: re`(?:commissions?|commissioned)\s+${gapWithout(5, oneOf`
      study | studies | report | reports | survey | review | audit | probe | inquiry | research | analysis | artwork | portrait | film
      series | paintings? | panel | investigation`)}${oneOf`projects? | units? | capacity | plants? | parks? | lines? | reactors? | pipelines? | furnaces? | turbines? | farms? | substations?`}\b`,
    examples: ['Acme Power commissions 450 MW capacity at Khurja'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    source: oneOf`
      (?:expands?|expanded|expanding|to expand|will expand)\s+(?!(?:\S+\s+){0,2}?(?:buy-?backs?|repurchases?|recalls?|layoffs?|job cuts?|probes?|investigations?|inquiry|cost-cutting|cost cuts|borrowings?|debt|losses|short positions?|stake|holding)\b)(?:(?:its|their)\s+)?(?:(?:\S+\s+){1,3}?(?:into|to|across)\b|into|to|in|across|presence|footprint|operations|reach|capacity|production|manufacturing|business|network|portfolio|team|workforce|offering|services|distribution|global|international|overseas|abroad)\b
      (?:enters?|entered|entering|to enter|will enter|re-?enters?|re-?entered|re-?entering|to re-?enter|returns? to|returned to|returning to|makes? (?:a\s+)?comeback (?:in|to))\s+(?:the\s+)?${gapWithout(3, MONEY_MARKETS)}(?:markets?|business|segment|space|sector|countr(?:y|ies))\b
      (?:enters?|entered|entering|to enter|will enter|re-?enters?|re-?entered|to re-?enter|returns? to|returned to|sets? foot in|set foot in)\s+(?:the\s+)?${PLACES}\b
      (?:foray(?:s|ed)?|forays) (?:into|in)\b
      (?:diversif(?:ies|ied)|branches out|branched out) into\b
      (?:expands?|expanded)\s+(?:its\s+)?(?:\S+\s+){0,2}?(?:offices?|headquarters|plants?|factor(?:y|ies)|facilit(?:y|ies)|campus(?:es)?|hubs?|cent(?:er|re)s?|labs?|warehouses?|refiner(?:y|ies)|terminals?|network|fleet)\b
      (?:gains?|gained|wins?|won|establishes?|established|secures?|secured)\s+(?:a\s+)?foothold\s+in\b
      (?:launches|launched|begins|began|starts|started|commences?|commenced)\s+(?:its\s+)?operations\s+in\b
      makes? (?:its\s+)?(?:debut|foray|entry) (?:in|into)\b
      (?:launches|launched|debuts|debuted|arrives|arrived|goes live|went live) in\b`,
    examples: ['Acme expands into Brazil with São Paulo office', 'Acme enters Japanese market', 'Acme enters Brazil', 'Acme returns to Indian market'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    // A company of its own abroad, or one formed to enter a market: "sets up subsidiary in Vietnam".
    source: oneOf`
      (?:sets? up|set up|setting up|forms?|formed|forming|establishes?|established|incorporates?|incorporated|opens?|opened|creates?|created|launches?|launched)\s+(?:(?:a|an|its|new|wholly[- ]owned|local|joint|first|overseas|foreign|international)\s+)*(?:subsidiary|subsidiaries|unit|arm|company|entity|venture|jv|branch|plant|factory)\s+(?:in|for)\s+(?:the\s+)?${PLACES}\b`,
    examples: ['Acme sets up subsidiary in Vietnam'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    // A subsidiary or branch of its own anywhere ("forms subsidiary in Ecuador", "…in Texas").
    source: re`(?:sets? up|set up|setting up|forms?|formed|forming|establishes?|established|incorporates?|incorporated|opens?|opened|creates?|created|launches?|launched)\s+(?:(?:a|an|its|new|wholly[- ]owned|local|step-down|overseas|foreign)\s+)*(?:subsidiary|subsidiaries|branch(?:es)?)\s+in\s+(?!talks\b|a\s+bid\b)`,
    examples: ['Acme forms subsidiary in Ecuador', 'Acme sets up wholly owned subsidiary in Texas'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    source: oneOf`
      (?:marks?|marked|announces?|announced|makes?|made)\s+(?:its\s+|a\s+)?(?:\S+\s+)?(?:entry|foray|debut)\s+(?:in|into|to)\b
      (?:completes?|completed|commissions?|commissioned|finishes|finished|inaugurates?|inaugurated)\s+(?:the\s+|its\s+)?(?:\S+\s+){0,3}?expansion\b(?!\s+plans?)
      (?:doubles?|doubled|triples?|tripled|ramps? up|ramped up|scales? up|scaled up|boosts?|boosted|raises?|raised|increases?|increased|enhances?|enhanced|augments?|augmented|adds?|added|adding|to add|to double|to raise|to increase|to enhance)\s+(?:\S+\s+){0,4}?(?<!(?:borrowing|debt|lending|funding|fund-raising|fundraising|loan|credit)\s)capacit(?:y|ies)\b`,
    examples: ['Acme marks entry into Indonesia', 'Acme completes expansion of Dahej plant', 'Acme doubles capacity at Dahej plant', 'Acme adds 50,000 tonnes of capacity'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    source: re`(?:invests?|invested|investing|to invest|will invest|pumps?|pumped|to pump|commits?|committed)\s+${MONEY}\s+${gap(2)}(?:in|into|for|to)\s+${gap(3)}${oneOf`
      expansion | expand | capacity | plants? | factor(?:y|ies) | facilit(?:y|ies) | operations | r&d | research | manufacturing
      stores? | offices? | hubs? | cent(?:er|re)s? | network | infrastructure`}\b`,
    examples: ['Acme commits $500 million to new Texas plant'],
  },
  {
    event: 'expansion',
    frame: 'agent',
    source: re`(?:new\s+)?${oneOf`
      offices? | headquarters | hq | plants? | factor(?:y|ies) | gigafactor(?:y|ies) | facilit(?:y|ies) | stores? | outlets? | showrooms?
      branch(?:es)? | campus | hubs? | cent(?:er|re)s? | labs? | warehouses? | mills? | refiner(?:y|ies) | restaurants? | hotels?
      (?:food\s+)?halls? | clinics? | hospitals? | terminals? | studios? | dealerships? | malls? | resorts? | multiplex(?:es)? | cinemas?`}\s+(?:\S+\s+){0,3}?${oneOf`
      opens | opened | is inaugurated | inaugurated | begins (?:production|operations) | starts (?:production|operations) | goes live
      open(?:s|ed)? (?:its\s+)?doors`}\b`,
    examples: ["Acme's new Texas plant opens"],
  },
  // Hiring.
  {
    event: 'hiring',
    frame: 'agent',
    source: re`${oneOf`
      to hire | will hire | hires | hired | hiring | to recruit | recruits | recruiting | will recruit | to add | adds | added | adding
      will add | to create | creates | created | creating | will create | brings? | bringing | generates?`}\s+(?:up to\s+|over\s+|more than\s+|nearly\s+|around\s+|about\s+|another\s+|an additional\s+)?(?:\d[\d,.]*\s*(?:k|m|mn|million|lakh)?|hundreds|thousands|dozens|tens of thousands|more|new|additional|several)\s+(?:\S+\s+){0,2}?${STAFF_NOUNS}\b`,
    examples: ['Acme to hire 2,000 engineers in India', 'Acme will create 500 jobs at new Belfast site'],
  },
  {
    event: 'hiring',
    frame: 'agent',
    source: re`(?:to hire|will hire|hires|hiring|to recruit|recruits|recruiting|will recruit)\s+(?:up to\s+|over\s+|more than\s+|nearly\s+|around\s+|about\s+|another\s+)?\d[\d,.]*\s*(?:k|lakh)?\b(?!\s*(?:%|per ?cent))`,
    examples: ['Acme to hire 10,000 this year'],
  },
  { event: 'hiring', frame: 'nominal', source: oneOf`hiring spree | recruitment drive | hiring drive | hiring push | jobs boost`, examples: ['Acme goes on hiring spree'] },
  // Product launches. Launching a probe, a bid or a bond is not a product.
  {
    event: 'product-launch',
    frame: 'agent',
    source: re`${oneOf`
      launch(?:es|ed|ing)? | to launch | will launch | unveil(?:s|ed|ing)? | to unveil | will unveil | introduc(?:es|ed|ing) | to introduce
      rolls? out | rolled out | rolling out | to roll out | debuts? | debuted | releases? | released | to release | showcases? | showcased
      premieres? | premiered | brings? out | brought out | announces? (?:the\s+)?(?:launch|release|availability|general availability) of
      goes live with | went live with | switches on | switched on`}\s+(?!(?:in|on|at|into|its shares|shares)\b)[\w$£€₹'"]`,
    unless: new RegExp(re`(?:\S+\s+){0,5}?${NOT_A_PRODUCT}\b`, 'y'),
    unlessAt: 1,
    examples: ['Acme launches Nova headphones', 'Acme unveils electric pickup truck'],
  },
  // Milestones.
  {
    event: 'milestone',
    frame: 'agent',
    source: re`(?:${oneOf`
      posts? | posted | reports? | reported | records? | recorded | achieves? | achieved | hits? | sees? | saw | logs? | logged | clocks? | clocked | delivers?
      delivered | books? | booked | notches? | notched | registers? | registered | announces? | announced | enjoys? | enjoyed | marks? | sets?
      set | sells | sold | ships | shipped | produces | produced | draws | drew | attracts | attracted
      flies | flew | carries | carried | handles | handled | serves | served`}\s+(?:a\s+|an\s+|its\s+)?(?:new\s+|all-time\s+|\S+\s+)?)?(?:record(?:-breaking|-high)?|highest[- ]ever|best[- ]ever)\s+${gap(2)}${RECORD_OF}\b`,
    examples: ['Acme posts record quarterly revenue', 'Acme reports best-ever sales'],
  },
  {
    event: 'milestone',
    frame: 'agent',
    source: re`${oneOf`
      crosses | crossed | surpasses | surpassed | passes | passed | tops | topped | exceeds | exceeded | hits | reaches | reached
      achieves | achieved | clocks | clocked | notches | notched | breaks | broke | hit | completes | completed`}\s+(?:the\s+)?(?:${gap(1)}\d[\d,.]*\s*(?:k|m|mn|million|bn|billion|lakh|crore)?\s+${gap(2)}${COUNTED}|${gap(3)}(?:revenue|sales|turnover|deliveries|production|output|orders|bookings) (?:milestone|mark))\b`,
    examples: ['Acme crosses 10 million users'],
  },
  {
    event: 'milestone',
    frame: 'agent',
    // A figure of the company's reaching a record or a round mark: "order book swells to record Rs 20,000 crore".
    source: oneOf`
      ${FIGURES}\s+(?:\S+\s+){0,2}?(?:cross(?:es|ed)?|surpass(?:es|ed)?|tops?|topped)\s+(?:the\s+)?${MONEY}
      (?:cross(?:es|ed)?|surpass(?:es|ed)|tops|topped)\s+(?:the\s+)?${MONEY}\s+(?:mark\s+)?(?:in\s+|of\s+)?${FIGURES}\b
      (?:hits|hit|reaches|reached)\s+(?:the\s+)?${MONEY}\s+(?:mark\s+)?(?:in|of)\s+(?:annual|yearly)\s+${FIGURES}\b
      ${FIGURES}\s+(?:\S+\s+){0,2}?${FIGURE_RISES}\s+(?:to\s+)?(?:(?:a|an|the)\s+)?(?:(?:new|all-time)\s+)?(?:record|highest|all-time high|${MONEY}\s+(?:mark|milestone)|\S+\s+(?:mark|milestone)|${COUNT}\s+(?:\S+\s+)?${COUNTED})\b
      ${RECORD_OF}\s+(?:\S+\s+){0,4}?(?:at\s+)?(?:(?:a|an)\s+)?(?:record|best[- ]ever|highest[- ]ever|all-time high)\b(?!\s+(?:low|lows)\b)`,
    examples: ["Acme's order book swells to record Rs 20,000 crore", "Acme's revenue crosses Rs 1,000 crore mark", 'Acme sales cross one million units', 'Acme March sales up 25%, best ever', 'Acme hits $1 billion in annual revenue'],
  },
  {
    event: 'milestone',
    frame: 'agent',
    source: oneOf`
      (?:celebrates?|celebrated|celebrating|marks?|marked|marking)\s+(?:its\s+)?${gap(2)}(?:anniversary|years? (?:of|in)|milestone|centenary|centennial|jubilee)\b
      (?:delivers?|delivered|ships?|shipped|produces?|produced|rolls? out|rolled out|builds?|built|sells?|sold|opens?|opened)\s+(?:its\s+|the\s+)?\d[\d,]*(?:st|nd|rd|th)\b
      (?:becomes?|became)\s+(?:the\s+|a\s+)?(?:\S+'s?\s+)?(?:(?:second|third|2nd|3rd)[- ](?=largest|biggest))?(?:first|world's first|unicorn|profitable|largest|biggest|no\.?\s?1|number one|leading|best-selling|top-selling)\b(?!\s+${gap(6)}(?:trillion|billion|\$|₹|rs|market(?!\s+share)|m-?cap|mcap|valuation|valued|stock|shares|shareholders?|stakeholders?|holders?|investors?|owners?|most valued|defaulter|loss|debt))
      (?:completes?|completed|achieves?|achieved|conducts?|conducted)\s+(?:its\s+|the\s+)?(?:first|maiden|successful)\s+(?:\S+\s+)?(?:flight|launch|test|delivery|shipment|voyage|mission|trial run|commercial)\w*
      (?:achieves?|achieved|makes?|made|announces?|announced|reports?|reported)\s+(?:a\s+|major\s+|key\s+)?breakthrough\b
      (?:strikes?|struck|discovers?|discovered|finds?|found)\s+(?:\S+\s+){0,2}?(?:oil|gas|gold|lithium|copper)\b
      (?:makes?|made|announces?|announced)\s+(?:\S+\s+){0,3}?discovery\b
      (?:makes?|made|announces?|announced|reports?|reported)\s+(?:an?\s+)?(?:\S+\s+){0,2}?(?:oil|gas|gold|copper|lithium|hydrocarbon|mineral)\s+finds?\b
      (?:achieves?|achieved|announces?|announced|reaches?|reached|starts?|started|delivers?|delivered|pumps?|pumped)?\s*first (?:oil|gas|coal|ore)\s+(?:from|at|in)\b
      (?:comes?|came|goes|went|is brought|was brought)\s+on[- ]?stream\b
      (?:completes?|completed|finishes|finished)\s+(?:the\s+)?construction\s+of\b
      (?:sets?|set|breaks?|broke|creates?|created)\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:world|guinness(?: world)?|national|industry|global)\s+records?\b
      successfully\s+(?:tests?|tested|test-fires?|test-fired|flies|flew|launches?|launched|demonstrates?|demonstrated|completes?|completed|commissions?|commissioned)\b
      (?:begins?|began|starts?|started|commences?|commenced|kicks? off)\s+(?:commercial\s+|full\s+|mass\s+|serial\s+|full-scale\s+|local\s+)?(?:production|operations|deliveries|shipments|manufacturing|exports|assembly)\b
      (?:begins?|began|starts?|started|commences?|commenced)\s+(?:commercial\s+|mass\s+|local\s+)?(?:shipping|delivering|exporting|producing|manufacturing|assembling)\b
      (?:begins?|began|starts?|started|commences?|commenced)\s+(?:commercial\s+)?output\b
      (?:reaches?|reached|achieves?|achieved|declares?|declared|enters?|entered)\s+commercial\s+(?:production|operations?)\b
      (?:pours?|poured)\s+(?:its\s+)?first\s+(?:gold|silver|steel|metal|copper)\b
      (?:enters?|entered|joins?|joined)\s+(?:the\s+)?(?:elite\s+)?${MONEY}\s+(?:\S+\s+)?(?:revenue|sales|turnover|top-?line|income|profit)\s+club\b
      (?:granted|awarded|receives?|received|wins?|won|secures?|secured|gets?|got|obtains?|obtained)\s+(?:\S+\s+){0,3}?patents?\b`,
    examples: ['Acme celebrates 100th anniversary', 'Acme delivers its 1,000th aircraft', 'Acme begins commercial production at Pune plant', 'Acme starts shipping its new laptop to customers'],
  },
  {
    event: 'milestone',
    frame: 'agent',
    // First deliveries and shipments.
    source: oneOf`
      (?:delivers?|delivered|ships?|shipped|dispatches?|dispatched|exports?|exported|hands? over|handed over)\s+(?:its\s+|the\s+)?(?:first|maiden|1st)\b
      (?:makes?|made|sends?|sent|completes?|completed|flags? off|flagged off)\s+(?:its\s+|the\s+)?(?:first|maiden|1st)\s+(?:\S+\s+){0,2}?(?:shipments?|deliver(?:y|ies)|consignments?|cargo(?:es)?|exports?|batch(?:es)?)\b
      (?:first|maiden)\s+(?:\S+\s+){0,3}?(?:rolls? off|rolled off|rolls? out|rolled out|is delivered|delivered|shipped|dispatched|takes? off|took off)\b
      (?:takes?|took|taking)\s+delivery\s+of\s+(?:its\s+|the\s+)?(?:first|maiden|1st)\b`,
    examples: ['Acme delivers first A321 freighter to Etihad', 'Acme makes first shipment from new terminal', "Acme's first electric truck rolls off the line"],
  },
  // Standout results: records, a multiple, a return to profit, or growth of at least STRONG_GROWTH_PERCENT (checked in classify.ts).
  {
    event: 'strong-results',
    frame: 'agent',
    source: oneOf`
      ${REPORTS}${RESULT_NOUNS}\s+(?:\S+\s+){0,2}?${RISE_VERBS}\s+to\s+${MONEY}\s+(?:\S+\s+)?from\s+${MONEY}
      (?:more than\s+)?(?:doubles|doubled|triples|tripled|trebles|trebled|quadruples|quadrupled)\s+(?:its\s+)?(?:\S+\s+)?${RESULT_NOUNS}\b(?!\s+(?:targets?|goals?|forecasts?|guidance|estimates?|outlook|projections?|ambitions?)\b)
      ${REPORTS}${RESULT_NOUNS}\s+(?:\S+\s+){0,2}?${RISE_VERBS}(?:\s+(?:by\s+|over\s+|nearly\s+|about\s+|more than\s+|almost\s+)?(?:${PERCENT}|${MULTIPLE}|\S*-?fold|multi-?fold))?
      ${RESULT_NOUNS}\s+(?:\S+\s+){1,5}?(?:up|rises?|rose|jumps?|jumped|grows?|grew|surges?|surged|soars?|soared|climbs?|climbed|zooms?|zoomed)\s+(?:by\s+)?(?:over\s+|nearly\s+|about\s+|more than\s+|almost\s+)?${PERCENT}
      (?:q[1-4]|quarter|qtr|h[12]|fy\s?\d{2,4})\s+(?:\S+\s+){0,2}?(?:${RISE_VERBS}|shoots?)\s+(?:by\s+|over\s+|nearly\s+|about\s+|more than\s+|almost\s+)?${MULTIPLE}
      ${REPORTS}(?:net profit|profit|net)\s+(?:\S+\s+){0,6}?(?:vs|versus|against|compared (?:with|to))\s+(?:a\s+)?(?:net\s+)?loss(?:es)?\b
      (?:moves?|moved|swings?|swung|turns?|turned|returns?|returned)\s+(?:back\s+)?(?:in)?to\s+(?:a\s+)?(?:net\s+)?profit\s+from\s+(?:a\s+)?(?:net\s+)?loss(?:es)?\b
      (?:posts?|posted|reports?|reported|records?|recorded|registers?|registered|clocks?|clocked|logs?|logged|achieves?|achieved)\s+(?:a\s+)?${PERCENT}\s+(?:\S+\s+){0,2}?(?:rise|jump|growth|increase|surge)\b
      (?:posts?|posted|reports?|reported|makes?|made|books?|booked)\s+(?:its\s+|a\s+)?(?:first(?:-ever| ever)?|maiden)\s+(?:\S+\s+){0,2}?profit
      (?:posts?|posted|reports?|reported|returns? to|returned to|swings? to|swung to|turns? in|turned in)\s+(?:a\s+)?(?:\S+\s+){0,3}?profit\s+(?:\S+\s+){0,3}?after\s+(?:\S+\s+){0,2}?(?:quarters?|years?|months?|periods?)\s+of\s+(?:net\s+)?loss(?:es)?
      ${REPORTS}(?:${MONEY}\s+)?(?:net\s+)?profits?,?\s+(?:the\s+|its\s+)?first\s+(?:in|since)\b
      (?:returns?|returned|swings?|swung|turns?|turned|bounces?|bounced)\s+(?:back\s+)?(?:to|into)\s+(?:a\s+)?(?:(?:q[1-4]|h[12]|fy\S*|quarterly|first-quarter|second-quarter|third-quarter|fourth-quarter|annual)\s+)?(?:net\s+)?(?:profit|the black)
      turns? (?:net\s+)?profitable | turned (?:net\s+)?profitable | (?:turns?|turned) around with (?:an?\s+)?(?:${MONEY}\s+)?(?:net\s+)?profit | (?:is\s+|comes\s+|came\s+)?back (?:in|into|to) (?:a\s+)?(?:net\s+)?profit
      back in (?:the\s+)?black(?<=(?:${RESULT_NOUNS}|q[1-4]|quarter|fy\S*)\s+(?:is\s+|comes\s+|came\s+)?back in (?:the\s+)?black)
      back in (?:the\s+)?black(?=\s+(?:\S+\s+){0,4}?(?:${RESULT_NOUNS}|q[1-4]|quarter|fy\S*)\b)`,
    examples: ['Acme Q2 net profit jumps 145%', 'Acme returns to profit in third quarter', 'Acme Q3 shoots over 3-fold', 'Acme Q2 net profit at Rs 80 crore vs loss of Rs 12 crore'],
  },
  // An event noun opening the headline, the company after "for" ("Rs 500 crore order for Acme").
  // Listed before the nominal forms: the frame also reads a subject before the noun as its owner.
  {
    event: 'regulatory-approval',
    frame: 'for',
    source: re`(?:${oneOf`fda | usfda | us fda | ema | eu | dcgi | cdsco | sebi | rbi | government | govt | cabinet | ministry | regulatory | final | formal`}\s+)?${oneOf`approvals? | nods? | clearances? | go-?ahead | green ?light`}\s+for\b`,
    examples: ['USFDA approval for Acme cancer drug', "Nod for Acme's cancer drug in Europe", 'Acme rallies after USFDA nod for generic'],
  },
  {
    event: 'contract-win',
    frame: 'for',
    source: re`(?:${MONEY}\s+|${oneOf`big | bigger | major | mega | fresh | new | large | bumper | maiden | another | repeat | export | multi-?crore | multi-?million | multi-?billion`}\s+)+(?:\S+\s+)?${oneOf`orders? | contracts? | projects? | mandates?`}\s+for\b`,
    examples: ['Rs 500 crore order for Acme', 'Big order for Acme from Coal India'],
  },
  // Nominal forms, owned by the clause's subject ("Acme jumps on order win").
  {
    event: 'contract-win',
    frame: 'nominal',
    counterpartyBefore: true,
    source: oneOf`
      (?:orders?|contracts?|deals?|blocks?|mines?|projects?|tenders?) wins?\b
      (?:new|fresh|big|major|large|bumper|mega|maiden|repeat|export) (?:orders?|contracts?)\b
      (?:orders?|contracts?) (?:worth|valued at|of ${MONEY})
      order inflows?\b`,
    examples: ['Acme shares jump 8% on Rs 300 crore order win', 'Acme rallies on fresh orders from Europe'],
  },
  {
    event: 'regulatory-approval',
    frame: 'nominal',
    source: re`${oneOf`fda | usfda | us fda | u\.s\. fda | ema | regulatory | dcgi | sebi | rbi | government | govt | eu | chmp | mhra | cdsco | faa | fcc | trai | ministry`} ${oneOf`approvals? | nods? | clearances? | go-?ahead | green ?light`}\b`,
    examples: ['Acme rallies after USFDA nod', 'Acme surges on FDA approval'],
  },
  {
    event: 'partnership',
    frame: 'nominal',
    partnerFollows: true,
    counterpartyBefore: true,
    source: oneOf`
      (?:joint venture|jv|partnership|alliance|tie-?up|collaboration|pact|mou|deal)\s+(?:with|between)\b
      \b(?:jv|joint venture)\b(?!\s+stakes?\b)(?!\s+(?:wins?|won|winning|bags?|bagged|secures?|secured|lands?|landed|gets?|bags)\b)`,
    examples: ['Acme up 5% on partnership with Beta', 'Beta surges on strategic alliance with Acme'],
  },
  {
    event: 'contract-win',
    frame: 'bridged',
    counterpartyBefore: true,
    source: re`\b(?:orders?|contracts?|engagements?)\b(?<!\bin order)(?!\s+(?:to|for|size|sizes|flow|types?|matching|routing|execution|book)\b)`,
    examples: ['Acme rallies on Rs 200 crore order'],
  },
  { event: 'ipo', frame: 'bridged', source: re`\b(?:listing|debut)\b`, examples: ['Acme shares soar 60% on debut'] },
  {
    event: 'ipo',
    frame: 'nominal',
    // "Acme bursts onto Wall Street with $870-million IPO": the offering named with its size.
    source: re`with\s+(?:an?\s+|its\s+)?${MONEY}\s+(?:\S+\s+)?${IPO_NOUNS}\b`,
    examples: ['Acme bursts onto Wall Street with $870-million IPO'],
  },
  {
    event: 'partnership',
    frame: 'bridged',
    // "Acme hits high on Beta collaboration": a tie-up has two sides, so the name before it is the partner.
    counterpartyBefore: true,
    source: re`\b(?:collaboration|partnership|tie-?up|alliance|joint venture)\b(?!\s+(?:talks?|plans?|hopes?|buzz|reports?|speculation|proposal|bid|offer))(?!\s+(?:wins?|won|winning|bags?|bagged|secures?|secured|lands?|landed|gets?)\b)`,
    examples: ['Acme hits new high on Beta collaboration'],
  },
  {
    event: 'acquisition',
    frame: 'bridged',
    // "Acme shares rise on hotel chain buy": a thing bought, named in lower case (not "on Buffett buy").
    objectLowerCase: true,
    source: re`\b(?:buy|purchase|acquisition)\b(?!\s+(?:by|of\s+(?:its\s+)?(?:shares|stake)|offer|bid|talks?|plans?|hopes?|buzz|reports?|speculation|rumou?rs?|call|rating|recommendation|signal|target|view|on dips|back))`,
    examples: ['Acme shares rise on hotel chain buy', 'Acme shares gain after resort purchase in Goa'],
  },
  { event: 'regulatory-approval', frame: 'nominal', source: re`\b(?:licen[cs]es?|approvals?|nods?|clearances?)\s+(?:for|to)\b`, examples: ['Acme rallies after licence to mine lithium'] },
];

// ---------------------------------------------------------------------------------------------
// Events that are never congratulated. They also block congratulations anywhere in a headline.

/** "profit after four quarters of losses": the losses are behind it, the news is the profit. */
const LOSSES_BEHIND = re`after\s(?:\S+\s){0,2}?(?:quarters?|years?|months?|periods?)\sof`;

const NEGATIVE_EVENTS: CueDefinition[] = [
  {
    event: 'layoffs',
    frame: 'agent',
    source: oneOf`
      lay(?:s|ing)?[- ]?offs? | laid[- ]off | layoffs? | job cuts? | job losses
      jobs? (?:cuts?|losses|at risk|to go|under threat|face the axe|axed|slashed|lost)
      (?:cuts?|cutting|to cut|slash(?:es|ed|ing)?|axes?|axed|axing|to axe|sheds?|shedding|eliminat(?:es|ed|ing)|reduc(?:es|ed|ing)|trims?|trimmed|to trim)\s+${gap(3)}(?:jobs|staff|workforce|positions|roles|employees|workers|headcount|posts)\b
      redundanc(?:y|ies) | retrench\w* | furlough\w* | downsiz\w* | pink slips? | restructur\w* | reorgani[sz]ation | voluntary retirement | \bvrs\b | \baxe\b`,
    examples: ['Acme to cut 1,200 jobs', 'Acme announces layoffs at Ohio plant'],
  },
  {
    event: 'closure',
    frame: 'agent',
    source: oneOf`
      ${oneOf`
        clos(?:es|ed|ing|ure|ures)? | to close | shut(?:s|ting)?(?:\s+down)? | shutters? | shuttered | shuttering | mothball\w* | winds? down
        wound down | wind-down | pulls? (?:the )?plug on | exits? | exited | exiting | to exit | quits? | quitting | pulls? out of
        pulled out of | withdraws? from | withdrew from | ceases? | ceased`}\s+${gap(3)}${oneOf`
        stores? | shops? | plants? | factor(?:y|ies) | offices? | branch(?:es)? | sites? | operations? | outlets? | mills? | units?
        facilit(?:y|ies) | doors | hospitals? | mines? | restaurants? | business(?:es)? | markets? | country | production | trading
        services? | division | brand | locations? | cent(?:er|re)s? | depots? | warehouses?`}\b
      closures?\b | shut ?downs?\b | shuts down | shut down | closing down | goes dark`,
    examples: ['Acme to close 40 stores', 'Acme exits Russian market'],
  },
  {
    event: 'lawsuit',
    frame: 'agent',
    source: oneOf`
      \bsu(?:es|ed|ing)\b | \bsue\b | lawsuits? | law suits? | \bsuits?\b(?!\s+(?:up|you)) | class[- ]action | litigation
      legal (?:action|battle|fight|challenge|dispute|row|case|woes|trouble|threat|notice|advice|wrangle)
      \bcourts?\b | judges?\b | \bjury\b | verdict | tribunal | arbitration | injunction | infring\w*
      settles? | settled | settling | settlement | damages | plaintiffs? | defendants?
      accus(?:es|ed|ing|ation|ations) | alleg(?:es|ed|edly|ing|ation|ations) | complaints? | disputes? | \brows?\b(?<!in a rows?) | feud\w*
      countersu\w* | appeals?\b | contempt | subpoena\w* | indict\w* | prosecut\w* | \bplea\b | pleads? guilty | guilty | convict\w*
      sentenced | \bjail\w* | arrest\w*`,
    examples: ['Beta sues Acme over patents', 'Acme settles class action for $20 million'],
  },
  {
    event: 'settlement',
    frame: 'agent',
    // Settling with prosecutors or regulators, even when the headline calls it a deal or an agreement.
    source: oneOf`
      (?:deals?|agreements?|accords?|pacts?|settlements?)\s+with\s+(?:(?:the|us|u\.s\.|uk|british|french|german|indian|federal|state|eu|european|american)\s+)*(?:prosecutors?|doj|justice department|department of justice|attorneys? general|sec|cftc|ftc|fca|sfo|serious fraud office|epa|regulators?|authorities|watchdogs?|finra|occ|federal reserve|ofac|cbi|enforcement directorate|competition commission|european commission|tax authorities|irs|hmrc|income tax department)\b
      (?:agrees?|agreed|to|will)\s+pay\s+${gap(3)}(?:to\s+(?:settle|resolve|end)|in\s+(?:penalt|fines?|damages|compensation|settlement)|(?:penalty|penalties|fine|fines|damages|compensation)\b)
      (?:to|will)\s+(?:resolve|settle|end)\s+${gap(3)}(?:probe|investigation|claims|charges|allegations|case|cases|lawsuits?|suits?|dispute|inquiry|matter|accusations)\b
      deferred prosecution | non-prosecution | consent (?:decree|order) | plea (?:deal|agreement|bargain)`,
    examples: ['Acme strikes $450 million deal with Justice Department', 'Acme agrees to pay $300 million to resolve US claims', 'Acme signs consent decree with EPA'],
  },
  {
    event: 'investigation',
    frame: 'agent',
    source: oneOf`
      probes? | probed | probing | investigat\w* | inquir(?:y|ies) | enquir(?:y|ies) | \braids?\b | raided | \bseiz(?:e|es|ed|ing|ure)\b
      (?:forensic|special|independent) audit | charged | charges against | faces? charges | criminal | fraud\w* | bribe\w* | corrupt\w*
      kickbacks? | launder\w* | insider trading | manipulat\w* | anti-?trust(?!\s+(?:clearance|approval|nod|go-?ahead|green ?light)s?\b)
      competition (?:law|watchdog|probe|concerns) | cartel | collu\w* | price[- ]fixing | scrutiny | crackdown
      sanction(?:s|ed)?\b | \bfined\b | \bfines?\b | penalt(?:y|ies) | penali[sz]ed | violat\w*
      breach(?:es|ed)? (?:of\s+)?${gap(2)}(?:law|laws|rules|regulations|norms|code)
      misconduct | wrongdoing | whistle-?blow\w* | scandal\w* | irregularit\w* | restat(?:e|es|ed|ement|ing)\b
      accounting (?:issues|problems|errors|lapses|scandal) | show[- ]cause | warning letter | import alert | form 483
      \bbans?\b | banned | barred | blacklist\w* | censure\w* | reprimand\w* | \brapped\b | \braps\b | watchdog | regulatory action
      tax evasion | evasion | embezzl\w* | misled | misleading | mis-?sell\w*`,
    examples: ['SEC opens probe into Acme accounting', 'Acme fined $5 million by regulator'],
  },
  {
    event: 'loss',
    frame: 'agent',
    source: oneOf`
      net loss(?<!(?:vs|versus|against|compared with|compared to)\s(?:a\s)?net loss)(?<!${LOSSES_BEHIND}\snet loss)
      losses(?<!(?:vs|versus|against|compared with|compared to)\s(?:net\s)?losses)(?<!${LOSSES_BEHIND}\s(?:net\s)?losses)
      \bloss\b(?<!(?:weight[- ]|hair |hearing |vision |bone |memory |blood )loss)(?<!(?:vs|versus|against|compared with|compared to)\s(?:a\s)?loss)(?<!profit\sfrom\s(?:a\s)?(?:net\s)?loss)(?<!${LOSSES_BEHIND}\s(?:net\s)?loss)
      loss-making | in (?:the\s+)?red\b
      ${oneOf`
        profits? | earnings | revenues? | sales | income | margins? | turnover | ebitda | volumes? | orders | bookings | traffic | deliveries
        subscribers | users | growth | demand | output | production | exports | eps | results | numbers | dividend | payout | cash flow
        market share`}\s+${gap(2)}${oneOf`
        falls? | fell | falling | drops? | dropped | dropping | slumps? | slumped | slumping | plunges? | plunged | plummets? | plummeted
        declines? | declined | declining | slides? | slid | sliding | slips? | slipped | tumbles? | tumbled | sinks? | sank | sunk | dips?
        dipped | down | lower | shrinks? | shrank | shrunk | contracts? | contracted | halves | halved | misses | missed | disappoints?
        disappointed | stalls? | stalled | weakens? | weakened | hit(?!\s+(?:an?\s+|the\s+|its\s+)?(?:new\s+|fresh\s+)?(?:all-time|record|lifetime|highest|peak|milestone|\d|rs\b|\$|₹))
        hurt | squeezed | erodes? | eroded | wiped out | evaporates?`}\b
      miss(?:es|ed)?\s+${gap(3)}(?:estimates|forecasts?|expectations|targets?|consensus|views?)
      write-?downs? | write-?offs? | writedowns? | impairments? | one-?(?:off|time) charges?
      (?:takes?|took|books?|booked|posts?|posted|records?|recorded)\s+${gap(3)}charges?\b
      shortfall | deficit`,
    examples: ['Acme swings to net loss', 'Acme Q3 profit falls 20%'],
  },
  {
    event: 'warning',
    frame: 'agent',
    source: oneOf`
      profit warnings? | \bwarn(?:s|ed|ing|ings)?\b | cautions?\b | cautioned | cautious
      (?:cuts?|cutting|lowers?|lowered|lowering|slashes|slashed|trims?|trimmed|reduces?|reduced|withdraws?|withdrew|pulls?|pulled|scraps?|scrapped|suspends?|suspended)\s+${gap(3)}(?:guidance|outlook|forecasts?|targets?|estimates|dividends?|payouts?|divi|divvy|projections?|expectations)\b
      (?:guidance|outlook|forecasts?)\s+${gap(2)}(?:cut|lowered|slashed|trimmed|reduced|withdrawn|pulled)\b
      gloomy | bleak | downbeat | \bgrim\b | uncertain\w* | headwinds? | \btough\b | challeng\w* | difficult\w*`,
    examples: ['Acme issues profit warning', 'Acme cuts full-year guidance'],
  },
  {
    event: 'downgrade',
    frame: 'agent',
    source: oneOf`
      downgrad\w* | (?:ratings?|outlook)\s+${gap(2)}(?:cut|lowered|slashed|withdrawn|negative|junk)\b | junk status | negative outlook
      (?:cut|lowered|initiates?|starts?|rates?|rated|maintains?|reiterates?|puts?)\s+${gap(3)}(?:to|at|with|on)\s+(?:a\s+)?['"]?(?:sell|underperform|underweight|reduce)\b
      ['"](?:sell|underperform|underweight|reduce)['"] | \bsell (?:rating|call|recommendation) | underperform\w* | underweight | bearish
      credit ?watch | review for (?:possible\s+)?downgrade`,
    examples: ["Moody's downgrades Acme to junk"],
  },
  {
    event: 'recall',
    frame: 'agent',
    source: oneOf`
      recall(?:s|ed|ing)?\b | (?:pulls?|pulled|withdraws?|withdrew)\s+${gap(3)}from (?:shelves|stores|the market|sale)
      defect\w* | faulty | contaminat\w* | safety (?:concerns?|issues?|problems?|probe|warning|alert|scare|fears) | health scare
      side[- ]effects? | \badverse\b | \bflaws?\b | flawed | glitch\w* | \bbugs?\b | malfunction\w*`,
    examples: ['Acme recalls 50,000 cars over brake fault'],
  },
  {
    event: 'breach',
    frame: 'agent',
    source: oneOf`
      breach(?:es|ed)?\b | \bhack(?:s|ed|ers?|ing)?\b | cyber-?\s?attack\w* | ransomware | malware | phishing | \bleak(?:s|ed)?\b
      data (?:leak|theft|exposure) | security (?:lapse|flaw|breach|incident|hole) | stolen | theft | exposed\s+${gap(2)}data`,
    examples: ['Hackers steal customer data in Acme breach'],
  },
  {
    event: 'outage',
    frame: 'agent',
    source: oneOf`
      outages? | downtime | disruptions? | disrupted | disrupts\b | (?:goes|went|is|was)\s+down\b | service (?:problems|issues|failure)
      blackouts? | \bcrash(?:es|ed)?\b | grounded | grounding | \bdelays?\b | delayed | cancell?ations?
      suspends?\s+${gap(2)}(?:flights|services|trading|shipments|deliveries)`,
    examples: ['Acme cloud outage hits thousands of sites'],
  },
  {
    event: 'bankruptcy',
    frame: 'agent',
    source: oneOf`
      \bbankrupt\w* | chapter (?:11|7|15)\b | insolven\w* | (?:goes|went|going|enters?|entered|entering|placed|plunges?|falls?|fell|into|in)\s+administration\b
      administrators?\b | receivership | liquidat\w* | wind(?:ing)?[- ]up\b | \bdefault(?:s|ed|ing|ers?)?\b
      debt (?:crisis|woes|default|restructuring|burden|pile|mountain|trap|concerns|fears|worries) | creditors?\b | bail-?outs? | rescue\w*
      collapse\w* | going concern | cash crunch | cash crisis | runs? out of (?:cash|money) | distress\w* | fire sale`,
    examples: ['Acme files for Chapter 11 bankruptcy'],
  },
  {
    event: 'lost-contract',
    frame: 'agent',
    source: oneOf`
      (?:loses?|lost|losing|forfeits?|forfeited|misses? out on|missed out on|to lose)\s+${gap(4)}(?:contracts?|orders?|deals?|tenders?|clients?|customers?|accounts?|mandates?|business|bids?|franchise|licen[cs]es?|sponsors?|partners?)\b
      (?:contracts?|orders?|deals?|tenders?|mandates?|licen[cs]es?)\s+${gap(3)}(?:terminated|cancell?ed|scrapped|axed|pulled|revoked|lost|ended|torn up|rescinded|voided|suspended|withdrawn)\b
      (?:terminates?|terminated|cancels?|cancell?ed|scraps?|scrapped|rescinds?|rescinded|revokes?|revoked|tears? up|tore up|pulls?|pulled|ends?|ended|axes|axed|ditches|ditched|dumps?|dumped)\s+${gap(4)}(?:contracts?|orders?|deals?|tenders?|mandates?|licen[cs]es?|agreements?|partnerships?|alliances?|sponsorships?|suppliers?|vendors?|accounts?|relationships?)\b
      \b(?:dumps|dumped|ditches|ditched|replaces|replaced)\b`,
    examples: ['Acme loses $2 billion Pentagon contract', 'Beta terminates contract with Acme'],
  },
  {
    event: 'executive-exit',
    frame: 'agent',
    source: oneOf`
      (?:ceo|cfo|coo|cto|cio|chief(?:\s+\w+)?(?:\s+officer)?|chairman|chairwoman|chairperson|\bchair\b|president|founder|co-founder|boss|\bhead\b|directors?|executives?|\bexecs?\b|\bmd\b|managing director|top brass)\s+${gap(4)}(?:resigns?|resigned|resigning|steps? down|stepped down|stepping down|to step down|quits?|quitting|departs?|departed|departing|exits?|exited|exiting|ousted|sacked|fired|dismissed|removed|leaves|leaving|to leave|retires?|retired|retiring|steps aside|stands? down|stood down|walks? out|to go|axed|heads? for (?:the\s+)?exit|is out)\b
      (?:ousts?|ouster of|sacks|fires(?!\s+up)|dismisses|removes|axes|replaces|to replace|resignation of|departure of|exit of)\s+${gap(3)}(?:ceo|cfo|coo|cto|chief|chairman|chairwoman|chair|president|founder|boss|head|directors?|executives?|md)\b
      resignations? | departures? | boardroom (?:turmoil|row|battle|coup) | interim (?:ceo|chief|boss|chairman|head)
      acting (?:ceo|chief|boss|chairman|head) | succession | successor | management (?:churn|exodus|rejig) | exodus`,
    examples: ['Acme CEO steps down', 'Acme ousts chairman after boardroom row'],
  },
  {
    event: 'acquired',
    frame: 'agent',
    source: oneOf`hostile (?:bid|takeover|offer) | takeover target | up for sale | puts? (?:itself\s+)?up for sale | explores? (?:a\s+)?sale | sale process | strategic alternatives`,
    examples: ['Acme puts itself up for sale', 'Acme becomes takeover target'],
  },
  {
    event: 'incident',
    frame: 'agent',
    source: oneOf`
      (?:on|go on|goes on|went on|staff|workers|union|pilots|drivers|nationwide|general|labou?r|wage|hunger)\s+strikes?\b
      strike (?:action|ballot|threat|notice) | walkouts? | protests? | boycotts? | backlash | outcry | controvers\w*
      \bdeaths?\b | \bdead\b | \bdies\b | \bdied\b | \bkill(?:s|ed|ing)?\b | injur\w* | fatal\w* | accident\w* | explosions?
      \bblast\b(?!\s+furnaces?) | \bfire\b(?!\s+up)(?![\s-]+(?:resistant|retardant|proof|safety|fighting|fighters?|trucks?|engines?|extinguishers?|alarms?|protection|detection|tv|stick|tablet)\b) | \bblaze\b | spill\w* | outbreak | evacuat\w* | disaster | tragedy | catastroph\w*
      \bfloods?\b | flooding | flooded | earthquake | cyclone | hurricane`,
    examples: ['Acme pilots go on strike', 'Fire at Acme refinery kills two'],
  },
];

// ---------------------------------------------------------------------------------------------
// Bad direction, reversal, trouble: never in a congratulations headline; also scores polarity.

const NEGATIVE_DIRECTION: CueDefinition[] = [
  {
    event: 'down',
    frame: 'agent',
    // Prices and figures falling.
    source: oneOf`
      \bfalls?\b | \bfell\b | falling | \bdrops?\b | dropped | dropping | slumps? | slumped | slumping | plunges? | plunged | plunging
      plummet\w* | tumbles? | tumbled | tumbling | \bslides?\b | \bslid\b | sliding | \bsinks?\b | \bsank\b | sinking | \bslips?\b
      slipped | slipping | \bdips?\b | dipped | dipping | declin\w* | \btanks?\b | tanked | crater\w* | nosediv\w* | \bskids?\b | skidded
      \bsheds?\b | \bloses?\b | \blost\b | losing | \blower\b | lowest | lowers | lowered | \bweak\w* | \bdown\b | downside | sell-?off
      selloff | \brout(?:ed)?\b | meltdown | bleed\w* | retreat\w* | \beases?\b | \beased\b | easing | \bpares?\b | \bpared\b | erase[sd]?
      wipes? out | wiped`,
    examples: ['Acme shares fall 5%', 'Acme slips after results'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Lagging, hurt, under pressure.
    source: oneOf`
      \blags?\b | lagged | lagging | laggards? | \btrails?\b | trailed | trailing | losers? | hit by | hit hard
      hits? (?:a\s+)?${gap(2)}(?:lows?|snag|wall|roadblock|bottom|turbulence|trough) | \bhurt\w* | dragged | \bdrags?\b
      \bweigh(?:s|ed)? on\b | pressure[sd]? | squeez\w*`,
    examples: ['Acme hit by weak demand', 'Acme project hits a snag'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Trouble, worry and blame.
    source: oneOf`
      \bworst\b | \bworse\w* | struggl\w* | troubl\w* | \bwoes?\b | concerns? | worr\w* | \bfears?\b | feared | jitters | panic\w*
      \brisks?\b(?<!(?:pension|longevity|mortality)\srisks?)(?!\s+(?:transfers?|management|solutions)\b) | risky | threat\w* | doubts? | doubtful | skeptic\w* | sceptic\w* | critics?\b | criticis\w* | criticiz\w* | \bslam\w*
      \bblast\w*(?!\s+furnaces?) | blames? | blamed | problems? | \bcrisis | crises | turmoil | setbacks? | \bblow\b | \bsnags?\b
      hurdles? | obstacles? | (?:cost|budget|time) overruns?`,
    examples: ['Acme struggles with supply problems', 'Critics slam Acme app update', 'Acme field starts up after cost overruns'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Slow and disappointing.
    source: oneOf`
      slowdown | \bslow\w* | sluggish | stagnat\w* | \bflat\b | muted | subdued | \bmixed\b | underwhelm\w* | disappoint\w* | \bpoor\w*
      dismal | \bbad\b | negative\w*`,
    examples: ['Acme reports muted quarter', 'Acme sales disappoint'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Cutting back.
    source: oneOf`\bcuts?\b | cutting(?![- ]edge) | slash\w* | \btrims?\b | trimmed | \breduc\w*`,
    examples: ['Acme cuts prices on its phones'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Stopped, shelved, called off.
    source: oneOf`
      \bhalts?\b | halted | halting | suspen\w* | freez\w*(?<!deep[- ]freez\w*) | \bfroze\b | frozen(?!\s+(?:foods?|desserts?|snacks?|meals?|goods|products?|vegetables|yogh?urts?|categor\w*|segment|business|range|portfolio|units?|arms?|divisions?)\b) | \bstops?\b | stopped | stopping | paus\w* | abandon\w*
      \bscraps?\b | scrapped | shelves | shelved | postpon\w* | cancel\w* | withdr[ae]w\w* | pulls? out | backs? out | calls? off | called off`,
    examples: ['Acme halts production at Pune plant', 'Acme shelves plan for new store'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Denied, refused, failed.
    source: oneOf`
      \bdeni(?:es|ed|al)\b | \bdeny\w* | \brejects?\b | rejected | rejection | refus\w* | \bfails?\b | failed | failing | failure | unable
      \bmiss(?:es|ed)?\b`,
    examples: ['Acme fails to win approval', 'Regulator rejects Acme application'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Strain: debt, conflict, a weak position.
    source: oneOf`
      shortages? | debts?\b | indebted | volatil\w* | unrest | \btensions?\b | \bwar\b | conflict | tariffs? | embattled | beleaguered
      ailing | cheaper | \bbelow\b | \blows?\b(?![- ](?:cost|carbon|fare|price|emission|code|latency|power)) | lower circuit | \bexit\w*`,
    examples: ['Embattled Acme opens new store', 'Acme stock at 52-week low'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Negation.
    source: oneOf`\bnot\b | \bno\b(?!\.?\s*\d) | \w*n't\b | \bnever\b | without`,
    examples: ['Acme will not open new plant', 'Acme never won the contract', "Acme didn't win the Navy contract"],
  },
  {
    event: 'down',
    frame: 'agent',
    // Ended, blocked, reversed.
    source: oneOf`
      \bends\b(?!\s+(?:\S+\s+)?(?:higher|up|in the green|in green|positive|firm|strong))
      \bended\b(?!\s+(?:\S+\s+)?(?:higher|up|in the green|in green|positive|firm|strong))
      \bto end\b | terminat\w*
      \bblocks\b(?<!(?:coal|oil|gas|mining|exploration|spectrum|hydrocarbon|offshore|onshore) blocks)(?!\s+deal)
      \bblocked\b | derail\w* | unravel\w* | \bstall\w* | in jeopardy | in doubt | on hold | walks? away | u-turn | revers\w* | overturn\w*
      stripped of | revok\w* | defer\w* | put off | puts off | putting off | pushed back | pushes back | abort\w* | in limbo | unsuccessful\w*
      falls? through | fell through | falling through | falls? apart | fell apart | thwart\w* | \bveto\w* | \bnix(?:es|ed)?\b | scupper\w* | torpedo\w*
      \bpull(?:s|ed|ing)?\s+(?:its\s+|the\s+)?(?:\S+\s+)?(?:ipo|listing|offering|flotation|float|deal|bid|offer|plug)\b`,
    examples: ['Acme partnership with Beta ends', 'Acme deal on hold', "Acme's IPO deferred", 'Acme deal scuppered by regulators', 'Acme pulls IPO'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Qualified or partial.
    source: oneOf`\bonly\b | partial\w* | \bnarrow(?:s|ed|ing|ly|er|est)?\b | restrict\w* | vulnerab\w* | discount\w* | under-?subscri\w*`,
    examples: ['Acme IPO undersubscribed', 'Acme wins only partial approval'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Demolition and disrepute.
    source: oneOf`
      demolish\w* | demolition | \braz(?:e|es|ed|ing)\b | bulldoz\w* | \bhated\b | \bleast\b(?<!\bat least) | unpopular | disliked
      despised | notorious | infamous | dirtiest | polluters? | (?<!anti-)polluting | \bshame\w* | razzies?`,
    examples: ['Acme named most hated brand', 'Acme to demolish historic building'],
  },
  {
    event: 'down',
    frame: 'agent',
    // Emergency measures, delisting, upheaval, a weak reception.
    source: oneOf`
      emergency | lifeline | stop-?gap | delist\w* | de-list\w* | complain\w* | shake-?ups? | overhaul\w* | \brejig\w*
      \bclose\b(?!\s+(?:to|in|at|higher|lower|up|down|flat)\b) | tepid | lukewarm
      lacklust\w* | inauspicious | exposure | \blooms?\b | \bsour(?:s|ed|ing)?\b | plagu\w* | \bfac(?:es|ed|ing)\b`,
    examples: ['Acme gets lifeline from lenders', 'Acme faces tough year'],
  },
  {
    event: 'down',
    frame: 'agent',
    // People leaving.
    source: oneOf`resign\w* | \bquits?\b | steps? down | ousted | sacked | \bfired\b(?<!test-fired) | retir\w* | \bleaves\b | departs? | departure`,
    examples: ['Acme finance chief resigns'],
  },
];

/** Words that mark a mixed headline: good news said together with bad. */
const MIXED: CueDefinition[] = [
  {
    event: 'mixed',
    frame: 'agent',
    source: oneOf`\bamid(?:st)?\b | \bdespite\b | \bbut\b | \bhowever\b | \balthough\b | \bthough\b | \byet\b | \beven as\b | \bin spite of\b | \bnevertheless\b | \bstill\b`,
    examples: ['Acme opens new store despite weak sales', 'Acme wins order amid probe'],
  },
];

/** Events that are neither good nor bad news to congratulate on; they name what happened. */
const NEUTRAL_EVENTS: CueDefinition[] = [
  {
    event: 'merger',
    frame: 'agent',
    source: oneOf`\bmerg(?:er|ers|es|ed|ing|e)\b | amalgamat\w* | combination with | to combine with | combines with`,
    examples: ['Acme and Beta agree to merge'],
  },
  {
    event: 'stake',
    frame: 'agent',
    source: oneOf`
      ${oneOf`
        buys? | bought | acquires? | acquired | picks? up | picked up | takes? | took | raises? | raised | ups? | upped | hikes? | hiked
        increases? | increased | builds? | built | boosts? | boosted | sells? | sold | offloads? | offloaded | trims? | trimmed | cuts?
        pares? | pared`}\s+${gap(3)}(?:stakes?|holding|holdings)\b
      \bstake (?:in|sale|buy)\b`,
    examples: ['Acme buys 26% stake in Beta', 'Acme raises holding in Beta'],
  },
  {
    event: 'appointment',
    frame: 'agent',
    source: oneOf`
      ${oneOf`
        appoints? | appointed | names? | named | hires? | hired | picks? | picked | taps? | tapped | promotes? | promoted | elevates?
        elevated | welcomes? | adds? | poach(?:es|ed)? | recruits? | recruited | elects? | elected | ropes in`}\s+${gap(4)}(?:as\s+)?(?:new\s+)?(?:ceo|cfo|coo|cto|cio|chief|chairman|chairwoman|chair|president|head|director|board|md|managing director|executive|boss)\b
      (?:new|incoming) (?:ceo|cfo|chief|chairman|boss|president|head|md)\b`,
    examples: ['Acme appoints Jane Doe as CEO'],
  },
  {
    event: 'dividend',
    frame: 'agent',
    source: oneOf`\bdividends?\b | \bdivi\b | \bpayouts?\b | buy-?backs? | bonus issue | stock split | share repurchase`,
    examples: ['Acme declares interim dividend'],
  },
];

// ---------------------------------------------------------------------------------------------
// Hedges, rumours, opinion: the event has not happened (or not for sure). Never congratulated.

const MODALITY: CueDefinition[] = [
  {
    event: 'hedge',
    frame: 'agent',
    // Modal verbs and likelihood ("may" the month is not a hedge).
    scope: 'clause',
    source: oneOf`
      \bmay\b(?<!\b(?:in|on|since|until|by|from|early|mid|late|last|this|next|of|end|for|till|through)\smay)(?!\s+\d)
      \bmight\b | \bcould\b | \bwould\b | \bshould\b | \bcan\b | cannot | possibl\w* | potential\w* | probabl\w* | \blikely\b | unlikely
      perhaps | maybe`,
    examples: ['Acme may open new plant', 'Acme likely to win order'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Reports, sources and rumour.
    source: oneOf`
      reportedly | reports?\s+(?:say|says|said|that|suggest) | according to | \bon reports?\b | \breports?\s*: | -\s*reports?\s*$
      media reports? | \breports? of\b | \bsources?\b | people familiar | insiders? | \bsaid to\b | \bsays? to\b | rumou?r\w*
      speculat\w* | \bbuzz\b | chatter | whispers? | gossip`,
    examples: ['Acme wins contract - sources', 'Acme reportedly acquires Beta'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Talks and deliberation.
    source: oneOf`
      \btalks?\b | negotiat\w* | discussions? | discuss\w* | consider\w* | \bmulls?\b | mulled | mulling | \bweighs?\b | weighed | weighing
      \beyes\b | \beyed\b | eyeing | explor\w*(?<!exploration)
      exploration(?!\s+(?:blocks?|licen[cs]es?|rights|acreage|permits?|leases?|wells?|campaign|success)\b) | \bstud(?:y|ies|ying)\b | evaluat\w* | assess\w*`,
    examples: ['Acme in talks to buy Beta', 'Acme mulls listing'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Plans, aims and expectations.
    scope: 'clause',
    source: oneOf`
      \bplans?\b(?<!${PRODUCT_PLAN}\splans?) | planned | planning(?!\s+(?:permission|consent|approval|clearance|nod)) | \bintends?\b | intention | \bintent\b | \baims?\b | aimed | aiming | \btargets?\b | targeting
      \bseeks?\b | sought | seeking | looks? to | looking to | \bhopes?\b | hoped | hoping | hopeful | expects? | expected | expecting
      expectations? | anticipat\w* | forecasts? | predict\w* | poised | \bset to\b | on track | on course | gearing up | gears up
      prepar\w* | ready to | readies`,
    examples: ['Acme plans to open 40 stores', 'Acme set to launch IPO'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Nearly there, not yet there.
    source: oneOf`
      \bnears?\b | nearing | close to | clos(?:es|ing) in on | edges? closer | on (?:the\s+)?verge | in the running | front-?runner
      favou?rite to | \btipped\b | shortlist\w* | finalists?`,
    examples: ['Acme nears deal to buy Beta', 'Acme shortlisted for award'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Bids, offers and approaches.
    source: oneOf`
      \bbids?\b(?<!\b(?:wins?|won|winning)\s(?:\S+\s){0,3}bids?)(?!\s+for\s+(?:over\s+|more than\s+|nearly\s+)?\S+\s+times) | bidding | bidders? | \boffered\b | open offer | proposal
      \boffers?\b(?<!on offers?)(?=\s+(?:for|to\s+(?:buy|acquire|take|purchase|pay|sell)|of\s+(?:rs|\$|€|£|\d)|rs\b|\$|€|£|\d|price|period)|\s*$|\s*[,;:])
      (?:takeover|cash|open|buyout|rival|sweetened|improved|higher|revised|all-share|all-cash|share|formal|firm|final|counter|tender|best|new|unsolicited|hostile)\s+offers?\b
      propos\w* | pitch\w* | approach\w* | \bwoo\w* | pursu\w*(?<!after (?:a\s+)?(?:\S+\s+)?pursuit) | interest in\b | interested`,
    examples: ['Acme makes $5 billion bid for Beta', 'Acme proposes joint venture with Beta', "Acme makes offer for Beta's cement unit", 'Beta rejects takeover offer'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Conditions not yet met.
    source: oneOf`
      tentative\w* | preliminary | in-principle | in principle | conditional\w* | pending | subject to | \bawait\w* | \bif\b | whether
      unless | \?`,
    examples: ['Acme gets in-principle approval', 'Will Acme win the order?'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Signals, wishes, promises.
    scope: 'clause',
    source: oneOf`
      \bhints?\b | hinted | \bsignals?\b(?<!green signals?) | mooted | touted | \bwants?\b | wanted | push(?:es|ing)? for | lobb\w* | calls? for | \burges?\b
      \bdemands?\s+(?:that|to|for|a|an|the|more|higher|better|payment|compensation)\b | \bdemanded\b | \basks?\b | \bvows?\b | pledg\w* | promis\w* | commits? to`,
    examples: ['Acme vows to hire 1,000', 'Acme hints at new plant'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // Views, opinion and explainers.
    source: oneOf`
      outlook | guidance | \bview\b | opinion(?<!positive opinion) | \bsays\b | \bsaid\b | \btells\b | \btold\b | \bthinks?\b | believes? | \bfeels?\b
      \bsees\b | \bargues\b | \bclaims?\b | analysts?\b | experts?\b | brokerages? | top picks? | stocks? to (?:buy|watch)
      recommend(?:s|ed|ing|ation|ations)?\b(?!\s+(?:the\s+)?(?:approval|authori[sz]ation|marketing authori[sz]ation)\b)
      target price | price target | should you | is it | \bwhy\b | \bhow\b | \bwhat\b | here's | explained | lessons?
      endorse(?:s|d|ment|ments)?\b(?!\s+(?:the\s+)?(?:approval|authori[sz]ation)\b)
      \bpanel\b | committee | advis[eo]r\w* | \bvotes?\b
      \bis an?\s+(?:good\s+|strong\s+|safe\s+)?(?:buy|sell|hold)\b | buy on dips | \bbuy call\b | \bbuy\s+\S+\s+(?:on dips|at|around|with a target)`,
    examples: ['Why Acme won the Vanguard deal', 'Acme says it will open new plant', 'Acme is a buy after order win'],
  },
  {
    event: 'hedge',
    frame: 'agent',
    // A move on what may come, not on what happened ("rallies on optimism over order pipeline").
    source: oneOf`optimis\w* | \bprospects?\b | (?:order|deal|project|contract)\s+(?:pipeline|prospects|visibility|hopes)`,
    examples: ['Acme shares rally on optimism over order pipeline', 'Acme surges on prospects of big defence contracts'],
  },
];

// ---------------------------------------------------------------------------------------------
// Polarity-only cues: direction words, stock moves, results, analyst views.

const POSITIVE_DIRECTION: CueDefinition[] = [
  {
    event: 'up',
    frame: 'agent',
    // Rising.
    source: oneOf`
      \bris(?:es|e|en|ing)\b | \brose\b | \bgain(?:s|ed|ing)?\b | \bjump\w* | surg(?:es|e|ed|ing)\b | \bsoar\w* | \brall(?:y|ies|ied|ying)\b
      \bclimb\w* | \bzoom\w* | \bspurt\w* | advanc(?:es|e|ed|ing)\b | \bfirm(?:s|ed|ing)\b | \bup\b | \bups\b | higher | \bhighs?\b
      \brecord\b | \bboost\w* | \blift(?:s|ed|ing)?\b | buoy\w*`,
    examples: ['Acme shares rise 3%'],
  },
  {
    event: 'up',
    frame: 'agent',
    // Strength and favourable views.
    source: oneOf`
      \bstrong\w* | robust | \bsolid\b | \bbeats?\b | \btop(?:s|ped)\b | outperform\w* | upgrad\w* | bullish | \bbuy\b | overweight
      accumulate | upside | top picks? | good bet | best bet | bets? on`,
    examples: ['Acme posts strong quarter', 'Broker upgrades Acme to buy'],
  },
  {
    event: 'up',
    frame: 'agent',
    // Growth and recovery.
    source: oneOf`
      \bgrowth\b | \bgrows?\b | \bgrew\b | growing | improv\w* | recover\w* | rebound\w* | bounc\w* | turnaround | upbeat | optimis\w*
      \bpositive\b | bright\w* | \bboom\w* | windfall | success\w* | strength\w* | momentum | cheer\w* | relief | happy | confiden\w*
      exceed\w* | surpass\w* | outshin\w* | \bshin(?:es|e|ing)\b | sparkl\w* | doubl(?:es|ed|e)\b | tripl(?:es|ed|e)\b | \bexpan\w*`,
    examples: ['Acme sales rebound', 'Acme profit doubles'],
  },
  {
    event: 'up',
    frame: 'agent',
    // Winning and increasing.
    source: oneOf`\bwins?\b | \bwon\b | winning | winners? | gainers? | \bhik(?:es|ed|e)\b | \braises?\b | \braised\b | increas\w*`,
    examples: ['Acme wins big', 'Acme raises dividend'],
  },
  {
    event: 'up',
    frame: 'agent',
    // Praise and peaks.
    source: oneOf`
      attractive | \bgood\b | \bgreat\b | \bbetter\b | \bbest\b | \bpeak\b | blockbuster | bumper | stellar | healthy | resilien\w*
      favou?r\w* | darling\w* | tailwinds? | upturn | uptick | upswing | outpac\w* | \bleads?\b | soaring | sizzl\w* | \bflies\b
      skyrocket\w* | \brocket\w* | \bspike[sd]?\b | \bpops?\b | popped | breaks? out | breakout`,
    examples: ['Acme has a blockbuster year'],
  },
  {
    event: 'up',
    frame: 'agent',
    // Price levels and profit.
    source: oneOf`
      all-time high | 52-week high | upper circuit | in (?:the\s+)?green\b | \bsurplus\b | profitab\w* | \bswings? to (?:a\s+)?profit
      returns? to profit | \bnet (?:profit )?up\b`,
    examples: ['Acme hits 52-week high', 'Acme swings to profit'],
  },
  {
    event: 'up',
    frame: 'agent',
    // Event words that lean positive.
    source: oneOf`
      \bapprov\w* | \bnods?\b | \bbags?\b | bagged | clinch\w* | \bsecur(?:es|ed)\b | \blaunch\w* | \bunveil\w* | \bpartner\w*
      \bacquir\w* | \bbuys\b | \bbought\b | \bdividends?\b | bonus | buyback | \bsplit\b | oversubscribed | subscribed`,
    examples: ['Acme unveils new phone', 'Acme IPO oversubscribed'],
  },
];

const STOCK_MOVE: CueDefinition[] = [
  {
    event: 'stock-move',
    frame: 'agent',
    source: oneOf`
      \b(?:shares?|stocks?|scrip|share price|stock price|market cap\w*|m-?cap|valuation)\b | \d+(?:\.\d+)?\s*(?:%|per ?cent|pc|pts|points)
      (?:52|\d+)-week (?:high|low) | all-time (?:high|low) | record (?:high|low) | (?:upper|lower) circuit | top (?:gainers?|losers?)
      \bgainers?\b | \blosers?\b | \bsensex\b | \bnifty\b | \bftse\b | \bdow\b | \bnasdaq\b | s&p | \bd-street\b | dalal street
      \bbourses?\b | \bmarkets? (?:higher|lower)\b | \bintraday\b | \btrade[sd]?\b | \btrading\b`,
    examples: ['Acme shares hit record high', 'Acme up 4% intraday'],
  },
];

const RESULTS: CueDefinition[] = [
  {
    event: 'results',
    frame: 'agent',
    source: oneOf`
      \b(?:q[1-4]|h[12]|fy\s?\d{2,4}|\d(?:st|nd|rd|th)[- ]quarter|first[- ]quarter|second[- ]quarter|third[- ]quarter|fourth[- ]quarter|quarterly|half[- ]year\w*|first[- ]half|full[- ]year|annual|interim)\b
      \b(?:net profit|profits?|revenues?|sales|earnings|turnover|ebitda|\bpat\b|net income|results|numbers|margins?)\b`,
    examples: ['Acme Q3 net profit rises 8%', 'Acme quarterly revenue in line'],
  },
];

const ANALYST: CueDefinition[] = [
  {
    event: 'analyst-rating',
    frame: 'agent',
    source: re`\b${oneOf`
      upgrad\w* | downgrad\w* | outperform | underperform | overweight | underweight | accumulate | ['"](?:buy|sell|hold|neutral|add|reduce)['"]
      buy (?:rating|call) | target price | price target | top picks? | good bet | best bets? | brokerages? | analysts? | broker\w*`}\b`,
    examples: ['Analysts upgrade Acme', "Brokerage retains 'buy' on Acme"],
  },
];

/** The largest regex source one part of a family may have (V8 optimises up to 20 KB). */
export const MAX_PART_SOURCE = 18 * 1024;

/**
 * Each cue must add exactly one capturing group (its wrapper) to the family regex, or the hits
 * are credited to the wrong cue. A test checks every cue (test/unit/cue-groups.test.ts): checking
 * here compiled every cue's regex at module load, a third of a Lambda cold start.
 */
function compile(definitions: readonly CueDefinition[]): CueFamily {
  // Cues start at a word (or a quote, "?" or currency sign): testing only those positions
  // instead of every character keeps a scan to a few microseconds.
  const build = (group: readonly CueDefinition[]) => new RegExp(`(?:\\b|(?=['"?$£€¥₹]))(?:${group.map((d) => `(${d.source})`).join('|')})`, 'g');
  const parts: Array<{ regex: RegExp; first: number }> = [];
  let first = 0;
  let size = 0;
  definitions.forEach((d, i) => {
    if (i > first && size + d.source.length + 3 > MAX_PART_SOURCE) {
      parts.push({ regex: build(definitions.slice(first, i)), first });
      first = i;
      size = 0;
    }
    size += d.source.length + 3;
  });
  parts.push({ regex: build(definitions.slice(first)), first });
  return { parts, definitions };
}

/** The compiled families (built once at module load). */
export const CUES = {
  positiveEvents: compile(POSITIVE_EVENTS),
  negativeEvents: compile(NEGATIVE_EVENTS),
  negativeDirection: compile(NEGATIVE_DIRECTION),
  modality: compile(MODALITY),
  mixed: compile(MIXED),
  neutralEvents: compile(NEUTRAL_EVENTS),
  positiveDirection: compile(POSITIVE_DIRECTION),
  stockMove: compile(STOCK_MOVE),
  results: compile(RESULTS),
  analyst: compile(ANALYST),
} as const;

/** The next match of a part at or after `from`, or null. */
function nextMatch(regex: RegExp, lower: string, from: number): RegExpExecArray | null {
  for (let at = from; at <= lower.length; ) {
    regex.lastIndex = at;
    const m = regex.exec(lower);
    if (!m || m[0].length > 0) return m;
    at = m.index + 1;
  }
  return null;
}

/**
 * Every cue of a family in `lower`, left to right, non-overlapping; cues inside `skip` ranges are
 * dropped. Where two cues could start at the same place, the one listed first wins.
 */
export function scan(family: CueFamily, lower: string, skip?: ReadonlyArray<{ start: number; end: number }>): CueHit[] {
  const hits: CueHit[] = [];
  const { parts, definitions } = family;
  const pending: Array<RegExpExecArray | null | undefined> = new Array(parts.length).fill(undefined);
  let from = 0;
  for (;;) {
    let best = -1;
    for (let k = 0; k < parts.length; k += 1) {
      let m = pending[k];
      if (m === undefined || (m !== null && m.index < from)) pending[k] = m = nextMatch(parts[k]!.regex, lower, from);
      if (m && (best < 0 || m.index < pending[best]!.index)) best = k;
    }
    if (best < 0) break;
    const m = pending[best]!;
    pending[best] = undefined;
    let index = parts[best]!.first;
    for (let g = 1; g < m.length; g += 1) {
      if (m[g] !== undefined) {
        index += g - 1;
        break;
      }
    }
    // Leading/trailing spaces inside a match would misplace the cue; trim them.
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && lower.charCodeAt(start) === 32) start += 1;
    while (end > start && lower.charCodeAt(end - 1) === 32) end -= 1;
    let resume = -1;
    const definition = definitions[index]!;
    if (definition.unless) {
      definition.unless.lastIndex = m.index + m[0].length - (definition.unlessAt ?? 0);
      if (definition.unless.test(lower)) resume = m.index + 1;
    }
    // A cue inside the company's own name ("Partners Group", "Record plc") is not a cue. Such a
    // match must not swallow a real cue after the name ("Indian Hotels Company opens new hotel":
    // "hotels … opens" starts inside the name): resume the scan past the name.
    if (skip) for (const r of skip) if (start < r.end && end > r.start) resume = Math.max(resume, start >= r.start ? r.end : m.index + 1);
    if (resume < 0) {
      hits.push({ definition, start, end });
      from = m.index + m[0].length;
    } else from = Math.max(resume, m.index + 1);
  }
  return hits;
}
