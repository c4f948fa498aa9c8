/**
 * The stand-ins the Lambda bundles get for entities and the SDK's credential chain
 * (lib/bundling/lambda-aliases.ts) do what the code that imports those packages needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaBundleAliases } from '../../lib/bundling/lambda-aliases.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const aliases = lambdaBundleAliases(ROOT);
const load = async (pkg: string) => (await import(pathToFileURL(aliases[`--alias:${pkg}`]!).href)) as Record<string, unknown>;

describe('Lambda bundle aliases', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names an existing module for each package', () => {
    expect(Object.keys(aliases).sort()).toEqual(['--alias:@aws-sdk/credential-provider-node', '--alias:entities', '--alias:zod']);
    for (const file of Object.values(aliases)) expect(path.isAbsolute(file)).toBe(true);
  });

  it('entities: the HTML decoder, the only function the product and rss-parser call', async () => {
    const { decodeHTML } = (await load('entities')) as { decodeHTML: (s: string) => string };
    expect(decodeHTML('Caf&eacute; &amp; Co &#8211; &zzz;')).toBe('Café & Co – &zzz;');
    const rssParser = path.join(ROOT, 'node_modules/rss-parser/lib');
    const uses = readdirSync(rssParser)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(path.join(rssParser, f), 'utf8').matchAll(/\bentities\.(\w+)/g)].map((m) => m[1]));
    expect(new Set(uses)).toEqual(new Set(['decodeHTML']));
  });

  it('credentials: the role credentials Lambda puts in the environment, and a clear failure without them', async () => {
    const { defaultProvider } = (await load('@aws-sdk/credential-provider-node')) as {
      defaultProvider: (init?: object) => () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
    };
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token');
    await expect(defaultProvider({})()).resolves.toMatchObject({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    await expect(defaultProvider({})()).rejects.toThrow(/environment variable credentials/);
  });
});
