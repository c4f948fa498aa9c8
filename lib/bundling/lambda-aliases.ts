/**
 * Modules the Lambda bundles get in place of others (esbuild `--alias`, see AfterviewFunction):
 * the same behaviour with less code to load at every cold start. What each saves is measured by
 * `npm run bundle-sizes`.
 *
 * - `zod`: zod without its ~40 unused locales (zod-without-locales.ts).
 * - `entities`: only the HTML decoder, the one function the product (functions/domain/feed) and
 *   rss-parser call. rss-parser depends on an older major of `entities`, so a bundle otherwise
 *   carries two copies, each with its encoders and entity maps.
 * - `@aws-sdk/credential-provider-node`: the environment-variable provider alone
 *   (lambda-credentials.mjs says why that is all Lambda needs).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { writeZodWithoutLocales } from './zod-without-locales.js';

/** The package → module substitutions, as esbuild arguments (`--alias:<package>` → absolute path). */
export function lambdaBundleAliases(projectRoot: string): Record<string, string> {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  // The ES module build of the decoder, what an `import` of entities/lib/decode.js resolves to
  // (require() resolves the CommonJS one beside it; the package exports no package.json).
  const entitiesDecoder = path.join(path.dirname(require.resolve('entities/lib/decode.js')), 'esm/decode.js');
  if (!existsSync(entitiesDecoder)) throw new Error(`entities has moved its decoder (${entitiesDecoder}): update lib/bundling/lambda-aliases.ts`);
  return {
    '--alias:zod': writeZodWithoutLocales(projectRoot),
    '--alias:entities': entitiesDecoder,
    '--alias:@aws-sdk/credential-provider-node': path.join(projectRoot, 'lib/bundling/lambda-credentials.mjs'),
  };
}
