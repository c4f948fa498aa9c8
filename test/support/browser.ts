/**
 * A tiny browser for the web app's integration tests: keeps cookies, sends the Origin a same-site
 * form post carries, posts forms (urlencoded, or multipart with files) to the app in process.
 */
import { PUBLIC_URL, type ApiHarness } from '../integration/api-harness.js';

export class Browser {
  cookies = new Map<string, string>();
  constructor(
    private readonly h: ApiHarness,
    private readonly base = PUBLIC_URL,
  ) {}

  async request(method: 'GET' | 'POST', path: string, form?: Record<string, string> | FormData, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { accept: 'text/html', ...headers };
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | FormData | undefined;
    if (form instanceof FormData) {
      // A file upload: the request sets the multipart content type and its boundary itself.
      body = form;
      h.origin ??= this.base;
    } else if (form) {
      body = new URLSearchParams(form).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
      h.origin ??= this.base;
    }
    const res = await this.h.app.request(`${this.base}${path}`, { method, headers: h, body }, { requestContext: { http: { sourceIp: '198.51.100.9' } } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (/max-age=0/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, value ?? '');
    }
    return res;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, form: Record<string, string> | FormData, headers?: Record<string, string>) => this.request('POST', path, form, headers);

  /** GETs a page and returns its form token. */
  async csrf(path: string): Promise<string> {
    const page = await (await this.get(path)).text();
    const token = page.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!token) throw new Error(`no form token on ${path}`);
    return token;
  }
}

/** The path and query of the first link in a mail's text that goes to `path` on the web app. */
export function webLink(text: string, path: string): string {
  const match = text.match(new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}\\?token=[A-Za-z0-9_%-]+`));
  if (!match) throw new Error(`no ${path} link in: ${text.slice(0, 300)}`);
  return match[0].slice(PUBLIC_URL.length);
}

/** A confirmed subscriber signed in through the web's email link. */
export async function signedInByEmail(h: ApiHarness, address: string): Promise<{ browser: Browser; token: string; subscriberId: string }> {
  const { token, subscriberId } = await h.signUp(address);
  const browser = new Browser(h);
  await browser.post('/sign-in', { _csrf: await browser.csrf('/sign-in'), email: address });
  const mail = (await h.mailTo(address)).find((m) => m.subject.includes('sign-in'))!;
  const landing = webLink(mail.body.text ?? '', '/sign-in/confirm');
  const page = await (await browser.get(landing)).text();
  await browser.post('/sign-in/confirm', {
    _csrf: page.match(/name="_csrf" value="([^"]+)"/)![1]!,
    token: decodeURIComponent(landing.split('token=')[1]!),
  });
  return { browser, token, subscriberId };
}
