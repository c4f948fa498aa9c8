/**
 * One story reached through different tracking links is one story: the canonical link drops
 * campaign and click-tracking parameters and the fragment. Links are also put in emails, so only
 * absolute http(s) links survive (never javascript: or data:).
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking',
  'mkt_tok', 'ref_src', 'ref_url', 'cmpid', 'cmp', 's_kwcid', 'ocid', 'ncid', 'sr_share', 'smid', 'spm',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', 'feedname', 'at_medium', 'at_campaign', 'wt.mc_id',
  'wt_mc_id', 'soc_src', 'soc_trk',
]);

/** Google News article links are opaque redirect tokens: they are kept exactly as given. */
const OPAQUE_HOSTS = new Set(['news.google.com']);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || n.startsWith('mtm_') || TRACKING_PARAMS.has(n);
}

/**
 * The canonical form of an item link, resolved against `base` when it is relative.
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalLink(link: string | null | undefined, base?: string | null): string | null {
  const raw = link?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (OPAQUE_HOSTS.has(url.hostname)) return url.href;
  url.hash = '';
  const tracking = [...new Set(url.searchParams.keys())].filter(isTracking);
  // Re-serializing the query changes its encoding, so it is only touched when there is tracking.
  for (const name of tracking) url.searchParams.delete(name);
  // Deleting every parameter leaves a bare "?": drop it.
  return url.href.replace(/\?$/, '');
}
