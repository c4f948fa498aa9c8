/**
 * The API's reference: /openapi.json (OpenAPI 3.1, generated from the route schemas) and /docs,
 * Swagger UI served from the swagger-ui-dist package itself — no CDN, nothing fetched from
 * anywhere but this API when the page is viewed.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { errorBody } from '../../http/errors.js';
import type { ApiEnv } from '../context.js';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

// Inline scripts are blocked by the page's CSP, so the start-up code is a file of its own.
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#reference', validatorUrl: null, deepLinking: true });
});
`;

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>afterview API reference</title>
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
</head><body><div id="reference"></div>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/assets/init.js"></script>
</body></html>`;

const DOCS_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};

let assetDir: string | null | undefined;
function swaggerUiDir(): string | null {
  if (assetDir === undefined) {
    try {
      assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    } catch {
      // A bundle without the package (e.g. a trimmed Lambda build): /openapi.json still works.
      assetDir = null;
    }
  }
  return assetDir;
}

export function mountDocs(app: OpenAPIHono<ApiEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The API token from confirming a subscription or signing in.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'afterview API',
      version: '1.0.0',
      description:
        'After the interview: what to do today, and a ready-to-send congratulations note when the company has good news. Errors are {"error":{"code","message","details"?}}.',
    },
    tags: [
      { name: 'Subscriptions', description: 'Double opt-in by email; API tokens' },
      { name: 'Companies', description: 'Companies whose news is watched' },
      { name: 'Interviews', description: 'Interviews and what happened after them' },
      { name: 'Plan', description: 'What to do today' },
      { name: 'Account', description: 'Settings, export, deletion' },
      { name: 'Calendar', description: 'Your plan in your calendar app' },
      { name: 'Email links', description: 'The pages behind links in emails' },
    ],
  });

  app.get('/docs', (c) => {
    if (!swaggerUiDir()) return c.json(errorBody('not_found', 'the interactive reference is not bundled here; the document is at /openapi.json'), 404);
    return c.html(DOCS_PAGE, 200, DOCS_HEADERS);
  });
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const dir = swaggerUiDir();
    if (file === 'init.js') return c.body(INIT_SCRIPT, 200, { 'Content-Type': ASSETS['swagger-ui-bundle.js']!, ...DOCS_HEADERS });
    const type = ASSETS[file];
    if (!type || !dir) return c.json(errorBody('not_found', `no route for GET ${c.req.path}`), 404);
    const body = await readFile(join(dir, file));
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400', ...DOCS_HEADERS });
  });
}
