/** Interviews and what happened after them: /v1/interviews, /v1/interviews/{id}, …/events, …/plan. */
import { createRoute } from '@hono/zod-openapi';
import {
  addInterview,
  getInterview,
  interviewView,
  listInterviews,
  recordEvent,
  removeInterview,
  updateInterview,
} from '../../app/interviews/interviews.js';
import { planForOneInterview } from '../../app/interviews/plan.js';
import { BEARER_SECURITY, newRouter, requireSubscriber, subscriberOf, type ApiDependencies } from '../context.js';
import { ErrorResponse, EventInput, IdParam, Interview, InterviewInput, InterviewList, InterviewPatch, InterviewPlan } from '../schemas.js';

const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const common = { tags: ['Interviews'], security: BEARER_SECURITY, middleware: [requireSubscriber] };
const errors = {
  400: json(ErrorResponse, 'Invalid input (unknown key, bad value)'),
  401: json(ErrorResponse, 'Missing or invalid API token'),
  404: json(ErrorResponse, 'No such interview (or not yours)'),
  409: json(ErrorResponse, 'The interview changed meanwhile, or a limit is reached: interviews per account, events per interview, or watched companies (the message names it)'),
  429: json(ErrorResponse, 'Too many requests'),
};
const readErrors = { 401: errors[401], 404: errors[404], 429: errors[429] };

export function interviewRoutes(deps: ApiDependencies) {
  const router = newRouter();

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/v1/interviews',
      summary: 'List interviews',
      responses: { 200: json(InterviewList, 'Your interviews, latest first'), 401: errors[401], 429: errors[429] },
    }),
    async (c) => c.json({ interviews: (await listInterviews(deps, subscriberOf(c))).map(interviewView) }, 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/v1/interviews',
      summary: 'Add an interview',
      description: '`company` names a watched company; it is watched from now on if it was not.',
      request: { body: { required: true, content: { 'application/json': { schema: InterviewInput } } } },
      responses: { 201: json(Interview, 'Added'), ...errors },
    }),
    async (c) => c.json(interviewView(await addInterview(deps, subscriberOf(c), c.req.valid('json'))), 201),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/v1/interviews/{id}',
      summary: 'One interview, with its events',
      request: { params: IdParam },
      responses: { 200: json(Interview, 'The interview'), ...readErrors },
    }),
    async (c) => c.json(interviewView(await getInterview(deps, subscriberOf(c), c.req.valid('param').id)), 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/v1/interviews/{id}',
      summary: 'Change an interview',
      description: 'Only the fields given change. Events are recorded with POST …/events.',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: InterviewPatch } } } },
      responses: { 200: json(Interview, 'The changed interview'), ...errors },
    }),
    async (c) =>
      c.json(interviewView(await updateInterview(deps, subscriberOf(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/v1/interviews/{id}',
      summary: 'Remove an interview',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...readErrors },
    }),
    async (c) => {
      await removeInterview(deps, subscriberOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/v1/interviews/{id}/events',
      summary: 'Record what happened',
      description:
        'thank-you-sent, check-in-sent, follow-up-sent, congrats-sent, heard-back (optionally with a new decisionExpectedBy), references-requested, offer, rejected, withdrawn.',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: EventInput } } } },
      responses: { 201: json(Interview, 'The interview with the event recorded'), ...errors },
    }),
    async (c) =>
      c.json(interviewView(await recordEvent(deps, subscriberOf(c), c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/v1/interviews/{id}/plan',
      summary: 'What to do about one interview today',
      request: { params: IdParam },
      responses: { 200: json(InterviewPlan, 'Status and actions, with drafts'), ...readErrors },
    }),
    async (c) => {
      const subscriberId = subscriberOf(c);
      const interview = await getInterview(deps, subscriberId, c.req.valid('param').id);
      return c.json(await planForOneInterview(deps, subscriberId, interview), 200);
    },
  );
  return router;
}
