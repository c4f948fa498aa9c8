import { describe } from 'vitest';
import { checkRows as check, type Row } from '../support/classifier-rows.js';

/**
 * Good news a candidate would really write about, in the shapes the classifier used to miss
 * (deals with a value or a named counterparty, entering a market, a regulator's licence, an
 * agreed purchase, a unit boosted by a deal, first deliveries, remarkable results, IPO steps),
 * and near-misses in the same shapes that must stay unflagged: bids, talks, plans, settlements,
 * debt and share sales, routine results, moves on hopes, failed events, a regulator's or an
 * exchange's own rule-making, analysts' views. All invented; none is copied from ../shared/eval.
 *
 * Row: [headline, company name, expected event (only checked when given)]
 */
const DEALS: Row[] = [
  ['Norvik inks 10-year supply pact with Ford', 'Norvik', 'partnership'],
  ['Halden Steel signs $500 million deal to supply rails to Egypt', 'Halden Steel', 'contract-win'],
  ['Kestrel Air seals $2.4 billion deal for 30 narrowbody jets', 'Kestrel Air', 'contract-win'],
  ['Orion Pharma strikes licensing deal with Bayer for arthritis drug', 'Orion Pharma', 'partnership'],
  ['Bluefin Analytics, Siemens sign data-sharing agreement', 'Bluefin Analytics', 'partnership'],
  ['Bluefin Analytics, Siemens sign data-sharing agreement', 'Siemens', 'partnership'],
  ['Acme and Beta sign $300m joint development pact', 'Beta', 'partnership'],
  ['Marlow Insurance completes record £1.1 billion pension buyout deal', 'Marlow Insurance', 'contract-win'],
  ['Quarry Energy agrees 15-year offtake deal with Shell', 'Quarry Energy', 'partnership'],
  ['Globex Pharma to receive up to $450 million from Novartis for eczema drug rights', 'Globex Pharma'],
  ['Novartis to pay Globex Pharma up to $450 million for eczema drug', 'Globex Pharma'],
  ['Pinnacle Rail clinches Rs 2,100 crore deal for Mumbai metro coaches', 'Pinnacle Rail', 'contract-win'],
];

const MARKET_ENTRY: Row[] = [
  ['Zephyr Foods enters Brazil', 'Zephyr Foods', 'expansion'],
  ['Zephyr Foods enters the Indonesian market', 'Zephyr Foods', 'expansion'],
  ['Lumen Motors returns to Indian market after five years', 'Lumen Motors', 'expansion'],
  ['Lumen Motors re-enters US market with compact SUV', 'Lumen Motors', 'expansion'],
  ['Carraway Retail sets up subsidiary in Vietnam', 'Carraway Retail', 'expansion'],
  ['Carraway Retail forms unit in Colombia to sell scooters', 'Carraway Retail', 'expansion'],
  ['Hollis Cement enters Japan through joint venture with Mitsui', 'Hollis Cement', 'expansion'],
  ['Hollis Cement forays in ready-mix concrete business', 'Hollis Cement', 'expansion'],
  ['Pemberton Bank launches operations in Kenya', 'Pemberton Bank', 'expansion'],
  ['Pemberton Bank sets foot in Australia with Sydney branch', 'Pemberton Bank', 'expansion'],
  ['Pemberton Bank forms joint venture to enter Saudi Arabia', 'Pemberton Bank', 'expansion'],
];

const APPROVALS: Row[] = [
  ["Health regulator clears Ardent Bio's inhaler", 'Ardent Bio', 'regulatory-approval'],
  ['RBI grants banking licence to Sable Finance', 'Sable Finance', 'regulatory-approval'],
  ['DGCA grants flying permit to Kestrel Air', 'Kestrel Air', 'regulatory-approval'],
  ["European regulator backs approval of Ardent Bio's lung cancer drug", 'Ardent Bio', 'regulatory-approval'],
  ['EU medicines agency recommends approval for Ardent Bio psoriasis pill', 'Ardent Bio', 'regulatory-approval'],
  ["FDA grants breakthrough therapy designation to Ardent Bio's gene therapy", 'Ardent Bio', 'regulatory-approval'],
  ['Telecom regulator awards 5G spectrum licence to Vantage Telecom', 'Vantage Telecom', 'regulatory-approval'],
  ['Sebi clears IPOs of Copperleaf Foods, Arjun Textiles and Medway Labs', 'Arjun Textiles', 'regulatory-approval'],
  ['Ardent Bio rallies as Goa plant gets USFDA approval', 'Ardent Bio', 'regulatory-approval'],
];

const PURCHASES: Row[] = [
  ['Acme strikes deal to buy Beta', 'Acme', 'acquisition'],
  ['Acme agrees $2 billion takeover of Beta', 'Acme', 'acquisition'],
  ["Competition regulator clears Acme's acquisition of Beta", 'Acme', 'acquisition'],
  ['CCI approves acquisition of Beta Cements by Acme', 'Acme', 'acquisition'],
  ['Acme shares rise on hotel chain buy', 'Acme', 'acquisition'],
  ['Acme shares gain after resort purchase in Goa', 'Acme', 'acquisition'],
];

const UNIT_BOOSTED: Row[] = [
  ['Acme boosts cloud unit with $600 million Beta deal', 'Acme'],
  ['Acme bolsters cancer portfolio with Beta acquisition', 'Acme', 'acquisition'],
  ['Acme strengthens payments arm through Beta buy', 'Acme', 'acquisition'],
  ['Acme expands respiratory business with $500m drug rights deal', 'Acme'],
];

const FIRST_DELIVERIES: Row[] = [
  ['Aerovia delivers first A321 freighter to Etihad', 'Aerovia', 'milestone'],
  ['Voltcell ships first batch of EV batteries to Europe', 'Voltcell', 'milestone'],
  ['Harbor LNG makes first shipment from new Gulf terminal', 'Harbor LNG', 'milestone'],
  ['Medico Labs dispatches maiden consignment of vaccines to Brazil', 'Medico Labs', 'milestone'],
  ["Tarmac Trucks' first electric truck rolls off the line", 'Tarmac Trucks', 'milestone'],
];

const REMARKABLE_RESULTS: Row[] = [
  ['Sunrise Textiles Q3 shoots over 3-fold to Rs 45 crore', 'Sunrise Textiles', 'strong-results'],
  ['Sunrise Textiles Q1 profit jumps over two fold to Rs 20 crore', 'Sunrise Textiles', 'strong-results'],
  ['Sunrise Textiles Q2 net profit at Rs 80 crore vs loss of Rs 12 crore a year ago', 'Sunrise Textiles', 'strong-results'],
  ['Sunrise Textiles net profit up 140% at Rs 55 crore', 'Sunrise Textiles', 'strong-results'],
  ['Sunrise Textiles Q4 net zooms five-fold', 'Sunrise Textiles', 'strong-results'],
];

const IPO_STEPS: Row[] = [
  ['Copperleaf Foods files draft papers with Sebi for Rs 800 crore IPO', 'Copperleaf Foods', 'ipo'],
  ['Copperleaf Foods, Arjun Textiles file for IPOs', 'Arjun Textiles', 'ipo'],
  ['Copperleaf Foods IPO subscribed by 3.5 times on final day', 'Copperleaf Foods', 'ipo'],
  ["Copperleaf Foods' Rs 500-crore IPO to open on March 3", 'Copperleaf Foods', 'ipo'],
  ['Copperleaf Foods fixes IPO price band at Rs 210-220', 'Copperleaf Foods', 'ipo'],
  ['Copperleaf Foods to debut on NSE on Friday', 'Copperleaf Foods', 'ipo'],
  ['Copperleaf Foods to list first in London and Frankfurt', 'Copperleaf Foods', 'ipo'],
  ["Copperleaf Foods shares leap in Europe's biggest listing of the year", 'Copperleaf Foods', 'ipo'],
  ['Copperleaf Foods gets Sebi nod for IPO; may raise Rs 900 crore', 'Copperleaf Foods', 'regulatory-approval'],
];

const ORDERS_BY_ITS_OWN: Row[] = [
  ['Pinnacle Rail jumps 6% as consortium bags Rs 900 crore metro order', 'Pinnacle Rail', 'contract-win'],
  ['Spice Route debuts in Pune; will offer ready-to-cook curries', 'Spice Route', 'expansion'],
];

// ---------------------------------------------------------------------------------------------
// Near-misses in the same shapes: must not be congratulated.

const BIDS_TALKS_PLANS: Row[] = [
  ['Zephyr Foods in talks to enter Brazil', 'Zephyr Foods'],
  ['Zephyr Foods plans to enter Japanese market', 'Zephyr Foods'],
  ['Zephyr Foods explores entry into Saudi market', 'Zephyr Foods'],
  ['Acme bids $2 billion for Beta', 'Acme'],
  ["Acme makes offer for Beta's cement unit", 'Acme'],
  ['Acme close to signing supply pact with Ford', 'Acme'],
  ['Acme eyes deal with Ford', 'Acme'],
  ['Sable Finance applies for banking licence', 'Sable Finance'],
  ['Sable Finance seeks RBI licence to operate payments bank', 'Sable Finance'],
  ['Copperleaf Foods plans to file for IPO next year', 'Copperleaf Foods'],
  ['Copperleaf Foods IPO subscribed 0.6 times on day one', 'Copperleaf Foods'],
  ['Beta agrees to acquire Acme for $1.2 billion', 'Acme'],
  ['Beta strikes deal to buy Acme', 'Acme'],
  ["Competition regulator clears Beta's acquisition of Acme", 'Acme'],
  ['CCI approves acquisition of Acme Cements by Beta', 'Acme Cements'],
  ['Acme shares rise on buyout by Beta', 'Acme'],
  ['Health regulator rejects Ardent Bio inhaler', 'Ardent Bio'],
  ['Acme boosts cloud unit, plans $600 million Beta deal', 'Acme'],
];

const SETTLEMENTS: Row[] = [
  ['Acme strikes $450 million deal with Justice Department', 'Acme'],
  ['Acme signs agreement with SEC over disclosures', 'Acme'],
  ['Acme reaches $1 billion deal with prosecutors', 'Acme'],
  ['Acme agrees to pay $300 million to resolve US claims', 'Acme'],
  ['Acme enters deferred prosecution agreement with UK authorities', 'Acme'],
  ['Acme signs consent decree with EPA', 'Acme'],
];

const DEBT_AND_SHARE_SALES: Row[] = [
  ['Acme launches $500 million bond issue', 'Acme'],
  ["Acme's NCD public issue oversubscribed 3 times", 'Acme'],
  ['Acme opens QIP to raise Rs 2,000 crore', 'Acme'],
  ['Acme completes $1 billion private placement', 'Acme'],
  ['Acme prices $750 million senior notes offering', 'Acme'],
  ['Acme rights issue oversubscribed', 'Acme'],
  ["Acme's masala bonds list on London Stock Exchange", 'Acme'],
  ['Acme launches follow-on public offering of 10 million shares', 'Acme'],
  ['Acme prices public offering of common stock', 'Acme'],
];

const ROUTINE_RESULTS: Row[] = [
  ['Sunrise Textiles Q2 net profit jumps 60% to Rs 120 crore', 'Sunrise Textiles'],
  ['Sunrise Textiles profit soars 95% on strong demand', 'Sunrise Textiles'],
  ['Sunrise Textiles net profit up 45 per cent in Q3', 'Sunrise Textiles'],
];

const MOVES_ON_HOPES: Row[] = [
  ['Acme jumps on order hopes', 'Acme'],
  ['Acme shares rally on optimism over order pipeline', 'Acme'],
  ['Acme surges on prospects of big defence contracts', 'Acme'],
];

const FAILED_EVENTS: Row[] = [
  ["Copperleaf Foods' IPO deferred to next year", 'Copperleaf Foods'],
  ['Copperleaf Foods pulls IPO', 'Copperleaf Foods'],
  ["Acme's deal to acquire Beta falls through", 'Acme'],
  ['Acme halts deliveries of Model Z', 'Acme'],
  ["Zephyr Foods' Japan entry put on hold", 'Zephyr Foods'],
  ["Acme didn't win the Navy contract", 'Acme'],
  ['Regulators veto Acme takeover of Beta', 'Acme'],
];

const RULE_MAKING: Row[] = [
  ['Sebi introduces T+1 settlement cycle for all stocks', 'Sebi'],
  ['RBI unveils digital rupee pilot for retail users', 'RBI'],
  ['NSE gets Sebi nod for extended trading hours', 'NSE'],
  ["SEC approves Nasdaq's new listing rules", 'Nasdaq'],
];

const ANALYST_VIEWS: Row[] = [
  ['Acme is a buy after Rs 500 crore order win: Ravi Mehta', 'Acme'],
  ['Stocks to buy: Acme after order win, Beta on results', 'Acme'],
  ['Buy Acme on dips, order win strengthens outlook', 'Acme'],
  ["Broker's Call: Nomura puts Acme on buy", 'Nomura'],
  ['Nomura puts Acme on buy after order win', 'Nomura'],
];

// ---------------------------------------------------------------------------------------------
// A second batch, written after the rules above and run once before any change: 123 real events
// in everyday wire and Indian-desk phrasing (first run: 27 missed) and 55 traps built on the new
// rules (first run: 3 congratulated — a loan agreement, a loan "bagged", funding from banks). All
// are fixed by general rules (docs/classifier.md, "Unseen headlines").

const SECOND_BATCH_GOOD: Row[] = [
  ["Acme bags Rs 1,200 crore order from Coal India", "Acme"],
  ["Acme wins contract to build Mumbai-Pune expressway stretch", "Acme"],
  ["Acme gets Rs 500 crore order from NTPC; shares rise", "Acme"],
  ["Acme receives USFDA approval for generic version of Lipitor", "Acme"],
  ["Acme launches India's first electric tractor", "Acme"],
  ["Acme opens 100th store in India", "Acme"],
  ["Acme commissions new unit at Dahej plant", "Acme"],
  ["Acme signs MoU with Andhra Pradesh government for Rs 5,000 crore investment", "Acme"],
  ["Acme ties up with Flipkart to sell phones online", "Acme"],
  ["Acme, Beta form JV for electric buses", "Acme"],
  ["Acme acquires US-based Beta for $120 million", "Acme"],
  ["Acme completes acquisition of Beta's API business", "Acme"],
  ["Acme to acquire 100% of Beta for Rs 300 crore", "Acme"],
  ["Acme IPO subscribed 12 times", "Acme"],
  ["Acme lists at 30% premium on NSE", "Acme"],
  ["Acme raises $25 million from Tiger Global", "Acme"],
  ["Acme Q3 net profit doubles to Rs 120 crore", "Acme"],
  ["Acme posts highest-ever quarterly revenue", "Acme"],
  ["Acme reports net profit of Rs 40 crore against loss last year", "Acme"],
  ["Acme gets nod to set up plant in Gujarat", "Acme"],
  ["Acme bags export order worth $50 million", "Acme"],
  ["Acme shares surge 10% on receiving Rs 700 crore order", "Acme"],
  ["Acme becomes first Indian firm to get EU certification", "Acme"],
  ["Acme's new drug gets marketing approval in Japan", "Acme"],
  ["Acme wins Best Employer award", "Acme"],
  ["Acme expands operations to Middle East", "Acme"],
  ["Acme sets up R&D centre in Bengaluru", "Acme"],
  ["Acme to build $1 billion chip plant in Arizona", "Acme"],
  ["Acme clinches multi-year contract from Ministry of Defence", "Acme"],
  ["Acme inks pact with Indian Navy for ship repair", "Acme"],
  ["Acme gets green signal from DGCA for flights to Dubai", "Acme"],
  ["Acme unveils new SUV priced at Rs 10 lakh", "Acme"],
  ["Acme delivers 10,000th car from Chennai plant", "Acme"],
  ["Acme begins exports to Europe", "Acme"],
  ["Acme's order book swells to record Rs 20,000 crore", "Acme"],
  ["Acme hands over first batch of Tejas jets to IAF", "Acme"],
  ["Acme takes over Beta's India business", "Acme"],
  ["Acme receives Rs 300 crore letter of award from NHAI", "Acme"],
  ["Acme bags two orders worth Rs 450 crore", "Acme"],
  ["Acme Infra emerges winner in NHAI auction", "Acme Infra"],
  ["Acme turns net profitable in FY24", "Acme"],
  ["Acme's revenue crosses Rs 1,000 crore mark", "Acme"],
  ["Acme lands first order for hydrogen electrolysers", "Acme"],
  ["Acme signs agreement to supply 500 buses to Delhi", "Acme"],
  ["Acme wins approval to build nuclear plant in Poland", "Acme"],
  ["Acme and Beta announce strategic partnership", "Acme"],
  ["Acme partners Beta for EV charging network", "Acme"],
  ["Acme shares hit record after Beta deal win", "Acme"],
  ["Acme rolls out 5G services in 20 cities", "Acme"],
  ["Acme starts commercial operations at new terminal", "Acme"],
  ["Acme Q2 net jumps four-fold to Rs 41 crore", "Acme"],
  ["Acme Q1 profit zooms 10-fold", "Acme"],
  ["Acme net profit surges 3-fold on strong demand", "Acme"],
  ["Acme's Q4 profit more than doubles", "Acme"],
  ["Acme FY15 net up 2.5 times", "Acme"],
  ["Acme Dec qtr net profit triples to Rs 30 cr", "Acme"],
  ["Acme posts Rs 35 crore profit, first in four years", "Acme"],
  ["Acme swings to Q3 profit of Rs 12 crore", "Acme"],
  ["Acme's Rs 400-crore IPO oversubscribed 8 times", "Acme"],
  ["Acme IPO fully subscribed on day one", "Acme"],
  ["Acme IPO gets bids for 5 times the shares on offer", "Acme"],
  ["Acme shares list at 25% premium over issue price", "Acme"],
  ["Acme makes bumper debut, lists at 40% premium", "Acme"],
  ["Acme stock debuts at Rs 300 on BSE", "Acme"],
  ["Acme gets Sebi go-ahead for Rs 600 crore IPO", "Acme"],
  ["Acme files DRHP with Sebi for IPO", "Acme"],
  ["Acme sets price band for IPO at Rs 120-125", "Acme"],
  ["Acme Rs 350 crore IPO to hit market on July 4", "Acme"],
  ["Acme gets USFDA nod for cancer drug", "Acme"],
  ["Acme receives USFDA approval for Baddi plant", "Acme"],
  ["Acme gets DCGI approval for Covid vaccine trials", "Acme"],
  ["Acme surges 8% on USFDA nod for generic", "Acme"],
  ["Acme bags orders worth Rs 1,100 crore", "Acme"],
  ["Acme wins Rs 800 crore contract from Indian Railways; stock up 6%", "Acme"],
  ["Acme secures order from Saudi Aramco", "Acme"],
  ["Acme gets LoA for Rs 600 crore highway project", "Acme"],
  ["Acme signs MoU with ISRO", "Acme"],
  ["Acme inks JV with Japan's Mitsui", "Acme"],
  ["Acme forms 50:50 JV with Beta", "Acme"],
  ["Acme acquires Beta for Rs 450 crore", "Acme"],
  ["Acme to buy Beta's stake in JV for Rs 200 crore", "Acme"],
  ["Acme completes takeover of Beta", "Acme"],
  ["Acme buys Beta brand for $50 million", "Acme"],
  ["Acme launches new range of laptops", "Acme"],
  ["Acme unveils Rs 5 lakh car", "Acme"],
  ["Acme opens new plant in Pune", "Acme"],
  ["Acme to set up Rs 2,000 crore plant in Odisha", "Acme"],
  ["Acme forays into insurance", "Acme"],
  ["Acme enters African market", "Acme"],
  ["Acme raises Rs 100 crore from Sequoia Capital", "Acme"],
  ["Acme gets $30 million in funding", "Acme"],
  ["Acme secures Series C funding of $60 million", "Acme"],
  ["Acme wins award for best bank", "Acme"],
  ["Acme named best employer", "Acme"],
  ["Acme hits record sales in June", "Acme"],
  ["Acme posts record monthly sales", "Acme"],
  ["Acme sales cross one million units", "Acme"],
  ["Acme March sales up 25%, best ever", "Acme"],
  ["Acme commissions 50 MW wind power project", "Acme"],
  ["Acme stock rallies after bagging mega order", "Acme"],
  ["Beta extends supply deals with Gamma, Acme", "Acme"],
  ["Beta signs offtake agreements with Gamma and Acme", "Acme"],
  ["Beta's Gamma Unit Signs Manufacturing Deal With Acme", "Acme"],
  ["Acme's Nova Labs signs licensing deal with Pfizer", "Acme"],
  ["Acme and Beta Form Joint Venture to Build Plants", "Acme"],
  ["Acme Corporation and Beta Group Sign Memorandum of Understanding", "Acme"],
  ["Beta inks supply pact with Acme", "Acme"],
  ["Beta Bags Cancer Drug Deal With Acme", "Acme"],
  ["Acme Wins $300 Million Contract From US Army", "Acme"],
  ["Acme Receives FDA Approval For Heart Device", "Acme"],
  ["Acme Launches New Credit Card In UAE", "Acme"],
  ["ACME WINS MAJOR ORDER FROM INDIAN RAILWAYS", "Acme"],
  ["Acme to supply engines to Beta in $2 billion deal", "Acme"],
  ["Beta picks Acme as sole supplier for new jet", "Acme"],
  ["Beta hands Acme $400 million order", "Acme"],
  ["Beta awards Acme contract for metro line", "Acme"],
  ["Acme lands deal to supply 200 trains to Egypt", "Acme"],
  ["Acme scores $1 billion deal with Saudi Arabia", "Acme"],
  ["Acme wins licence to operate in Singapore", "Acme"],
  ["Acme's unit bags Rs 500 crore order", "Acme"],
  ["Acme arm wins contract from Indian Navy", "Acme"],
  ["Acme subsidiary gets RBI licence", "Acme"],
  ["Acme Pharma's Goa unit gets USFDA nod", "Acme Pharma"],
];

const SECOND_BATCH_TRAPS: Row[] = [
  ["Beta extends supply deals with Gamma, drops Acme", "Acme"],
  ["Beta hands Acme $400 million penalty", "Acme"],
  ["Beta gives Acme notice to vacate premises", "Acme"],
  ["Acme to supply engines to Beta in $2 billion deal, sources say", "Acme"],
  ["Acme signs $2 billion loan agreement with banks", "Acme"],
  ["Acme signs $500 million deal to sell cement unit", "Acme"],
  ["Acme signs agreement to settle dispute with Beta", "Acme"],
  ["Acme to pay $200 million in fines", "Acme"],
  ["Acme returns to bond market with $1 billion issue", "Acme"],
  ["Acme enters into administration", "Acme"],
  ["Acme enters into debt restructuring agreement with lenders", "Acme"],
  ["Acme sales cross one million complaints", "Acme"],
  ["Acme losses swell to record Rs 2,000 crore", "Acme"],
  ["Acme debt rises to record $40 billion", "Acme"],
  ["Acme order book falls from record high", "Acme"],
  ["Acme shares hit record after Beta deal falls through", "Acme"],
  ["Acme rises on hopes of Beta order", "Acme"],
  ["Acme sets up committee to probe fraud", "Acme"],
  ["Acme forms panel to explore sale of unit", "Acme"],
  ["Acme enters Brazil talks", "Acme"],
  ["Acme to enter Brazil, says CEO", "Acme"],
  ["Acme to enter India via joint venture if rules allow", "Acme"],
  ["Acme delivers first quarterly loss", "Acme"],
  ["Acme ships first batch of recalled cars back to factory", "Acme"],
  ["Acme's first electric truck delayed", "Acme"],
  ["Acme posts Rs 35 crore loss, first in four years", "Acme"],
  ["Acme Q2 revenue up 2.5 times but loss widens", "Acme"],
  ["Acme shares list at discount to issue price", "Acme"],
  ["Acme IPO subscribed 0.8 times", "Acme"],
  ["Acme IPO gets bids for 0.5 times the shares on offer", "Acme"],
  ["Acme stock debuts at 20% discount", "Acme"],
  ["Acme rallies on stake buy by Beta", "Acme"],
  ["Acme jumps on Jhunjhunwala buy", "Acme"],
  ["Acme shares rise on share buy by promoters", "Acme"],
  ["Acme falls on Beta acquisition", "Acme"],
  ["Acme surges on takeover bid by Beta", "Acme"],
  ["Beta rallies on acquisition of Acme", "Acme"],
  ["Sebi approves Acme's delisting", "Acme"],
  ["Regulator clears Beta's acquisition of Acme Cements", "Acme"],
  ["Competition watchdog probes Acme's acquisition of Beta", "Acme"],
  ["Acme completes sale of its Indian unit to Beta", "Acme"],
  ["Beta wins race to buy Acme", "Acme"],
  ["Acme gets shareholder nod to raise Rs 500 crore via QIP", "Acme"],
  ["Acme partners with Beta to exit retail business", "Acme"],
  ["Acme inks pact with Beta to hand over its stores", "Acme"],
  ["Acme wins $5 million in arbitration case", "Acme"],
  ["Acme bags Rs 400 crore loan from SBI", "Acme"],
  ["Acme secures Rs 2,000 crore funding from consortium of banks", "Acme"],
  ["Acme raises $500 million through bonds", "Acme"],
  ["Acme emerges lowest bidder but loses contract", "Acme"],
  ["Acme named in Beta's bid documents", "Acme"],
  ["Acme is preferred bidder for NHAI project", "Acme"],
  ["Acme tops list of defaulters", "Acme"],
  ["Beta rallies on Acme order win", "Acme"],
  ["Beta shares fall after Acme bags order", "Acme"],
];

/** Awards named by what they honour rather than by the word "award" (issue 12's own example). */
const AWARDS_BY_WHAT_THEY_HONOUR: Row[] = [
  ['Acme Robotics wins Webby for best mobile app', 'Acme Robotics', 'award'],
  ['Acme picks up a Clio for best campaign', 'Acme', 'award'],
  ['Acme scoops Stevie for outstanding customer service', 'Acme', 'award'],
];

/** The same verbs, but not an award. */
const NOT_AWARDS: Row[] = [
  ['Acme wins case for best practice', 'Acme'],
  ['Acme wins bid for best-located site but loses contract', 'Acme'],
];

describe('good news in the shapes the classifier used to miss', () => {
  describe('awards named by what they honour', () => check(AWARDS_BY_WHAT_THEY_HONOUR, true));
  describe('deals with a value or a named counterparty', () => check(DEALS, true));
  describe('entering or returning to a market or country', () => check(MARKET_ENTRY, true));
  describe("licences and approvals granted to the company", () => check(APPROVALS, true));
  describe('agreed purchases, the company the buyer', () => check(PURCHASES, true));
  describe('a unit boosted by a deal', () => check(UNIT_BOOSTED, true));
  describe('first deliveries and shipments', () => check(FIRST_DELIVERIES, true));
  describe('remarkable results', () => check(REMARKABLE_RESULTS, true));
  describe('IPO steps', () => check(IPO_STEPS, true));
  describe("the company's own consortium, an offer that is a product", () => check(ORDERS_BY_ITS_OWN, true));
});

describe('near-misses in the same shapes', () => {
  describe('win verbs that are not awards', () => check(NOT_AWARDS, false));
  describe('bids, talks, plans, and the company being bought', () => check(BIDS_TALKS_PLANS, false));
  describe('settlements with prosecutors and regulators', () => check(SETTLEMENTS, false));
  describe('raising debt or selling shares', () => check(DEBT_AND_SHARE_SALES, false));
  describe('results below doubling', () => check(ROUTINE_RESULTS, false));
  describe('share-price moves on hopes', () => check(MOVES_ON_HOPES, false));
  describe('events that failed, were delayed or put on hold', () => check(FAILED_EVENTS, false));
  describe("a regulator's or an exchange's own rule-making", () => check(RULE_MAKING, false));
  describe("analysts' and commentators' views", () => check(ANALYST_VIEWS, false));
});

describe('second batch, written after the rules', () => {
  describe('real events', () => check(SECOND_BATCH_GOOD, true));
  describe('traps on the new rules', () => check(SECOND_BATCH_TRAPS, false));
});
