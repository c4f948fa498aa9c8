/**
 * The words the note writer knows: which words end a phrase (verbs, joining words), which are the
 * share-price chatter around news, and which are common words rather than names (so that a Title
 * Case "Order From Emirates Airline" becomes "order from Emirates Airline" in a note). A word not
 * listed here keeps the capitals the headline gave it: better "the Rail contract" than "the
 * pentagon contract".
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Words that join phrases rather than name things. */
export const FUNCTION_WORDS = words(`
  a an the its it their his her our this that these those there here to of in on at for from with by as after amid amidst
  over into onto via through about and or but than per while despite before under across against between among vs versus
  is are was were be been being has have had will would can could may might shall should do does did not no nor so if
  all any each every other another more most some such what which who whom whose how when where why up down out off
  also again only just still yet even new latest very too much many within till until since during without upon toward towards
`);

/** Verbs and verb forms headlines use around news; a phrase taken from a headline stops at one. */
export const HEADLINE_VERBS = words(`
  win wins won winning bag bags bagged bagging land lands landed landing secure secures secured securing get gets got getting
  receive receives received receiving clinch clinches clinched grab grabs grabbed snag snags snagged ink inks inked inking
  sign signs signed signing earn earns earned scoop scoops scooped take takes took taking pick picks picked collect collects
  named names name ranked ranks rank honoured honored recognised recognized awarded bestowed conferred
  open opens opened opening set sets setting establish establishes established inaugurate inaugurates inaugurated build builds
  built building launch launches launched launching unveil unveils unveiled introduce introduces introduced roll rolls rolled
  release releases released debuts debuted lists listed float floats floated raise raises raised raising
  close closes closed buy buys bought buying acquire acquires acquired acquiring sell sells sold selling partner partners
  partnered team teams teamed tie ties tied join joins joined form forms formed forming enter enters entered entering extend
  extends extended expand expands expanded expanding approve approves approved clear clears cleared okay okays okayed grant
  grants granted give gives gave gets complete completes completed completing cross crosses crossed pass passes passed hit hits
  reach reaches reached tops topped surpass surpasses surpassed achieve achieves achieved strike strikes struck discover
  discovers discovered find finds found deliver delivers delivered ship ships shipped posts posted reports
  reported logs logged register registers registered records clock clocks clocked make makes made turn turns
  surges surged rallies rallied rises rose jumps jumped soar soars soared zoom zooms zoomed climb
  climbs climbed gains gained spurt spurts spurted advance advances spike spikes edge edges end ends
  trades touch touches stay stays holds holding jumps grows grew grow increases increased doubles doubled
  triples tripled trebles falls fell drops dropped slip slips slide slides plunge plunges tumble tumbles sink sinks
  says said say tells told announce announces announced unveil seeks seek looks eyes mulls
  considers weighs hires hire hiring recruit recruits add adds added create creates created invest invests invested foray
  forays commercialise commercialize commercialises commercializes sell provide provides supports drives
  boosts helps brings puts selects select selected chooses choose chose chosen taps tap tapped picks
  awards award-winning operationalises operationalizes begins starts started kicks wraps signs
  agree agrees agreed seal seals sealed forge forges forged renew renews renewed finalise finalises finalised finalize
  finalizes finalized emerges emerged celebrates celebrated marks marked commissions commissioned granted
`);

/** Share-price chatter that rides along with news ("; stock surges", "shares up 4%"). */
export const STOCK_WORDS = words(`
  stock stocks share shares stk scrip scrips sensex nifty intraday ytd 52-week high highs low lows price prices
  traders market-cap mcap bourses
`);

/** Words that start a place's name ("New York", "South Africa"): capitalised before a name. */
export const NAME_STARTS = words(`new north south east west united saint st san los las great hong upper lower central`);

/** Vague praise a person would not repeat in a note ("bags big order" → "the order"). */
export const HYPE_WORDS = words(`
  big bigger biggest huge mega major key marquee prestigious significant landmark massive giant large largest fresh
  another more one maiden stellar decent strong robust solid bumper blockbuster whopping hefty impressive
`);

/** The things news is about: after a name they stay common words ("Lisbon office", not "Lisbon Office"). */
export const EVENT_HEADS = words(`
  award awards prize prizes medal trophy contract contracts order orders deal deals project projects engagement mandate tender
  office offices plant plants facility facilities factory factories centre center campus hub store stores outlet outlets
  headquarters site lab laboratory warehouse branch base showroom unit mill refinery terminal studio market markets
  partnership alliance pact agreement venture funding round financing ipo listing debut launch approval nod licence license
  profit profits revenue sales turnover results acquisition takeover stake
`);

/** Common words, written in lower case when a Title Case or ALL-CAPS headline capitalises them. */
export const COMMON_WORDS = new Set<string>([
  ...FUNCTION_WORDS,
  ...HEADLINE_VERBS,
  ...STOCK_WORDS,
  ...HYPE_WORDS,
  ...words(`
    order orders contract contracts deal deals project projects engagement mandate tender work block blocks mine mines auction
    dollar dollars multi-million multi-billion multi-year
    award awards prize prizes medal medals honour honours honor honors accolade trophy title recognition ranking rankings list
    best top company companies place places work employer employers year years innovation design excellence leadership
    office offices plant plants facility facilities factory factories centre centres center centers campus hub hubs store
    stores outlet outlets unit units headquarters site sites lab labs laboratory warehouse branch branches base showroom
    showrooms market markets expansion presence operations operation capacity line lines data digital research development
    funding round financing investment investments capital equity venture seed series growth debt bonds bond notes
    product products app apps platform service services system systems device devices tool tools model models version
    phone smartphone car cars vehicle vehicles drug drugs treatment therapy pill tablets tablet vaccine trial trials
    lung cancer heart disease disorder diabetes injection rare patients medicine medicines
    investor investors firm firms studio studios podcast animation research game games app mobile battery truck trucks
    hydrogen tunnel payroll grid radio submarine support maintenance farm highway automation storage flour roof tiles
    hybrid pacemaker mapping payments efficiency sustainability summit brewer
    milestone milestones record customers users downloads subscribers aircraft delivery deliveries orders gas oil field
    partnership partnerships alliance pact memo memorandum understanding agreement agreements tie-up tie-ups joint venture
    collaboration licensing license licence supply distribution marketing strategic technology tech manufacturing
    acquisition acquisitions takeover merger stake business businesses firm agency rights division arm subsidiary portfolio
    listing debut flotation offering issue public papers draft prospectus subscription oversubscribed
    subscribed times premium
    approval approvals nod clearance go-ahead authorisation authorization green light permit designation certification
    net profit profits revenue revenues sales turnover income earnings ebitda margin margins results quarter quarterly
    annual half fiscal domestic export exports total consolidated standalone
    state city government ministry department army navy force air defence defense federal county council agency
    health care healthcare energy power solar wind rail railway road roads metro airport port ports bank banks insurance
    financial finance cloud software hardware services retail consumer food beverage beer craft pharma pharmaceutical
    medical hospital hospitals school schools university education transmission water waste steel cement coal mining
    chemical chemicals telecom network networks tower towers infrastructure construction housing real estate property
    management wealth asset assets advice advisory consulting outsourcing logistics shipping freight transport
    international global national regional local worldwide
    first second third fourth fifth one two three four five six seven eight nine ten hundred thousand million billion
    crore lakh dozen multi multi-year long-term short-term worth value valued
    team teams people jobs job roles staff employees engineers workers
    north south east west northern southern eastern western
    based soy-based beverage consumer corporate identity women literacy
    week month day today tomorrow yesterday
  `),
]);
