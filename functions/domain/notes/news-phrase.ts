/**
 * What happened, in a few specific words of the product's own (DESIGN.md §2, "The note"): the
 * award's name, the place, the client or partner, the product, the figure a person would mention.
 * "Rolls-Royce Wins $9.2 Billion Order From Emirates Airline" → "the $9.2 billion order from
 * Emirates Airline"; "Bluefin Analytics to open Lisbon office" → "the new Lisbon office";
 * "APL Apollo Q3 net up 54 pc to Rs 13.01 cr" → "the 54% jump in third-quarter profit".
 *
 * Each event class has its own reading of the headline (and of the summary when the headline
 * yields nothing). A reading either finds something specific — words of the headline beyond the
 * company and the bare event word — or gives up, and the note then uses its general wording.
 * Unknown event classes always give up: a phrase is only written for news the writer understands.
 */
import { readHeadline, type HeadlineWords, type Token } from './headline-words.js';
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

/** The news, named. Both are noun phrases that start with "the" and fit after "congratulations on". */
export interface NewsPhrase {
  /** "the $40 million rail contract from the state of Ohio". */
  full: string;
  /** Shorter, for a subject line: "the $40 million rail contract". */
  short: string;
}

/** What the phrase is drawn from. */
export interface NewsToDescribe {
  title: string;
  summary?: string | null;
  /** The classifier's event class; unknown or null gives no phrase. */
  event: string | null;
}

/** Phrases stay short: a note mentions the news, it does not retell it. */
const MAX_PHRASE_WORDS = 14;
const MAX_SHORT_WORDS = 8;
/** Only the start of a summary is read: the news is in its first sentences. */
const SUMMARY_CHARS = 400;
/** Reported as expected, not done: "Q1 PAT seen up 48%" must not read as a result. */
const HEDGES = new Set(['seen', 'expected', 'estimated', 'likely', 'may', 'might', 'could', 'forecast', 'projected', 'eyes', 'mulls', 'considers', 'plans', 'proposed', 'talks', 'rumour', 'rumor', 'reportedly', 'poll']);

type Reading = (w: HeadlineWords) => NewsPhrase | null;

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function phrase(full: string, short?: string): NewsPhrase | null {
  const f = full.replace(/\s+/g, ' ').trim();
  let s = (short ?? full).replace(/\s+/g, ' ').trim();
  if (!f.startsWith('the ') || words(f) > MAX_PHRASE_WORDS) return null;
  if (!s.startsWith('the ')) s = f;
  // Too long for a subject: drop trailing prepositional phrases ("… of the BSE") until it fits.
  while (words(s) > MAX_SHORT_WORDS) {
    const cut = s.search(/\s(?:of|on|in|for|from|with|at|to|led by|and)\s(?!.*\s(?:of|on|in|for|from|with|at|to|led by|and)\s)/);
    if (cut <= 4) return null;
    s = s.slice(0, cut);
  }
  return { full: f, short: s };
}

const hedged = (w: HeadlineWords): boolean => w.tokens.some((t) => t.kind === 'word' && HEDGES.has(t.lower));

/** The complement after a head noun: "from Emirates Airline", "in Hungary", "for best mobile app". */
function complementAt(w: HeadlineWords, at: number, preps: Readonly<Record<string, string>>, max = 5): { text: string; np: NounPhrase } | null {
  const t = w.tokens[at];
  if (!t || t.kind !== 'word' || !(t.lower in preps)) return null;
  const np = nounPhraseAt(w.tokens, at + 1, max);
  if (!np || np.company) return null;
  // A phrase cut off by a truncated headline ("… To Drive ...") is not used.
  if (w.truncated && np.end >= w.tokens.length) return null;
  return { text: `${preps[t.lower]} ${writeNounPhrase(np)}`, np };
}

/** A head noun with its modifiers: "the $9.2 billion order". Empty when nothing qualifies it. */
function headWithModifiers(w: HeadlineWords, head: number, headText?: string, max = 4): { text: string; mods: Token[] } {
  const mods = modifiersBefore(w.tokens, head, max);
  const money = mods.filter((t) => t.kind === 'money');
  const rest = mods.filter((t) => t.kind !== 'money');
  const text = [...money.map((t) => t.text), writeTokens(rest), headText ?? w.tokens[head]!.text].filter(Boolean).join(' ');
  return { text, mods };
}

/** "worth Rs 1,122 crore" after a noun: the sum goes before it. */
function worthAt(w: HeadlineWords, at: number): { money: Token; end: number } | null {
  if (isWordToken(w.tokens[at], 'worth', 'valued') && w.tokens[at + 1]?.kind === 'money') return { money: w.tokens[at + 1]!, end: at + 2 };
  if (isWordToken(w.tokens[at], 'valued') && isWordToken(w.tokens[at + 1], 'at') && w.tokens[at + 2]?.kind === 'money') return { money: w.tokens[at + 2]!, end: at + 3 };
  return null;
}

/** The other side of a two-party event: the names before the verb that are not the company. */
function otherParty(w: HeadlineWords, before: number): string | null {
  const names: Token[][] = [[]];
  for (let i = 0; i < before; i += 1) {
    const t = w.tokens[i]!;
    if (t.company || (t.kind === 'punct' && t.lower === ',') || isWordToken(t, 'and', '&')) {
      if (names[names.length - 1]!.length) names.push([]);
      continue;
    }
    if (t.kind !== 'word' || !startsUpper(t) || endsPhrase(t) || FUNCTION_WORDS.has(t.lower)) {
      // "Belgian companies": a capitalised word before a common noun describes it; it is no name.
      if (t.kind === 'word' && /^\p{Ll}/u.test(t.text) && !endsPhrase(t) && !FUNCTION_WORDS.has(t.lower) && names[names.length - 1]!.length) names[names.length - 1]!.length = 0;
      if (names[names.length - 1]!.length) names.push([]);
      continue;
    }
    names[names.length - 1]!.push(t);
  }
  const found = names.filter((n) => n.length > 0 && n.length <= 4);
  if (found.length !== 1) return null;
  const name = found[0]!.filter((t) => !/^(?:inc|corp|corporation|ltd|plc|llc)\.?$/i.test(t.raw));
  return name.length ? writeNounPhrase({ tokens: name, hadThe: false }) : null;
}

// ------------------------------------------------------------------------------------------------
// Awards

const AWARD_HEADS = new Set(['award', 'awards', 'prize', 'prizes', 'medal', 'medals', 'honour', 'honours', 'honor', 'honors', 'trophy', 'accolade', 'accolades', 'title', 'certification', 'ranking']);
const AWARD_VERBS = new Set(['wins', 'win', 'won', 'winning', 'bags', 'scoops', 'takes', 'receives', 'received', 'earns', 'clinches', 'collects', 'picks', 'lands', 'secures', 'grabs', 'gets', 'awarded']);
const AWARD_PREPS = { for: 'for', at: 'at', in: 'in', from: 'from' } as const;

const readAward: Reading = (w) => {
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
    while (taken.length && x0(taken[taken.length - 1]!)) taken.pop();
    while (taken.length && isWordToken(taken[0], 'the', 'a', 'an')) taken.shift();
    if (taken.length === 0 || (w.truncated && at + taken.length >= t.length)) return null;
    const body = writeTokens(taken);
    return phrase(`${frame} ${body}`, words(body) <= 5 ? `${frame} ${body}` : 'the recognition');
  }
  return null;
};

/** A word that cannot end a phrase. */
function x0(t: Token): boolean {
  return t.kind === 'word' && FUNCTION_WORDS.has(t.lower) && !startsUpper(t);
}

// ------------------------------------------------------------------------------------------------
// Contracts and orders

const CONTRACT_HEADS = new Set(['contract', 'contracts', 'order', 'orders', 'deal', 'deals', 'project', 'projects', 'engagement', 'mandate', 'tender', 'mine', 'mines', 'block', 'blocks', 'work', 'account']);
const CONTRACT_PREPS = { from: 'from', with: 'with', by: 'from', for: 'for', in: 'in', at: 'at', to: 'to' } as const;
const CHOSEN_VERBS = new Set(['picks', 'selects', 'chooses', 'taps', 'hires', 'appoints', 'awards', 'gives', 'hands', 'ropes']);

const readContract: Reading = (w) => {
  const t = w.tokens;
  const head = findWord(t, CONTRACT_HEADS);
  if (head >= 0 && !(t[head]!.lower === 'work' && head === 0)) {
    let { text, mods } = headWithModifiers(w, head);
    let at = head + 1;
    if (isWordToken(t[at], 'win', 'wins')) at += 1;
    const worth = worthAt(w, at);
    let money = worth?.money;
    if (worth) at = worth.end;
    // "contract to build new Austin airport terminal".
    if (!worth && isWordToken(t[at], 'to') && t[at + 1]?.kind === 'word' && /^(?:build|design|supply|run|operate|develop|manage|maintain|modernise|modernize|upgrade|provide|deliver|install)$/.test(t[at + 1]!.lower)) {
      const object = nounPhraseAt(t, at + 2, 5, { keepNew: true });
      if (object && !object.company && !(w.truncated && object.end >= t.length)) {
        return phrase(`the ${text} to ${t[at + 1]!.lower} ${writeNounPhrase(object)}`, mods.length ? `the ${text}` : undefined);
      }
    }
    const compl = complementAt(w, at, CONTRACT_PREPS, 5);
    if (!money && compl) {
      const after = worthAt(w, compl.np.end);
      if (after) money = after.money;
    }
    if (money && !mods.some((m) => m.kind === 'money')) text = `${money.text} ${text}`;
    // "Pentagon awards Acme $40 million contract": the one who awarded it is the client.
    let client = compl ? ` ${compl.text}` : '';
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
  // "City of Austin picks Acme to build its new stadium".
  const chooser = findWord(t, CHOSEN_VERBS);
  if (chooser > 0 && t[chooser + 1]?.company) {
    const name = otherParty(w, chooser);
    if (name) return phrase(`the vote of confidence from ${name}`, `the ${name} win`);
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Expansion and hiring

const PLACE_HEADS = new Set([
  'office', 'offices', 'plant', 'plants', 'facility', 'facilities', 'factory', 'factories', 'centre', 'centres', 'center', 'centers',
  'campus', 'hub', 'hubs', 'store', 'stores', 'outlet', 'outlets', 'headquarters', 'hq', 'site', 'lab', 'labs', 'laboratory',
  'warehouse', 'branch', 'branches', 'base', 'showroom', 'showrooms', 'unit', 'mill', 'refinery', 'terminal', 'studio',
]);
const PLACE_PREPS = { in: 'in', at: 'at', near: 'near', for: 'for', outside: 'outside' } as const;
const MOVE_WORDS = new Set(['expands', 'expand', 'expansion', 'foray', 'forays', 'enters', 'enter', 'entry', 'moves', 'move', 'ventures', 'venture']);
const HIRE_VERBS = new Set(['hire', 'hires', 'hiring', 'recruit', 'recruits', 'recruiting', 'add', 'adds', 'adding', 'create', 'creates', 'creating']);
const JOB_WORDS = new Set(['jobs', 'roles', 'positions', 'people', 'staff', 'employees', 'engineers', 'workers', 'developers', 'graduates', 'professionals', 'scientists', 'techies']);

function readHiring(w: HeadlineWords): string | null {
  const t = w.tokens;
  const verb = findWord(t, HIRE_VERBS);
  if (verb < 0) return null;
  let at = verb + 1;
  if (isWordToken(t[at], 'over', 'about', 'nearly', 'up')) at += isWordToken(t[at], 'up') && isWordToken(t[at + 1], 'to') ? 2 : 1;
  const count = t[at];
  if (!count || count.kind !== 'number') return null;
  const np = nounPhraseAt(t, at + 1, 3);
  if (!np || !np.tokens.some((x) => JOB_WORDS.has(x.lower))) return null;
  const what = writeTokens(np.tokens);
  if (/^(?:jobs|roles|positions)$/.test(np.tokens[np.tokens.length - 1]!.lower) && np.tokens.length === 1) return `the ${count.text} new ${what}`;
  return `the plan to hire ${count.text} ${what}`;
}

const readExpansion: Reading = (w) => {
  const t = w.tokens;
  const hiring = readHiring(w);
  const head = findWord(t, PLACE_HEADS);
  if (head >= 0) {
    const withMods = headWithModifiers(w, head);
    let text = withMods.text;
    const mods = withMods.mods;
    // "to invest $500 million in Ohio battery plant": the sum belongs to the plant.
    const invest = findWord(t, ['invest', 'invests', 'investing'], 0, head);
    const sum = invest >= 0 && !mods.some((m) => m.kind === 'money') ? t.slice(invest + 1, head).find((x) => x.kind === 'money') : undefined;
    if (sum) text = `${sum.text} ${text}`;
    const compl = complementAt(w, head + 1, PLACE_PREPS, 5);
    if (mods.length > 0 || compl) {
      const place = `the new ${text}${compl ? ` ${compl.text}` : ''}`;
      const short = `the new ${text}`;
      const withHiring = hiring ? phrase(`${place} and ${hiring}`, mods.length ? short : place) : null;
      return withHiring ?? phrase(place, mods.length ? short : undefined);
    }
  }
  const move = findWord(t, MOVE_WORDS);
  const prepAfterMove = move >= 0 && isWordToken(t[move + 1], 'into', 'in', 'to');
  if (move >= 0 && (prepAfterMove || t[move]!.lower.startsWith('enter'))) {
    const at = prepAfterMove ? move + 2 : move + 1;
    const np = nounPhraseAt(t, at, 4);
    if (np && !np.company && !(w.truncated && np.end >= t.length)) {
      const where = writeNounPhrase(np);
      const noun = t[move]!.lower.startsWith('expan') ? 'expansion' : 'move';
      return phrase(`the ${noun} into ${where}`);
    }
  }
  const invest = findWord(t, ['invest', 'invests', 'investing', 'investment']);
  if (invest >= 0) {
    const money = t.slice(invest + 1, invest + 3).find((x) => x.kind === 'money') ?? t.slice(Math.max(0, invest - 2), invest).find((x) => x.kind === 'money');
    if (money) {
      const at = t.indexOf(money) + 1;
      const compl = isWordToken(t[at], 'in', 'for') ? nounPhraseAt(t, at + 1, 4) : null;
      if (compl && !compl.company && /^expan/.test(compl.tokens[compl.tokens.length - 1]!.lower)) return phrase(`the ${money.text} expansion plan`);
      return phrase(`the ${money.text} investment${compl && !compl.company ? ` in ${writeNounPhrase(compl)}` : ''}`, `the ${money.text} investment`);
    }
  }
  return hiring ? phrase(hiring) : null;
};

// ------------------------------------------------------------------------------------------------
// Funding

const ROUND_WORDS = new Set(['funding', 'round', 'financing', 'investment', 'capital', 'equity', 'venture', 'pe', 'seed', 'pre-seed', 'series', 'growth', 'backing', 'debt', 'bonds', 'bond', 'debentures', 'loan', 'facility']);

const readFunding: Reading = (w) => {
  const t = w.tokens;
  const moneyAt = t.findIndex((x) => x.kind === 'money');
  if (moneyAt >= 0) {
    const money = t[moneyAt]!;
    let at = moneyAt + 1;
    if (isWordToken(t[at], 'in', 'of')) at += 1;
    const round: Token[] = [];
    for (let i = at; i < t.length && round.length < 3; i += 1) {
      const x = t[i]!;
      if (x.kind === 'word' && (ROUND_WORDS.has(x.lower) || (isWordToken(t[i - 1], 'series') && /^[a-h]\d?$/i.test(x.raw)) || x.lower === 'fresh')) {
        if (x.lower !== 'fresh') round.push(x);
      } else break;
    }
    let tail = at + round.length;
    const led = isWordToken(t[tail], 'led') && isWordToken(t[tail + 1], 'by') ? nounPhraseAt(t, tail + 2, 4) : null;
    const from = !led && isWordToken(t[tail], 'from') ? nounPhraseAt(t, tail + 1, 4) : null;
    const backers = led && !led.company ? ` led by ${writeNounPhrase(led)}` : from && !from.company ? ` from ${writeNounPhrase(from)}` : '';
    if (round.length) {
      const r = writeTokens(round);
      const kind = round[0]!.lower;
      const named = /^(?:series|seed|pre-seed)$/.test(kind);
      // "$12m in seed funding" → "the $12 million seed round"; "Series C" → "Series C round".
      const noun = named ? `${writeTokens(round.filter((x) => !/^(?:funding|financing|round)$/.test(x.lower)))} round` : r;
      return phrase(`the ${money.text} ${noun}${backers}`, `the ${money.text} ${noun}`);
    }
    return phrase(`the ${money.text} in new funding${backers}`, `the ${money.text} raise`);
  }
  // "Acme closes Series B led by Sequoia".
  const series = findWord(t, ['series']);
  if (series >= 0 && /^[a-h]\d?$/i.test(t[series + 1]?.raw ?? '')) {
    const name = `Series ${t[series + 1]!.raw.toUpperCase()}`;
    let at = series + 2;
    while (isWordToken(t[at], 'funding', 'round', 'financing')) at += 1;
    const led = isWordToken(t[at], 'led') && isWordToken(t[at + 1], 'by') ? nounPhraseAt(t, at + 2, 4) : null;
    return phrase(`the ${name} round${led && !led.company ? ` led by ${writeNounPhrase(led)}` : ''}`, `the ${name} round`);
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Launches

const LAUNCH_VERBS = new Set(['launches', 'launch', 'launched', 'launching', 'unveils', 'unveil', 'unveiled', 'introduces', 'introduce', 'introduced', 'rolls', 'releases', 'release', 'released', 'debuts', 'unwraps', 'showcases', 'ships', 'opens']);
const LAUNCH_PREPS = { in: 'in', for: 'for', at: 'at' } as const;

const readLaunch: Reading = (w) => {
  const t = w.tokens;
  const verb = findWord(t, LAUNCH_VERBS);
  if (verb < 0) return null;
  let at = verb + 1;
  if (isWordToken(t[at], 'out', 'off')) at += 1;
  const np = nounPhraseAt(t, at, 5, { keepNew: true });
  if (!np || np.company || (w.truncated && np.end >= t.length)) return null;
  const meaningful = np.tokens.filter((x) => !(x.kind === 'word' && (HYPE_WORDS.has(x.lower) || FUNCTION_WORDS.has(x.lower))));
  if (meaningful.length === 0 || (meaningful.length === 1 && /^(?:product|products|service|services|app|platform|range|version|offering)$/.test(meaningful[0]!.lower))) return null;
  const product = writeNounPhrase(np);
  let compl = complementAt(w, np.end, LAUNCH_PREPS, 4);
  if (compl && compl.np.tokens.every((x) => x.kind !== 'word' || !startsUpper(x)) && !/^for /.test(compl.text)) compl = null;
  return phrase(`the launch of ${product}${compl ? ` ${compl.text}` : ''}`, `the launch of ${product}`);
};

// ------------------------------------------------------------------------------------------------
// Milestones

const PASS_VERBS = new Set(['crosses', 'passes', 'hits', 'reaches', 'tops', 'surpasses', 'achieves', 'clocks', 'crossed', 'passed', 'reached', 'hit', 'topped', 'surpassed']);
const FIND_VERBS = new Set(['strikes', 'discovers', 'finds', 'struck', 'discovered', 'found']);
const DONE_VERBS = new Set(['completes', 'completed', 'delivers', 'delivered', 'rolls', 'ships', 'shipped', 'sets', 'breaks']);

const readMilestone: Reading = (w) => {
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
// Partnerships

const PARTNER_HEADS = new Set(['partnership', 'partnerships', 'alliance', 'pact', 'mou', 'memorandum', 'memo', 'agreement', 'agreements', 'deal', 'deals', 'tie-up', 'jv', 'venture', 'collaboration', 'contract']);
const PARTNER_VERBS = new Set(['partners', 'partner', 'teams', 'team', 'ties', 'tie', 'joins', 'join', 'collaborates', 'allies', 'partnering', 'teaming', 'tying']);
const PARTNER_HEAD_TEXT: Record<string, string> = { jv: 'joint venture', mou: 'MoU', 'tie-up': 'tie-up' };

function partnerAfterWith(w: HeadlineWords, at: number, subjectEnd: number): string | null {
  if (!isWordToken(w.tokens[at], 'with')) return null;
  const np = nounPhraseAt(w.tokens, at + 1, 5);
  if (!np) return null;
  if (np.company) return otherParty(w, subjectEnd);
  const kept = np.tokens.filter((x) => !/^(?:inc|corp|corporation|ltd|plc|llc)\.?$/i.test(x.raw));
  return kept.length ? writeNounPhrase({ tokens: kept, hadThe: np.hadThe }) : null;
}

function purposeAt(w: HeadlineWords, at: number): string {
  if (!isWordToken(w.tokens[at], 'for')) return '';
  const np = nounPhraseAt(w.tokens, at + 1, 4);
  if (!np || np.company || (w.truncated && np.end >= w.tokens.length)) return '';
  return ` for ${writeNounPhrase(np)}`;
}

const readPartnership: Reading = (w) => {
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
    const mods = modifiersBefore(t, head, 3).filter((m) => !(m.lower === 'joint' && headText === 'joint venture'));
    const modText = writeTokens(mods);
    const subjectEnd = Math.max(0, findWord(t, ['sign', 'signs', 'signed', 'ink', 'inks', 'inked', 'form', 'forms', 'forming', 'enter', 'enters', 'extends', 'extend', 'strike', 'strikes', 'seal', 'seals', 'to'], 0, head));
    const partner = partnerAfterWith(w, after, subjectEnd || head) ?? (isWordToken(t[after], 'with') ? null : otherParty(w, subjectEnd || head));
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
    if (!partner) return null;
    const end = nounPhraseAt(t, at + 1, 5)?.end ?? at;
    return phrase(`the partnership with ${partner}${purposeAt(w, end)}`, `the partnership with ${partner}`);
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Acquisitions

const BUY_VERBS = new Set(['buy', 'buys', 'bought', 'buying', 'acquire', 'acquires', 'acquired', 'acquiring', 'purchase', 'purchases', 'snaps', 'takes', 'adds']);
const SELL_VERBS = new Set(['sells', 'sell', 'sold', 'selling', 'divests', 'offloads']);

function priceAfter(w: HeadlineWords, from: number): Token | null {
  for (let i = from; i < Math.min(w.tokens.length, from + 6); i += 1) {
    const x = w.tokens[i]!;
    if (x.kind === 'money') return x;
    if (x.kind === 'punct') break;
  }
  return null;
}

function acquired(w: HeadlineWords, np: NounPhrase, seller: string | null): NewsPhrase | null {
  const target = writeNounPhrase(np, { definite: true });
  const price = priceAfter(w, np.end);
  const from = seller ? ` from ${seller}` : '';
  const short = np.tokens.every((x) => startsUpper(x) || x.kind !== 'word' || FUNCTION_WORDS.has(x.lower)) && np.tokens.length <= 3 ? `the ${target} acquisition` : `the acquisition of ${target}`;
  return phrase(`the ${price ? `${price.text} ` : ''}acquisition of ${target}${from}`, short);
}

const readAcquisition: Reading = (w) => {
  const t = w.tokens;
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
    const np = nounPhraseAt(t, at, 5);
    if (np && !np.company && !(w.truncated && np.end >= t.length)) {
      const keep = { ...np, tokens: np.tokens.filter((x) => !(x.kind === 'word' && HYPE_WORDS.has(x.lower))) };
      if (keep.tokens.length) return acquired(w, keep, null);
    }
  }
  const of = findWord(t, ['acquisition', 'takeover', 'purchase']);
  if (of >= 0 && isWordToken(t[of + 1], 'of')) {
    const np = nounPhraseAt(t, of + 2, 5);
    if (np && !np.company) return acquired(w, np, null);
  }
  return null;
};

// ------------------------------------------------------------------------------------------------
// Listings

const IPO_WORDS = new Set(['ipo', 'ipos', 'listing', 'debut', 'flotation', 'float', 'offering']);
const LIST_VERBS = new Set(['lists', 'list', 'listed', 'listing', 'debuts', 'debut', 'floats', 'float', 'trades']);

const readIpo: Reading = (w) => {
  const t = w.tokens;
  const ipo = findWord(t, IPO_WORDS);
  if (ipo >= 0) {
    const raise = findWord(t, ['raise', 'raises', 'mop'], ipo, ipo + 6);
    const money = modifiersBefore(t, ipo, 3).find((x) => x.kind === 'money') ?? (raise > 0 ? priceAfter(w, raise + 1) : null) ?? (isWordToken(t[ipo + 1], 'of') ? priceAfter(w, ipo + 2) : null);
    const ipoText = t[ipo]!.lower.startsWith('ipo') ? 'IPO' : t[ipo]!.text;
    // "IPO oversubscribed 8.41 times", "IPO three times oversubscribed".
    for (let i = ipo + 1; i < Math.min(t.length, ipo + 6); i += 1) {
      const x = t[i]!;
      if (x.kind === 'word' && /^(?:over-?)?subscribed$/.test(x.lower)) {
        const by = isWordToken(t[i + 1], 'by') ? 1 : 0; // "over-subscribed by two times"
        const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
        const after = t[i + 1 + by];
        const times = (after?.kind === 'number' || isWordToken(after, ...COUNT_WORDS)) && isWordToken(t[i + 2 + by], 'times') ? after! : t[i - 2]?.kind === 'number' && isWordToken(t[i - 1], 'times') ? t[i - 2]! : null;
        const countWord = !times && isWordToken(t[i - 2], ...COUNT_WORDS) && isWordToken(t[i - 1], 'times') ? t[i - 2]! : null;
        const n = times ?? countWord;
        const base = `the ${money ? `${money.text} ` : ''}${ipoText}`;
        if (n) return phrase(`${base}, oversubscribed ${n.text} times`, base);
        if (isWordToken(t[i - 1], 'fully')) return phrase(`the fully subscribed ${money ? `${money.text} ` : ''}${ipoText}`, base);
      }
    }
    if (money) return phrase(`the ${money.text} ${ipoText}`);
    // "prices IPO at Rs 1,050 per share".
    const priced = findWord(t, ['prices', 'priced', 'pricing']);
    if (priced >= 0 && priced < ipo + 2 && isWordToken(t[ipo + 1], 'at') && t[ipo + 2]?.kind === 'money') {
      return phrase(`the ${ipoText}, priced at ${t[ipo + 2]!.text} a share`, `the ${ipoText}`);
    }
    if (isWordToken(t[ipo + 1], 'papers', 'filing', 'prospectus') || findWord(t, ['files', 'filed', 'file'], 0, ipo) >= 0) {
      const withWho = findWord(t, ['with'], ipo);
      const np = withWho >= 0 ? nounPhraseAt(t, withWho + 1, 3) : null;
      if (np && !np.company) return phrase(`the ${ipoText} filing with ${writeNounPhrase(np)}`, `the ${ipoText} filing`);
    }
  }
  const list = findWord(t, LIST_VERBS);
  // "lists at Rs 222, a 23% premium to issue price".
  const premium = findWord(t, ['premium']);
  if (list >= 0 && premium > 0 && t[premium - 1]?.kind === 'percent') return phrase(`the listing at a ${t[premium - 1]!.text} premium`);
  const on = list >= 0 ? findWord(t, ['on'], list, list + 3) : -1;
  if (on >= 0) {
    const np = nounPhraseAt(t, on + 1, 5);
    const dated = np !== null && monthOf(np.tokens[0]!.lower) !== null;
    if (np && !np.company && !dated && !np.tokens.some((x) => x.lower === 'bourses' || x.lower === 'debut')) {
      const noun = t[list]!.lower.startsWith('debut') ? 'debut' : 'listing';
      return phrase(`the ${noun} on ${writeNounPhrase(np)}`);
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

const readApproval: Reading = (w) => {
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
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthOf = (word: string): string | null => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const m = MONTHS.find((name) => name.startsWith(w) && (w.length >= 3 || name === w));
  return m ? m.charAt(0).toUpperCase() + m.slice(1) : null;
};

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

const readResults: Reading = (w) => {
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

const READINGS: Readonly<Record<string, Reading>> = {
  award: readAward,
  'contract-win': readContract,
  expansion: readExpansion,
  hiring: (w) => {
    const hiring = readHiring(w);
    return hiring ? phrase(hiring) : readExpansion(w);
  },
  funding: readFunding,
  'product-launch': readLaunch,
  milestone: readMilestone,
  'strong-results': readResults,
  partnership: readPartnership,
  acquisition: readAcquisition,
  ipo: readIpo,
  'regulatory-approval': readApproval,
};

/** The event classes the writer has a reading for. */
export const DESCRIBED_EVENTS: readonly string[] = Object.keys(READINGS);

/** The first sentences of a summary, each read like a headline. */
function summarySentences(summary: string): string[] {
  return summary
    .slice(0, SUMMARY_CHARS)
    .split(/(?<=[a-z0-9)%][.!?])\s+(?=[A-Z"“])/)
    .slice(0, 2)
    .map((s) => s.replace(/[.!?]+$/, ''))
    .filter((s) => s.length > 20);
}

/**
 * Names the news specifically for a note to the watched company's interviewer, or null when
 * nothing specific can be said safely (the note then uses its general wording for the event).
 */
export function describeNews(news: NewsToDescribe, company: string): NewsPhrase | null {
  const read = news.event ? READINGS[news.event] : undefined;
  if (!read) return null;
  const sources = [news.title, ...(news.summary ? summarySentences(news.summary) : [])];
  for (const source of sources) {
    if (!source || !source.trim()) continue;
    const w = readHeadline(source, company);
    if (w.tokens.length === 0) continue;
    const found = read(w);
    if (found) return tidy(found);
  }
  return null;
}

/** Final touches: no doubled articles or spaces, no dangling comma. */
function tidy(p: NewsPhrase): NewsPhrase {
  const fix = (s: string) =>
    s
      .replace(/(?<![\p{L}\p{N}])(\p{L}+) \1(?![\p{L}\p{N}])/giu, '$1')
      .replace(/\bthe new new\b/g, 'the new')
      .replace(/\bthe new latest\b/g, 'the latest')
      .replace(/\s+,/g, ',')
      .replace(/[,;:\s-]+$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return { full: fix(p.full), short: fix(p.short) };
}

