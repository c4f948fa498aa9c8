/** The HTTP app every runtime serves: the JSON API with the web app for people beside it. */
import type { Context } from 'hono';
import { createApi } from '../api/app.js';
import type { HttpDependencies } from '../http/context.js';
import { notFoundPage, webRoutes } from '../web/app.js';
import type { WebEnv } from '../web/session.js';

export function createHttpApp(deps: HttpDependencies): ReturnType<typeof createApi> {
  return createApi(deps, { routes: webRoutes(deps), notFoundPage: (c: Context) => notFoundPage(c as Context<WebEnv>) });
}
