/** Lambda entry point for SES bounces and complaints (EventBridge rule on the default bus). */
import type { Context } from 'aws-lambda';
import { handleSesEvent } from '../app/suppression/handle-ses-event.js';
import { coldStart } from '../wiring/lambda.js';

const services = coldStart('ses-events');

export async function handler(event: unknown, context: Context): Promise<void> {
  await services.invocation(context, () => handleSesEvent(event, { suppressions: services.repos.suppressions, clock: services.clock, logger: services.logger }));
}
