/** Readings of growth: new places and markets, hiring, funding, launches. */
import type { HeadlineWords, Token } from './headline-words.js';
import { findWord, isWordToken, nounPhraseAt, startsUpper, writeNounPhrase, writeTokens } from './noun-phrases.js';
import { FUNCTION_WORDS, HYPE_WORDS } from './vocabulary.js';
import { complementAt, headWithModifiers, phrase, type NewsPhrase, type Reading } from './phrase-parts.js';

// ------------------------------------------------------------------------------------------------
// Expansion and hiring

const PLACE_HEADS = new Set([
  'office', 'offices', 'plant', 'plants', 'facility', 'facilities', 'factory', 'factories', 'centre', 'centres', 'center', 'centers',
  'campus', 'hub', 'hubs', 'store', 'stores', 'outlet', 'outlets', 'headquarters', 'hq', 'site', 'lab', 'labs', 'laboratory',
  'warehouse', 'branch', 'branches', 'base', 'showroom', 'showrooms', 'unit', 'mill', 'refinery', 'terminal', 'studio',
]);
const PLACE_PREPS = { in: 'in', at: 'at', near: 'near', for: 'for', outside: 'outside' } as const;
const MOVE_WORDS = new Set(['expands', 'expand', 'expansion', 'foray', 'forays', 'enters', 'enter', 'entry', 'moves', 'move', 'ventures', 're-enters', 'reenters']);
const RETURN_WORDS = new Set(['returns', 'return', 'returned', 'returning', 'comeback']);
/** "debuts in Delhi", "launches operations in Egypt", "gains foothold in Brazil": arriving in a place. */
const ARRIVAL_WORDS: Readonly<Record<string, string>> = {
  debut: 'debut', debuts: 'debut', debuted: 'debut', arrives: 'arrival', arrived: 'arrival', operations: 'launch of operations', foothold: 'new foothold', presence: 'new presence',
};
/** What a company expands that is not a place: "expands capacity at Nashik unit". */
const GROWN_THINGS = new Set(['capacity', 'production', 'footprint', 'presence', 'operations', 'network', 'portfolio', 'reach', 'fleet']);
/** Company forms that are new places of business when set up abroad: "sets up subsidiary in Singapore". */
const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))$/i;
const ENTITY_HEADS = new Set(['subsidiary', 'subsidiaries', 'arm', 'entity']);
const COMMISSIONED = new Set(['capacity', 'plant', 'unit', 'line', 'project', 'farm', 'park', 'reactor', 'furnace', 'turbine', 'substation', 'pipeline', 'mill', 'refinery', 'terminal']);
const HIRE_VERBS = new Set(['hire', 'hires', 'hired', 'recruited', 'hiring', 'recruit', 'recruits', 'recruiting', 'add', 'adds', 'adding', 'create', 'creates', 'creating']);
/** Hiring told as done ("hires", "hired"), not planned. */
const HIRED = new Set(['hires', 'hired', 'recruits', 'recruited']);
const JOB_WORDS = new Set(['jobs', 'roles', 'positions', 'people', 'staff', 'employees', 'engineers', 'workers', 'developers', 'graduates', 'professionals', 'scientists', 'techies']);

export function readHiring(w: HeadlineWords): string | null {
  const t = w.tokens;
  const verb = findWord(t, HIRE_VERBS);
  if (verb < 0) return null;
  let at = verb + 1;
  if (isWordToken(t[at], 'over', 'about', 'nearly', 'up')) at += isWordToken(t[at], 'up') && isWordToken(t[at + 1], 'to') ? 2 : 1;
  const count = t[at];
  if (!count || count.kind !== 'number') return null;
  const np = nounPhraseAt(t, at + 1, 3);
  // "to hire 3,000 this year": a count of people with no noun.
  const when = isWordToken(t[at + 1], 'this', 'next') && isWordToken(t[at + 2], 'year', 'month', 'quarter', 'fiscal') ? ` ${t[at + 1]!.lower} ${t[at + 2]!.lower}` : '';
  // "hires 500 engineers" is done; "to hire", "will hire", "hiring" are plans.
  const done = HIRED.has(t[verb]!.lower) && !isWordToken(t[verb - 1], 'to', 'will');
  const hire = (people: string) => (done ? `the hiring of ${count.text} ${people}` : `the plan to hire ${count.text} ${people}`);
  if (['hire', 'hires', 'hiring', 'recruit', 'recruits', 'recruiting'].includes(t[verb]!.lower) && (when || at + 1 >= t.length)) return `${hire('people')}${when}`;
  if (!np || !np.tokens.some((x) => JOB_WORDS.has(x.lower))) return null;
  const what = writeTokens(np.tokens);
  if (/^(?:jobs|roles|positions)$/.test(np.tokens[np.tokens.length - 1]!.lower) && np.tokens.length === 1) return `the ${count.text} new ${what}`;
  return hire(what);
}

/** "debuts in Mumbai", "launches operations in Egypt", "makes debut in Kenya with Nairobi store". */
function readArrival(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const at = t.findIndex((x, i) => x.kind === 'word' && !x.company && x.lower in ARRIVAL_WORDS && isWordToken(t[i + 1], 'in', 'into'));
  if (at < 0) return null;
  const np = nounPhraseAt(t, at + 2, 4);
  if (!np || np.company || !startsUpper(np.tokens[0]!) || (w.truncated && np.end >= t.length)) return null;
  const noun = ARRIVAL_WORDS[t[at]!.lower]!;
  // "… with Nairobi store": the first place there.
  const store = isWordToken(t[np.end], 'with') ? findWord(t, PLACE_HEADS, np.end + 1, np.end + 4) : -1;
  const first = store >= 0 ? headWithModifiers(w, store) : null;
  const base = `the ${noun} in ${writeNounPhrase(np)}`;
  return phrase(first && first.mods.length ? `${base} with the new ${first.text}` : base, base);
}

/** "expands capacity at Nashik unit" → "the capacity expansion at the Nashik unit"; "expand to 74 outlets". */
function readGrowth(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const verb = findWord(t, ['expands', 'expand', 'expanded', 'expanding', 'doubles', 'doubled', 'triples', 'tripled', 'increases', 'increased', 'boosts', 'boosted', 'ramps']);
  if (verb < 0) return null;
  let at = verb + 1;
  if (isWordToken(t[at], 'up')) at += 1;
  if (isWordToken(t[at], 'its', 'their')) at += 1;
  // "to expand nine-fold to 74 outlets".
  if (t[at]?.kind === 'fold') at += 1;
  if (isWordToken(t[at], 'to') && t[at + 1]?.kind === 'number') {
    const np = nounPhraseAt(t, at + 1, 3);
    if (np && PLACE_HEADS.has(np.tokens[np.tokens.length - 1]!.lower)) return phrase(`the expansion to ${writeTokens(np.tokens)}`);
  }
  const thing = t[at];
  if (!thing || !isWordToken(thing) || !GROWN_THINGS.has(thing.lower)) return null;
  const compl = complementAt(w, at + 1, { at: 'at', in: 'in', to: 'to', across: 'across' }, 4);
  const grown = thing.lower === 'presence' || thing.lower === 'footprint' ? `the growing ${thing.lower}` : `the ${thing.lower} expansion`;
  return phrase(`${grown}${compl ? ` ${compl.text}` : ''}`, grown);
}

/** "commissions 450 MW capacity at Jajpur" → "the new 450 MW capacity at Jajpur". */
function readCommissioned(w: HeadlineWords): NewsPhrase | null {
  const t = w.tokens;
  const verb = findWord(t, ['commissions', 'commissioned', 'commission', 'operationalises', 'operationalizes']);
  if (verb < 0) return null;
  const np = nounPhraseAt(t, verb + 1, 5);
  if (!np || np.company || !COMMISSIONED.has(np.tokens[np.tokens.length - 1]!.lower)) return null;
  const compl = complementAt(w, np.end, PLACE_PREPS, 4);
  const what = `the new ${writeTokens(np.tokens.filter((x) => !isWordToken(x, 'new')))}`;
  return phrase(`${what}${compl ? ` ${compl.text}` : ''}`, what);
}

export const readExpansion: Reading = (w) => {
  const t = w.tokens;
  const hiring = readHiring(w);
  const early = readArrival(w) ?? readGrowth(w) ?? readCommissioned(w);
  if (early) return early;
  const entity = findWord(t, ENTITY_HEADS);
  if (entity >= 0) {
    const compl = complementAt(w, entity + 1, { in: 'in', for: 'for' }, 4);
    if (compl && startsUpper(compl.np.tokens[0]!)) return phrase(`the new ${t[entity]!.lower.replace(/ies$/, 'y')} ${compl.text}`);
  }
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
      // "the 500th store", "the first European factory": an ordinal says it is new already.
      const the = ORDINAL.test(text.split(' ')[0]!) ? 'the' : 'the new';
      const place = `${the} ${text}${compl ? ` ${compl.text}` : ''}`;
      const short = `${the} ${text}`;
      const withHiring = hiring ? phrase(`${place} and ${hiring}`, mods.length ? short : place) : null;
      return withHiring ?? phrase(place, mods.length ? short : undefined);
    }
  }
  for (let move = findWord(t, MOVE_WORDS); move >= 0; move = findWord(t, MOVE_WORDS, move + 1)) {
    const prepAfterMove = isWordToken(t[move + 1], 'into', 'in', 'to');
    if (!prepAfterMove && !/^(?:re-?)?enter/.test(t[move]!.lower)) continue;
    const at = prepAfterMove ? move + 2 : move + 1;
    const np = nounPhraseAt(t, at, 4);
    if (np && !np.company && !(w.truncated && np.end >= t.length)) {
      const where = writeNounPhrase(np);
      const noun = t[move]!.lower.startsWith('expan') ? 'expansion' : /^re-?enter/.test(t[move]!.lower) ? 'return' : 'move';
      return phrase(`the ${noun} ${noun === 'return' ? 'to' : 'into'} ${where}`);
    }
  }
  // "returns to South African market", "makes comeback in Indian market".
  const back = findWord(t, RETURN_WORDS);
  if (back >= 0 && isWordToken(t[back + 1], 'to', 'in')) {
    const np = nounPhraseAt(t, back + 2, 4);
    const last = np?.tokens[np.tokens.length - 1];
    if (np && !np.company && last && (startsUpper(last) || /^(?:market|markets|business|segment|space|sector)$/.test(last.lower)) && !/^(?:profit|profits|black|growth)$/.test(last.lower)) {
      return phrase(`the return to ${writeNounPhrase(np)}`);
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

export const readFunding: Reading = (w) => {
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

export const readLaunch: Reading = (w) => {
  const t = w.tokens;
  // "rallies on launch of new search app".
  const nominal = findWord(t, ['launch', 'release', 'unveiling', 'rollout']);
  const verb = nominal >= 0 && isWordToken(t[nominal + 1], 'of') ? nominal + 1 : findWord(t, LAUNCH_VERBS);
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

