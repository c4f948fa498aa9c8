import { describe, expect, it } from 'vitest';
import { CUES } from '../../functions/domain/classifier/cues.js';
import { classifyHeadline } from '../../functions/domain/classifier/index.js';
import { Classification, type CompanyRef } from '../../functions/domain/news.js';

/**
 * "Unseen" headlines: written in one sitting, from how financial wires and Indian/US market desks
 * phrase news, after the classifier's rules had settled and without looking at the eval files.
 * They were run once BEFORE any rule change: 9 of the 215 traps were congratulated and 12 of the
 * 117 real events missed (docs/classifier.md, "Unseen headlines"); all 21 are fixed by general rules. Most are traps — good-news words inside bad news, someone else's news,
 * stock moves, rumours — because a congratulation on bad news is the costly error.
 *
 * Row: [headline, company name, aliases?]
 */
type Row = [title: string, name: string, aliases?: string[]];

function ref(name: string, aliases?: string[]): CompanyRef {
  return aliases ? { name, aliases } : { name };
}

function check(rows: Row[], congratulate: boolean) {
  it.each(rows)('%s [%s]', (title, name, aliases) => {
    const result = classifyHeadline({ title }, ref(name, aliases));
    expect(Classification.parse(result)).toEqual(result);
    expect(result.congratulate, result.reasons.join(' | ')).toBe(congratulate);
  });
}

// ---------------------------------------------------------------------------------------------
// Must NOT be congratulated.

/** "Wins", "beats", "picks": the good-news verb belongs to someone else. */
const SOMEONE_ELSES_WIN: Row[] = [
  ['Samsung wins patent case against Apple', 'Apple'],
  ['Oracle wins $3 billion verdict against HP', 'HP'],
  ['Wipro beats Infosys to win Rs 1,200-crore deal', 'Infosys'],
  ['Boeing wins Air Force tanker contract over Airbus', 'Airbus'],
  ['Airbus wins order from IndiGo, dealing blow to Boeing', 'Boeing'],
  ['Beta picks Gamma over Acme for $2bn cloud deal', 'Acme'],
  ['Beta outbids Acme to win Heathrow contract', 'Acme'],
  ['Rival Beta wins contract Acme had held for a decade', 'Acme'],
  ['Beta wins $2 billion order; Acme shares fall', 'Acme'],
  ['Beta bags order worth Rs 900 crore from Acme', 'Acme'],
  ['Beta receives $500m contract from Acme Airlines', 'Acme Airlines'],
  ['Beta signs up Acme as anchor customer', 'Acme'],
  ["Acme's partner Beta wins $1bn order", 'Acme'],
  ['Acme supplier Foxconn opens new plant in Chennai', 'Acme'],
  ['Former Acme executives launch rival startup', 'Acme'],
  ["Ex-Acme CEO's new venture raises $50 million", 'Acme'],
  ['Acme-backed Beta lists on Nasdaq', 'Acme'],
  ["Acme's former unit wins $100m contract", 'Acme'],
  ['Acme-owned Beta bags Rs 300 crore order', 'Acme'],
  ['Beta partners with Gamma to take on Acme', 'Acme'],
  ['Beta ties up with Gamma in challenge to Acme', 'Acme'],
  ['Beta launches Acme-rival smartphone in India', 'Acme'],
  ["Beta opens store next to Acme's flagship", 'Acme'],
  ['Beta overtakes Acme as largest carmaker', 'Acme'],
  ['Epic Systems wins $420 million verdict against TCS', 'Tata Consultancy Services', ['TCS']],
  ['Google wins antitrust appeal; Microsoft shares flat', 'Microsoft'],
  ['Why Infosys won the Vanguard deal and what it means for TCS', 'TCS'],
];

/** Good-news words in bad news about the company itself. */
const GOOD_WORDS_BAD_NEWS: Row[] = [
  ['Acme Corp posts record loss of $2 billion', 'Acme Corp'],
  ['Tata Motors reports record quarterly loss on JLR writedown', 'Tata Motors'],
  ['Vodafone Idea posts record Rs 50,922 crore loss', 'Vodafone Idea'],
  ['Board approves 1,200 layoffs at Hindustan Zinc', 'Hindustan Zinc'],
  ['Shareholders approve pay cut for Jet Airways staff', 'Jet Airways'],
  ['Court approves liquidation of Videocon Industries', 'Videocon Industries'],
  ["Shareholders approve Acme's plan to cut 2,000 jobs", 'Acme'],
  ['Acme gets approval to shut Mumbai plant', 'Acme'],
  ['Acme gets nod to sell power unit to Beta', 'Acme'],
  ['Acme gets government nod to hike fares', 'Acme'],
  ['Acme gets approval to raise electricity prices', 'Acme'],
  ['Acme receives delisting approval from BSE', 'Acme'],
  ['Acme secures court approval for debt restructuring plan', 'Acme'],
  ['Acme wins creditor backing for rescue plan', 'Acme'],
  ['Acme wins Rs 2,000 crore arbitration award against NHAI', 'Acme'],
  ['Tata Sons wins legal battle against Cyrus Mistry', 'Tata Sons'],
  ['Acme wins reprieve from lenders on loan repayment', 'Acme'],
  ['SEC expands probe into Nikola', 'Nikola'],
  ['Toyota expands recall to 1.2 million vehicles', 'Toyota'],
  ['Maruti expands recall of Baleno over faulty airbags', 'Maruti Suzuki India Ltd', ['Maruti']],
  ['Acme expands layoffs to Europe', 'Acme'],
  ['Acme expands recall of pacemakers', 'Acme'],
  ['Acme expands share buyback to $5 billion', 'Acme'],
  ['Flipkart ends partnership with Paytm Mall', 'Flipkart'],
  ['Spotify ends partnership with Uber after five years', 'Spotify'],
  ['Walgreens terminates partnership with Theranos', 'Theranos'],
  ['SEBI launches probe into Adani Enterprises share trading', 'Adani Enterprises'],
  ['EU launches antitrust investigation into Microsoft Teams', 'Microsoft'],
  ['Apple launches investigation into Foxconn labour practices', 'Foxconn'],
  ['Boeing launches review of 737 MAX production after blowout', 'Boeing'],
  ['Acme launches voluntary retirement scheme for 5,000 employees', 'Acme'],
  ['Zydus launches open offer for Acme Pharma shares', 'Acme Pharma'],
  ['Emirates NBD launches bid for Denizbank', 'Denizbank'],
  ['Acme launches hostile bid for Beta', 'Beta'],
  ['Acme launches rights issue to shore up balance sheet', 'Acme'],
  ['Acme launches Rs 1,000-crore QIP', 'Acme'],
  ['Acme launches sale of its cement business', 'Acme'],
  ['Acme launches search for new CEO', 'Acme'],
  ['Acme launches price war against Beta', 'Acme'],
  ['Jio raises tariffs by up to 25%', 'Reliance Jio', ['Jio']],
  ['Netflix raises prices in US again', 'Netflix'],
  ['Maruti raises car prices by up to 2% from January', 'Maruti Suzuki India Ltd', ['Maruti']],
  ['Hindustan Unilever hikes prices of soaps and detergents', 'Hindustan Unilever'],
  ['Adani Green raises $750 million via dollar bonds', 'Adani Green Energy Ltd', ['Adani Green']],
  ['Yes Bank raises Rs 3,000 crore through Basel III bonds', 'Yes Bank'],
  ["Moody's raises concerns over Vedanta debt", 'Vedanta'],
  ['Acme raises concerns over new EU rules', 'Acme'],
  ['Acme raises stake in Beta to 26%', 'Acme'],
  ['Acme raises $500 million through share sale to pay down debt', 'Acme'],
  ['Acme raises debt to $12 billion to fund buybacks', 'Acme'],
  ['State Bank of India raises lending rates by 10 bps', 'State Bank of India'],
  ['Acme recognised as wilful defaulter by lenders', 'Acme'],
  ['RBI declares Acme a wilful defaulter', 'Acme'],
  ['Acme named in Panama Papers leak', 'Acme'],
  ['Acme named as accused in money laundering case', 'Acme'],
  ['Acme named most complained-about airline of the year', 'Acme'],
  ['Acme tops list of worst-performing stocks in 2025', 'Acme'],
  ['Acme tops list of companies with highest debt', 'Acme'],
  ['Acme ranked lowest in customer satisfaction survey', 'Acme'],
  ['Acme listed among top 10 polluters', 'Acme'],
  ['Acme opens probe into CEO expenses', 'Acme'],
  ['Acme inks debt restructuring pact with lenders', 'Acme'],
  ['Acme signs settlement agreement with SEC', 'Acme'],
  ['Acme signs pact with union to cut wages', 'Acme'],
  ['Acme ties up with banks for Rs 5,000 crore loan to repay debt', 'Acme'],
  ['Acme in pact with Beta to sell its retail arm', 'Acme'],
  ['Acme contract with Indian Navy put on hold', 'Acme'],
  ["Acme's Rs 800-crore order from NHAI cancelled", 'Acme'],
  ['NHAI cancels Rs 2,000-crore contract awarded to IRB Infrastructure', 'IRB Infrastructure'],
  ["Railways scraps L&T's Rs 1,500 crore signalling contract", 'Larsen & Toubro', ['L&T']],
  ['BEL contract under review after audit flags cost overruns', 'Bharat Electronics', ['BEL']],
  ['Defence ministry puts Rafale offset contract with Dassault under review', 'Dassault'],
  ['Acme loses $500 million Pentagon contract to Beta', 'Acme'],
  ['Acme misses out on $1 billion defence order', 'Acme'],
  ['Infosys loses bid for Dutch bank IT contract to TCS', 'Infosys'],
  ['Acme fails to secure funding, warns of closure', 'Acme'],
  ["Acme's funding round collapses as investors pull out", 'Acme'],
  ['Acme order book shrinks 20%', 'Acme'],
  ['Acme gets Rs 1,200 crore GST demand notice', 'Acme'],
  ['Acme slapped with Rs 300 crore tax demand', 'Acme'],
  ['Acme receives show-cause notice from SEBI', 'Acme'],
  ['Acme receives takeover offer from Beta', 'Acme'],
  ['RBI imposes Rs 1 crore penalty on Kotak Mahindra Bank', 'Kotak Mahindra Bank'],
  ['Paytm Payments Bank barred from taking new deposits by RBI', 'Paytm Payments Bank'],
  ["USFDA issues warning letter to Sun Pharma's Halol plant", 'Sun Pharma'],
  ['Aurobindo Pharma receives Form 483 with 7 observations from USFDA', 'Aurobindo Pharma'],
  ['Lupin recalls 50,000 bottles of blood pressure drug in US', 'Lupin'],
  ['SpiceJet pilots go on strike over unpaid salaries', 'SpiceJet'],
  ['Go First files for insolvency', 'Go First'],
  ["Byju's delays salaries for staff", "Byju's"],
  ['Twitter sheds half its workforce', 'Twitter'],
  ['Meta to cut 10,000 more jobs', 'Meta'],
  ['Amazon to hire fewer seasonal workers this year', 'Amazon'],
  ['Wipro freezes hiring of freshers', 'Wipro'],
  ['Infosys defers onboarding of 2,000 freshers', 'Infosys'],
  ['Acme becomes first Indian company to hit $200 billion m-cap', 'Acme'],
  ['Acme loses crown as largest chipmaker to Beta', 'Acme'],
  ['Acme net profit jumps 45% on one-time gain; core revenue falls', 'Acme'],
  ['Acme profit rises 35% but misses estimates', 'Acme'],
  ['Acme revenue up 40% as losses widen', 'Acme'],
];

/** Being bought, sold, merged; stakes. */
const DEALS_NOT_OURS: Row[] = [
  ['Microsoft acquires Activision Blizzard', 'Activision Blizzard'],
  ['Tata Steel to acquire Bhushan Steel', 'Bhushan Steel'],
  ['Zomato acquires Blinkit in $568 million deal', 'Blinkit'],
  ['Myntra acquired by Flipkart for $300 million', 'Myntra'],
  ['Government approves strategic sale of BPCL', 'BPCL'],
  ["CCI approves Adani's acquisition of NDTV", 'NDTV'],
  ["NCLT approves Reliance's takeover of Future Retail assets", 'Future Retail'],
  ['Cabinet approves merger of Air India and Vistara', 'Air India'],
  ['Bharti Airtel buys stake in Indus Towers from Vodafone', 'Vodafone'],
  ['Vodafone sells Indus Towers stake to Airtel', 'Vodafone'],
  ['Tata Motors sells 9% stake in Tata Technologies', 'Tata Technologies'],
  ['Government raises Rs 4,000 crore via OFS in Coal India', 'Coal India'],
];

/** Stock moves, analyst views, index colour: never a note. */
const MARKET_MOVES: Row[] = [
  ['Adani Ports top loser on Sensex, falls 4%', 'Adani Ports'],
  ['IndusInd Bank hits 52-week low after Q3 numbers', 'IndusInd Bank'],
  ['Bajaj Finance shares rally 6% on Nifty', 'Bajaj Finance'],
  ['Tata Elxsi stock surges 10% to record high', 'Tata Elxsi'],
  ['Nvidia shares soar after earnings beat', 'Nvidia'],
  ['Zomato stock hits all-time high, m-cap crosses Rs 2 lakh crore', 'Zomato'],
  ['Sensex rises 500 points led by Reliance, HDFC Bank', 'HDFC Bank'],
  ['Nifty ends higher; Infosys, TCS among top gainers', 'TCS'],
  ['Acme shares zoom 20% in two days', 'Acme'],
  ['Acme among top gainers on Nifty', 'Acme'],
  ['Acme, Beta, Gamma: Stocks to watch today', 'Acme'],
  ['Buy Acme, target Rs 1,450: Motilal Oswal', 'Acme'],
  ['Acme: Jefferies raises target price to Rs 900', 'Acme'],
  ['Jefferies cuts target price on Paytm to Rs 500', 'Paytm'],
  ['Morgan Stanley slashes Infosys target price', 'Infosys'],
  ['Goldman downgrades Tesla to neutral', 'Tesla'],
  ["Moody's downgrades Vedanta Resources to Caa2", 'Vedanta Resources'],
  ['CLSA downgrades HDFC Life to sell', 'HDFC Life'],
  ['Nomura upgrades Acme to buy', 'Acme'],
  ["Acme gets 'buy' rating from Kotak", 'Acme'],
  ['Acme hits record high as Sensex surges', 'Acme'],
  ['Acme m-cap crosses $100 billion', 'Acme'],
  ['Acme stock rallies after Sebi lifts ban', 'Acme'],
  ['Acme stock jumps 12% on reports of Beta takeover', 'Acme'],
  ['Acme shares hit upper circuit on order win buzz', 'Acme'],
  ['Acme shares locked in lower circuit for third day', 'Acme'],
  ['Sensex, Nifty snap winning streak; Acme drags', 'Acme'],
  ['Acme slips 3% after promoter offloads stake', 'Acme'],
];

/** Indian results and shareholding phrasing. */
const INDIAN_MARKET: Row[] = [
  ['Infosys Q2 net profit falls 3% to Rs 6,200 crore', 'Infosys'],
  ['Zee Entertainment PAT declines 40% YoY', 'Zee Entertainment'],
  ['Hero MotoCorp Q1 profit dips on higher input costs', 'Hero MotoCorp'],
  ['Acme Ltd Q2 net profit falls 12% to Rs 340 crore', 'Acme Ltd'],
  ['Acme standalone PAT slips 8% YoY in Q1FY26', 'Acme'],
  ['Acme Q4 results: net profit halves', 'Acme'],
  ['Acme Q2 PAT down 18% YoY; revenue flat', 'Acme'],
  ['Promoters pledge more shares of Future Retail', 'Future Retail'],
  ['Promoter pledge in Jet Airways rises to 80%', 'Jet Airways'],
  ['Acme promoters pledge 40% of holding', 'Acme'],
  ['Block deal: Promoter offloads 3% stake in Nykaa', 'Nykaa'],
  ['Block deal: 2.3 crore Acme shares change hands', 'Acme'],
  ['Government to sell 10% of Coal India through OFS', 'Coal India'],
  ['Acme OFS: Govt to sell 5% stake, floor price Rs 220', 'Acme'],
  ['Acme IPO subscribed only 40% on day 2', 'Acme'],
  ['Acme lists at 15% discount to issue price', 'Acme'],
  ['Acme shares debut below IPO price', 'Acme'],
  ['Acme makes tepid market debut', 'Acme'],
  ['Acme IPO: grey market premium falls', 'Acme'],
  ['Acme postpones IPO amid market volatility', 'Acme'],
];

/** Rumour, plans, questions: not yet news. */
const NOT_YET_NEWS: Row[] = [
  ['Apple said to be in talks to acquire Disney', 'Apple'],
  ["Reliance reportedly in talks to buy Walgreens' Boots unit", 'Reliance Industries', ['Reliance']],
  ['Amazon mulls $10 billion investment in India', 'Amazon'],
  ['Tata Group eyes stake in Bisleri', 'Tata Group'],
  ['Infosys plans to open new campus in Mysuru', 'Infosys'],
  ['HUL set to launch new range of organic soaps', 'Hindustan Unilever', ['HUL']],
  ['Wipro likely to win $1.5 billion deal from European client', 'Wipro'],
  ['Ola Electric set to list on NSE next week', 'Ola Electric'],
  ['LIC IPO likely to open in March', 'Life Insurance Corporation of India', ['LIC']],
  ['Will Paytm ever turn profitable?', 'Paytm'],
  ["Can Byju's win back investors?", "Byju's"],
  ["Is Tesla's new factory a mistake?", 'Tesla'],
  ['Acme in talks with Beta for $1bn supply deal', 'Acme'],
  ['Acme could win $5 billion Army contract, say sources', 'Acme'],
  ['Acme nears deal to acquire Beta', 'Acme'],
  ['Acme close to securing Series D funding', 'Acme'],
  ['Acme said to weigh IPO in Hong Kong', 'Acme'],
  ['Acme eyes Rs 2,000 crore order pipeline', 'Acme'],
  ['Acme hopes to win more defence orders', 'Acme'],
  ['Acme expected to announce partnership with Beta', 'Acme'],
  ['Acme poised to open first store in India', 'Acme'],
  ['Acme likely to bag Rs 3,000 crore metro contract', 'Acme'],
  ['Acme may launch iPhone rival next year', 'Acme'],
  ['Acme emerges lowest bidder for Mumbai metro contract', 'Acme'],
  ['Acme L1 bidder for Rs 1,500 crore highway project', 'Acme'],
  ['Acme to hire 5,000 people, says CEO', 'Acme'],
  ['Lupin receives tentative approval from USFDA for HIV drug', 'Lupin'],
  ["Acme's Series C led by Beta falls through", 'Acme'],
];

// ---------------------------------------------------------------------------------------------
// SHOULD be congratulated. "Acme to open…", "Acme to hire 1,000", "Acme to acquire Beta" count as
// announced decisions (the existing design: a company announcing its own expansion is news), while
// "plans to", "set to", "likely to", "eyes", "mulls" are hedges.

const ORDERS_AND_CONTRACTS: Row[] = [
  ['Larsen & Toubro bags ₹2,500-crore order from NHAI', 'Larsen & Toubro'],
  ['L&T wins mega order for Mumbai metro line', 'Larsen & Toubro Ltd', ['L&T']],
  ['KEC International secures orders worth Rs 1,012 crore', 'KEC International Ltd'],
  ['NCC Ltd bags Rs 500-crore order', 'NCC Ltd'],
  ['Kalpataru Power wins new orders of Rs 2,000 crore', 'Kalpataru Power'],
  ['RVNL wins tender for Rs 245 crore railway electrification project', 'RVNL'],
  ['BHEL wins Rs 3,500 crore contract from NTPC', 'BHEL'],
  ['HAL receives Rs 26,000 crore order for Sukhoi engines', 'Hindustan Aeronautics Ltd', ['HAL']],
  ['Bharat Electronics gets orders worth Rs 3,000 crore', 'Bharat Electronics'],
  ['Infosys wins $1.5 billion deal from Liberty Global', 'Infosys'],
  ["TCS bags multi-year deal from UK's Aviva", 'Tata Consultancy Services', ['TCS']],
  ['Wipro secures five-year contract with German retailer Metro', 'Wipro Ltd'],
  ['Tech Mahindra clinches $500 million deal from US telecom firm', 'Tech Mahindra'],
  ['Lockheed Martin awarded $1.2 billion Navy contract', 'Lockheed Martin Corp.'],
  ['Palantir lands $480 million Army contract', 'Palantir Technologies Inc.', ['Palantir']],
  ['Army selects Anduril for drone defence programme', 'Anduril'],
  ['SpaceX wins NASA contract for lunar lander', 'SpaceX'],
  ['Mazagon Dock bags ₹1,800-crore contract from Navy', 'Mazagon Dock Shipbuilders', ['Mazagon Dock']],
  ['Persistent Systems wins large deal from US healthcare major', 'Persistent Systems'],
  ['Torrent Power bags 300 MW wind power project from SECI', 'Torrent Power'],
  ["Britain's Rolls-Royce wins $2bn engine order from IndiGo", 'Rolls-Royce Holdings plc'],
  ['Siemens Ltd bags Rs 26,000 crore locomotive order from Indian Railways', 'Siemens Ltd'],
  ['Thermax Ltd. secures ₹400 crore order from a refinery', 'Thermax Limited'],
  ['Acme Infra shares jump 5% after company bags Rs 700 crore order', 'Acme Infra'],
  ['Acme Inc. awarded $90 million contract by US Air Force', 'Acme Inc.'],
  ['Indian Railways awards Rs 1,200 crore contract to Acme Rail', 'Acme Rail'],
];

const PLANTS_OFFICES_JOBS: Row[] = [
  ['Adani Green commissions 1,000 MW solar plant in Rajasthan', 'Adani Green Energy Ltd', ['Adani Green']],
  ['NTPC commissions 56 MW unit at Bhadla solar park', 'NTPC'],
  ['JSW Energy commissions 450 MW wind capacity', 'JSW Energy'],
  ['ACME Solar commissions 300 MW solar project in Rajasthan', 'ACME Solar Holdings'],
  ['Maruti Suzuki inaugurates new facility in Kharkhoda', 'Maruti Suzuki India Ltd', ['Maruti Suzuki']],
  ['Dixon Technologies inaugurates new manufacturing unit in Noida', 'Dixon Technologies'],
  ['Waaree Energies inaugurates 5.4 GW solar module plant in Gujarat', 'Waaree Energies'],
  ['Apple opens first retail store in Mumbai', 'Apple'],
  ['Google opens new office in Hyderabad', 'Google'],
  ['Microsoft to open data centre in Pune', 'Microsoft'],
  ['HDFC Bank opens 500 new branches', 'HDFC Bank Ltd.'],
  ['Indian Hotels Company opens new Taj hotel in Ayodhya', 'Indian Hotels Company'],
  ['Meta opens its first India data center', 'Meta'],
  ['Reliance Retail opens 1,000 stores in a quarter', 'Reliance Retail'],
  ['Amazon to hire 1,000 engineers in Bengaluru', 'Amazon'],
  ['Foxconn to create 25,000 jobs at Tamil Nadu plant', 'Foxconn'],
  ['Wipro to hire 12,000 freshers this year', 'Wipro'],
  ['HCLTech to recruit 10,000 freshers', 'HCLTech'],
  ['Amazon India to create 1 lakh seasonal jobs', 'Amazon'],
  ['Tata Steel starts commercial production at Kalinganagar expansion', 'Tata Steel'],
  ['Acme Foods breaks ground on new Gujarat plant', 'Acme Foods'],
  ['Acme enters Indonesian market', 'Acme'],
];

const APPROVALS: Row[] = [
  ['Sun Pharma receives USFDA nod for generic version of Revlimid', 'Sun Pharmaceutical Industries', ['Sun Pharma']],
  ["Dr Reddy's gets USFDA approval for cancer drug", "Dr Reddy's Laboratories", ["Dr Reddy's"]],
  ['Glenmark gets DCGI approval for nasal spray', 'Glenmark Pharmaceuticals', ['Glenmark']],
  ['Zydus Lifesciences receives final approval from USFDA for diabetes drug', 'Zydus Lifesciences'],
  ['Biocon Biologics gets EU nod for biosimilar', 'Biocon Biologics'],
  ["FDA approves Vertex's gene therapy for sickle cell disease", 'Vertex Pharmaceuticals', ['Vertex']],
  ["Eli Lilly wins FDA approval for Alzheimer's drug", 'Eli Lilly and Company'],
  ['Novo Nordisk gets European approval for higher dose of Wegovy', 'Novo Nordisk A/S'],
  ['Paytm gets RBI nod for payment aggregator licence', 'One 97 Communications', ['Paytm']],
  ['Coal India gets environment clearance for expansion of mine', 'Coal India'],
  ['NHPC gets nod for 2,880 MW Dibang project', 'NHPC'],
  ["Sun Pharma's Halol unit gets USFDA clearance", 'Sun Pharma'],
];

const LAUNCHES_AND_PARTNERSHIPS: Row[] = [
  ['Mahindra launches XUV 3XO at Rs 7.49 lakh', 'Mahindra & Mahindra', ['Mahindra']],
  ['Samsung unveils Galaxy S25 series', 'Samsung Electronics', ['Samsung']],
  ['Ola Electric launches new scooter range', 'Ola Electric'],
  ['Tata Motors rolls out Nexon EV Max', 'Tata Motors Ltd'],
  ['OpenAI releases GPT-5', 'OpenAI'],
  ['Nvidia-backed Sarvam AI unveils Indic language model', 'Sarvam AI'],
  ["Reliance's Jio Platforms launches JioBharat phone", 'Jio Platforms'],
  ['PhonePe launches stock broking app Share.Market', 'PhonePe'],
  ['HDFC Bank ties up with Flipkart for co-branded credit card', 'HDFC Bank'],
  ['Airtel inks pact with Nokia for 5G network expansion', 'Bharti Airtel', ['Airtel']],
  ['Jio Financial ties up with BlackRock for asset management JV', 'Jio Financial Services', ['Jio Financial']],
  ['Jio Financial ties up with BlackRock for asset management JV', 'BlackRock'],
  ['Infosys partners with Nvidia on generative AI', 'Infosys'],
  ['Nvidia partners with Reliance to build AI infrastructure in India', 'Reliance Industries', ['Reliance']],
  ['Hero MotoCorp and Harley-Davidson sign distribution agreement', 'Hero MotoCorp'],
  ['Hero MotoCorp and Harley-Davidson sign distribution agreement', 'Harley-Davidson'],
  ['Zensar Technologies signs multi-million dollar deal with UK insurer', 'Zensar Technologies'],
  ['Zomato signs MoU with Karnataka government', 'Zomato'],
];

const FUNDING_LISTING_AWARDS: Row[] = [
  ['Zepto raises $665 million in Series F', 'Zepto'],
  ['Fintech startup Jar raises $50 million in Series C round led by Tiger Global', 'Jar'],
  ['Groww secures $250 million funding from Iconiq', 'Groww'],
  ['Krutrim closes $50 million funding round', 'Krutrim'],
  ['Physics Wallah bags $210 million in Series B funding', 'Physics Wallah'],
  ['Mistral AI raises €600 million', 'Mistral AI'],
  ["Infosys named among Time's World's Best Companies", 'Infosys'],
  ['TCS named top employer in India for 2026', 'TCS'],
  ['Wipro wins Golden Peacock award for sustainability', 'Wipro'],
  ['IndiGo bags best domestic airline award', 'InterGlobe Aviation', ['IndiGo']],
  ['Accenture recognised as a leader by IDC', 'Accenture plc'],
  ['Asian Paints wins Great Place to Work certification', 'Asian Paints'],
  ['Sula Vineyards named Wine Producer of the Year', 'Sula Vineyards'],
  ['TVS Motor wins J.D. Power award for customer satisfaction', 'TVS Motor Company'],
  ['Swiggy lists on NSE', 'Swiggy'],
  ['Hyundai Motor India lists on stock exchanges', 'Hyundai Motor India Ltd'],
  ['Bajaj Housing Finance makes stellar market debut', 'Bajaj Housing Finance'],
  ['Tata Technologies IPO subscribed 69 times', 'Tata Technologies'],
  ['Ola Electric files IPO papers with Sebi', 'Ola Electric'],
];

const RESULTS_AND_MILESTONES: Row[] = [
  ['Infosys Q3 net profit doubles to Rs 6,000 crore', 'Infosys'],
  ['Paytm turns profitable for first time', 'One 97 Communications', ['Paytm']],
  ['Zomato reports first-ever quarterly profit', 'Zomato'],
  ['Trent Q1 profit surges 2-fold to Rs 390 crore', 'Trent'],
  ['Vedanta returns to profit in Q4', 'Vedanta'],
  ['BEL posts record order inflow of Rs 25,000 crore', 'Bharat Electronics', ['BEL']],
  ['Maruti Suzuki reports record annual sales of 2 million units', 'Maruti Suzuki'],
  ['Tata Motors posts highest-ever monthly sales in October', 'Tata Motors'],
  ['Tesla delivers record number of vehicles in Q4', 'Tesla'],
  ['Jio crosses 500 million subscribers', 'Reliance Jio', ['Jio']],
  ['Bajaj Finance crosses 10 crore customers', 'Bajaj Finance'],
  ['Nykaa opens 200th store', 'Nykaa'],
  ['Starbucks opens 100th store in India', 'Starbucks'],
  ['ONGC makes new oil discovery in Mumbai offshore', 'ONGC'],
  ['Adani Ports completes acquisition of Gopalpur Port', 'Adani Ports and Special Economic Zone', ['Adani Ports']],
  ['UltraTech Cement acquires India Cements', 'UltraTech Cement'],
  ['Tata Consumer Products to acquire Capital Foods for Rs 5,100 crore', 'Tata Consumer Products'],
  ['Coforge completes Cigniti acquisition', 'Coforge'],
  ['Godrej Properties acquires 50-acre land parcel in Pune', 'Godrej Properties'],
];

// ---------------------------------------------------------------------------------------------
// A second batch, written after the first round of fixes and run once before the second: 1 of 40
// traps congratulated wrongly ("inks pact with Beta to hand over its retail stores", fixed), 2 of
// 15 positives missed ("commissions second blast furnace", fixed; one pinned in NOT_FIXED).

const SECOND_BATCH_NOT_CONGRATULATED: Row[] = [
  ['Acme wins dismissal of shareholder lawsuit', 'Acme'],
  ['Acme gets breather as NCLT defers insolvency hearing', 'Acme'],
  ['Acme secures bridge loan to stave off default', 'Acme'],
  ['Acme lands in trouble over faulty brakes', 'Acme'],
  ['Acme bags dubious distinction of most fined bank', 'Acme'],
  ['Beta snaps up Acme\'s India business for $400 million', 'Acme'],
  ['Acme hands over Mumbai plant to lenders', 'Acme'],
  ['Acme opens door to sale of consumer unit', 'Acme'],
  ['Acme launches buyback worth Rs 10,000 crore', 'Acme'],
  ['Acme\'s order from Beta deferred by a year', 'Acme'],
  ['Acme partners walk out of JV', 'Acme'],
  ['Acme signs agreement to sell hotel business to Beta', 'Acme'],
  ['Acme inks pact with Beta to hand over its retail stores', 'Acme'],
  ['Acme gets nod for merger with Beta', 'Acme'],
  ['Acme receives approval to exit Russian market', 'Acme'],
  ['Acme secures approval to increase tariffs by 8%', 'Acme'],
  ['Acme unveils plan to cut 3,000 jobs', 'Acme'],
  ['Acme rolls out pay cuts for senior staff', 'Acme'],
  ['Acme introduces surcharge on deliveries', 'Acme'],
  ['Acme commissions independent review of safety failures', 'Acme'],
  ['Acme named in SEC complaint', 'Acme'],
  ['Acme tops complaints list for third year', 'Acme'],
  ['Acme crosses 1 million complaints on consumer portal', 'Acme'],
  ['Acme reports record attrition in Q2', 'Acme'],
  ['Acme stock turns multibagger, up 300% in a year', 'Acme'],
  ['Acme market cap doubles to Rs 1 lakh crore', 'Acme'],
  ['Acme Q3 revenue doubles, but losses widen', 'Acme'],
  ['Acme to raise Rs 2,000 crore via NCDs', 'Acme'],
  ['Acme gets Rs 500 crore loan from SBI', 'Acme'],
  ['Beta to acquire Acme for $2 billion in all-cash deal', 'Acme'],
  ['Acme agrees to be bought by Beta', 'Acme'],
  ['Beta wins bidding war for Acme', 'Acme'],
  ['Acme\'s rival Beta bags Rs 1,000 crore order', 'Acme'],
  ['Government picks Beta over Acme for Rs 5,000 crore contract', 'Acme'],
  ['Acme vendor Beta secures funding', 'Acme'],
  ['Acme may get Rs 600 crore order from Railways', 'Acme'],
  ['Acme said to have won Saudi contract', 'Acme'],
  ['Acme in race for Rs 3,000 crore defence deal', 'Acme'],
  ['Acme shortlisted for Navy submarine project', 'Acme'],
];

const SECOND_BATCH_CONGRATULATED: Row[] = [
  ['Acme bags repeat order worth Rs 250 crore from Tata Steel', 'Acme'],
  ['Acme wins contract to build Chennai metro stations', 'Acme'],
  ['Tata Power signs power purchase agreement with Maharashtra discom', 'Tata Power'],
  ['Acme commissions second blast furnace at Odisha plant', 'Acme'],
  ['Acme Pharmaceuticals Ltd receives USFDA approval for anti-diabetic drug', 'Acme Pharmaceuticals Ltd'],
  ['Acme launches India\'s first hydrogen-powered bus', 'Acme'],
  ['Acme raises Rs 400 crore in pre-IPO round', 'Acme'],
  ['Acme named Best Bank in India at Euromoney Awards', 'Acme'],
  ['Acme opens 50th showroom in Kerala', 'Acme'],
  ['Acme\'s Q2 net profit triples to Rs 120 crore', 'Acme'],
  ['Acme ties up with Google Cloud for AI services', 'Acme'],
  ['Acme Global Inc. opens new R&D centre in Bengaluru', 'Acme Global Inc.'],
  ['Acme receives Rs 700 crore order from Power Grid', 'Acme'],
  ['Acme India to hire 3,000 people this year', 'Acme'],
];

/**
 * Unseen headlines left wrong on purpose: the fix would be a rule for one phrasing. The test pins
 * today's answer so a later change that fixes one shows up here (move it to the lists above).
 * Row: [headline, company, expected, actual today, why it stays].
 */
const NOT_FIXED: Array<[title: string, name: string, expected: boolean, actual: boolean, why: string]> = [
  [
    'DLF sells homes worth Rs 7,200 crore in a day at new Gurugram project',
    'DLF',
    true,
    false,
    '"sells" is read as a divestiture frame; telling homes from a business needs a list of products',
  ],
];

/**
 * Rows whose expected decision changed on purpose with the "worth a note" rubric (issue 17;
 * test/data/worth-a-note/README.md): results count only when remarkable (a 96% rise is routine),
 * a listing debut is an IPO step, and a clause after a comma now keeps its subject.
 */
const CHANGED_BY_THE_RUBRIC: Array<[title: string, name: string, congratulate: boolean]> = [
  ['Suzlon Energy Q2 net profit jumps 96%', 'Suzlon Energy', false],
  ['Acme shares list at 40% premium on NSE', 'Acme', true],
  ['Acme Infra emerges winner in NHAI highway auction, bags Rs 1,100 cr project', 'Acme Infra', true],
];

describe('unseen headlines whose expected decision changed with the worth-a-note rubric', () => {
  it.each(CHANGED_BY_THE_RUBRIC)('%s [%s] → %s', (title, name, congratulate) => {
    const result = classifyHeadline({ title }, { name });
    expect(result.congratulate, result.reasons.join(' | ')).toBe(congratulate);
  });
});

describe('unseen headlines that must not be congratulated', () => {
  describe("someone else's win", () => check(SOMEONE_ELSES_WIN, false));
  describe('good-news words in bad news', () => check(GOOD_WORDS_BAD_NEWS, false));
  describe('deals where the company is bought, sold or merged', () => check(DEALS_NOT_OURS, false));
  describe('stock moves and analyst views', () => check(MARKET_MOVES, false));
  describe('Indian market phrasing', () => check(INDIAN_MARKET, false));
  describe('rumours, plans and questions', () => check(NOT_YET_NEWS, false));
  describe('second batch', () => check(SECOND_BATCH_NOT_CONGRATULATED, false));
});

describe('unseen headlines that should be congratulated', () => {
  describe('orders and contracts', () => check(ORDERS_AND_CONTRACTS, true));
  describe('plants, offices and jobs', () => check(PLANTS_OFFICES_JOBS, true));
  describe('approvals', () => check(APPROVALS, true));
  describe('launches and partnerships', () => check(LAUNCHES_AND_PARTNERSHIPS, true));
  describe('funding, listing and awards', () => check(FUNDING_LISTING_AWARDS, true));
  describe('results and milestones', () => check(RESULTS_AND_MILESTONES, true));
  describe('second batch', () => check(SECOND_BATCH_CONGRATULATED, true));
});

describe('unseen headlines not fixed (pinned to what the classifier says today)', () => {
  it.each(NOT_FIXED)('%s [%s] expected %s, gets %s', (title, name, _expected, actual) => {
    expect(classifyHeadline({ title }, { name }).congratulate).toBe(actual);
  });
});

describe('the cue families stay fast', () => {
  it('keep every regex source under the 20 KB past which V8 stops optimising a regex', () => {
    // Passing it made the classifier ~15x slower (4k instead of 70k headlines/s).
    for (const family of Object.values(CUES)) for (const part of family.parts) expect(part.regex.source.length).toBeLessThan(20 * 1024);
  });
});
