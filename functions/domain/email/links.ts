/**
 * Which links an email or a page may carry. Feed items and user input end up in links, so
 * anything that is not a plain web or mailto: address (javascript:, data:, a URL with spaces or
 * quotes in it) is never made clickable.
 */

/** The URL if it is http(s) — or mailto, unless `allowMailto` is false — else null. */
export function safeHref(url: string | null | undefined, { allowMailto = true }: { allowMailto?: boolean } = {}): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  const scheme = allowMailto ? /^(https?:\/\/|mailto:)/i : /^https?:\/\//i;
  if (!scheme.test(trimmed) || /[\s<>"]/.test(trimmed)) return null;
  return trimmed;
}
