/**
 * The one Hono app: served by Node in local mode and by the Lambda behind API Gateway.
 * Routes parse and validate, call a use case, and map errors in one place.
 */
import { Hono } from 'hono';
import type { Services } from '../app/services.js';
import { errorBody, toErrorResponse } from './errors.js';

export interface ApiDependencies extends Services {
  /** Whether the table and the mail service answer (local mode also checks the mail catcher). */
  readiness(): Promise<{ ok: boolean; problems: string[] }>;
}

export function createApi(deps: ApiDependencies): Hono {
  const app = new Hono();

  app.get('/health', async (c) => {
    const { ok, problems } = await deps.readiness();
    return ok ? c.json({ ok: true }) : c.json({ ok: false, problems }, 503);
  });

  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (!(err instanceof Error) || !('code' in err)) {
      deps.logger.error('request failed', { path: c.req.path, method: c.req.method, error: err instanceof Error ? err.message : String(err) });
    }
    return toErrorResponse(err, c);
  });
  return app;
}
