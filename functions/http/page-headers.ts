/**
 * What every HTML page for people carries, on the API's emailed-link pages and in the web app
 * alike: pages are personal and change after every action, so they are never cached, never
 * framed, never indexed, and pass no Referer on (a page opened from an emailed link has its token
 * in the URL). Each surface states its own Content-Security-Policy.
 */
export function pageHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'X-Robots-Tag': 'noindex',
  };
}
