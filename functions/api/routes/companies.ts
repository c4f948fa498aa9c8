/** Watched companies: /v1/companies and /v1/companies/{id}. */
import { createRoute } from '@hono/zod-openapi';
import { addCompany, companyView, getCompany, listCompanies, removeCompany, updateCompany } from '../../app/companies/watched-companies.js';
import { sourceHealth } from '../../app/news/source-health.js';
import type { WatchedCompany } from '../../domain/company.js';
import { BEARER_SECURITY, newRouter, requireSubscriber, subscriberOf, type ApiDependencies } from '../context.js';
import { Company, CompanyInput, CompanyList, CompanyPatch, ErrorResponse, IdParam } from '../schemas.js';

const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const common = {
  tags: ['Companies'],
  security: BEARER_SECURITY,
  middleware: [requireSubscriber],
};
const errors = {
  400: json(ErrorResponse, 'Invalid input (unknown key, bad value, feed URL that is not a public web address)'),
  401: json(ErrorResponse, 'Missing or invalid API token'),
  404: json(ErrorResponse, 'No such company (or not yours)'),
  409: json(ErrorResponse, 'You already watch a company by that name, or watch as many companies as an account may (the message names the limit)'),
  429: json(ErrorResponse, 'Too many requests'),
};

export function companyRoutes(deps: ApiDependencies) {
  const router = newRouter();
  /** The companies as the API shows them, each with the health of its sources. */
  const withSources = async (companies: WatchedCompany[]) => {
    const health = await sourceHealth(deps, companies);
    return companies.map((co) => ({ ...companyView(co), sources: health.get(co.id) ?? [] }));
  };

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/v1/companies',
      summary: 'List watched companies',
      responses: { 200: json(CompanyList, 'Your watched companies'), 401: errors[401], 429: errors[429] },
    }),
    async (c) => c.json({ companies: await withSources(await listCompanies(deps, subscriberOf(c))) }, 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/v1/companies',
      summary: 'Watch a company',
      description: 'Starts watching news about the company (name and aliases), minus stories matching `exclude`, plus any feed URLs given.',
      request: { body: { required: true, content: { 'application/json': { schema: CompanyInput } } } },
      responses: { 201: json(Company, 'Watching'), ...errors },
    }),
    async (c) => c.json(companyView(await addCompany(deps, subscriberOf(c), c.req.valid('json'))), 201),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/v1/companies/{id}',
      summary: 'One watched company',
      request: { params: IdParam },
      responses: { 200: json(Company, 'The company'), 401: errors[401], 404: errors[404], 429: errors[429] },
    }),
    async (c) => c.json((await withSources([await getCompany(deps, subscriberOf(c), c.req.valid('param').id)]))[0]!, 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/v1/companies/{id}',
      summary: 'Change a watched company',
      description: 'Only the fields given change; lists are replaced as a whole.',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: CompanyPatch } } } },
      responses: { 200: json(Company, 'The changed company'), ...errors },
    }),
    async (c) => c.json(companyView(await updateCompany(deps, subscriberOf(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/v1/companies/{id}',
      summary: 'Stop watching a company',
      description: 'Interviews with the company stay.',
      request: { params: IdParam },
      responses: { 204: { description: 'No longer watched' }, 401: errors[401], 404: errors[404], 429: errors[429] },
    }),
    async (c) => {
      await removeCompany(deps, subscriberOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return router;
}
