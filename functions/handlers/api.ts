/** Lambda entry point behind API Gateway (HTTP API, payload v2): the same Hono app as local mode. */
import type { Context } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
// The HTTP app first: its schemas extend zod's with OpenAPI metadata (@hono/zod-openapi), which
// must happen before any schema is built, and the services' imports build some.
import { createHttpApp } from '../wiring/http-app.js';
import { coldStart } from '../wiring/lambda.js';

const services = coldStart('api');
// On AWS there is no mail catcher to check; SES answers for itself.
const app = handle(createHttpApp(services));

export function handler(event: Parameters<typeof app>[0], context: Context): ReturnType<typeof app> {
  return services.invocation(context, () => app(event, context));
}
