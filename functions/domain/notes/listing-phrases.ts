/** Readings of a listing and the steps to it. */
import { findWord, isWordToken, modifiersBefore, nounPhraseAt, writeNounPhrase } from './noun-phrases.js';
import { monthOf, phrase, priceAfter, type Reading } from './phrase-parts.js';

// ------------------------------------------------------------------------------------------------
// Listings

const IPO_WORDS = new Set(['ipo', 'ipos', 'listing', 'debut', 'flotation', 'float', 'offering']);
const LIST_VERBS = new Set(['lists', 'list', 'listed', 'listing', 'debuts', 'debut', 'floats', 'float', 'trades']);

export const readIpo: Reading = (w) => {
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

