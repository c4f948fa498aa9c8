/** Lambda entry point behind API Gateway (HTTP API, payload v2): the same Hono app as local mode. */
import { handle } from 'hono/aws-lambda';
import { coldStart } from '../wiring/lambda.js';
import { createHttpApp } from '../wiring/http-app.js';

// On AWS there is no mail catcher to check; SES answers for itself.
export const handler = handle(createHttpApp(coldStart('api')));
