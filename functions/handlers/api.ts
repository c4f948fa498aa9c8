/** Lambda entry point behind API Gateway (HTTP API, payload v2): the same Hono app as local mode. */
import { handle } from 'hono/aws-lambda';
import { createApi } from '../api/app.js';
import { checkReadiness } from '../app/readiness.js';
import { coldStart } from './cold-start.js';

const services = coldStart('api');

export const handler = handle(
  createApi({
    ...services,
    // On AWS there is no mail catcher to check; SES answers for itself.
    readiness: () => checkReadiness(services.db, services.config.tableName),
  }),
);
