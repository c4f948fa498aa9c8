/**
 * The dependency rule (README "How the code is laid out"), checked by `npm test`
 * (test/infra/dependency-rule.test.ts) and by `npm run check:deps`.
 *
 *   domain   pure product logic: imports only domain (and pure libraries)
 *   app      use cases and the ports they need: domain, app, config — never an adapter
 *   adapters the only I/O code (DynamoDB, SES, SQS, HTTP fetcher, logger): implement app's ports
 *   mail     the two email renderers (plain text, HTML on hono/html) for domain/email's view:
 *            domain and hono/html only
 *   http     what api/ and web/ share (dependencies, client address, errors, throttle, look)
 *   api, web the two HTTP surfaces: http, app, domain — never each other
 *   wiring   the composition roots (lambda.ts, local.ts): the only place adapters are built
 *   handlers, cli, local   entry points: they start from wiring and call use cases
 */
const F = '^functions/';
const layer = (name) => `${F}${name}/`;

/** Node's built-in modules that do I/O (the domain and the use cases never touch them). */
const IO_BUILTINS = '^(node:)?(fs|fs/promises|http|https|http2|net|tls|dgram|dns|child_process|cluster|worker_threads|readline)$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'functions/domain is pure logic: it imports nothing from app, adapters, http, api, web, wiring or the entry points.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: F, pathNot: layer('domain') },
    },
    {
      name: 'domain-has-no-io',
      comment: 'functions/domain does no I/O: no file system, network or process modules, no AWS SDK, no HTTP framework.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: `${IO_BUILTINS}|^(node_modules/)?(@aws-sdk|@aws-lambda-powertools|hono|@hono|dynalite|aws-ses-v2-local)(/|$)` },
    },
    {
      name: 'mail-only-renders',
      comment:
        'functions/mail turns email views (domain/email) into text and HTML: it imports domain and hono/html (an escaping template, no I/O) — no use case, adapter, surface, config or other library.',
      severity: 'error',
      from: { path: layer('mail') },
      to: {
        path: `${F}(app|adapters|http|api|web|wiring|handlers|cli|local|config)/|${IO_BUILTINS}|^(node_modules/)?(@aws-sdk|@aws-lambda-powertools|@hono|hono)(/|$)`,
        // Resolved as written ("hono/html"), or to the file when a resolver follows the exports map.
        pathNot: '^(node_modules/)?hono/((html|utils/html)$|dist/(cjs/)?(helper/html|utils/html)/)',
      },
    },
    {
      name: 'app-uses-ports-not-adapters',
      comment: 'functions/app (use cases) depends on domain, its own ports and config — never on adapters, the HTTP surfaces, wiring or entry points.',
      severity: 'error',
      from: { path: layer('app') },
      to: { path: `${F}(adapters|http|api|web|wiring|handlers|cli|local)/` },
    },
    {
      name: 'app-has-no-io',
      comment: 'functions/app does no I/O itself: it reaches the outside world through ports.',
      severity: 'error',
      from: { path: layer('app') },
      to: { path: `${IO_BUILTINS}|^(node_modules/)?(@aws-sdk|@aws-lambda-powertools|hono|@hono)(/|$)` },
    },
    {
      name: 'adapters-implement-ports',
      comment: 'functions/adapters may use domain types, config and app ports/errors only — never use cases, the HTTP surfaces, wiring or entry points.',
      severity: 'error',
      from: { path: layer('adapters') },
      to: {
        path: `${F}(app|http|api|web|wiring|handlers|cli|local)/`,
        pathNot: `${F}app/(ports|errors|[^/]+/ports|poll/poll-message)\\.ts$`,
      },
    },
    {
      name: 'only-wiring-builds-adapters',
      comment: 'Adapters are built and handed out only by the composition roots in functions/wiring (tests and scripts aside).',
      severity: 'error',
      from: { path: F, pathNot: `${F}(wiring|adapters)/` },
      to: { path: layer('adapters') },
    },
    {
      name: 'http-layer-below-surfaces',
      comment: 'functions/http is shared by api/ and web/, so it imports neither (nor adapters or wiring).',
      severity: 'error',
      from: { path: layer('http') },
      to: { path: `${F}(api|web|adapters|wiring|handlers|cli|local)/` },
    },
    {
      name: 'api-and-web-are-siblings',
      comment: 'functions/api and functions/web share functions/http; they never import each other (wiring mounts both).',
      severity: 'error',
      from: { path: `${F}(api|web)/` },
      to: { path: `${F}(api|web)/`, pathNot: `$1` },
    },
    {
      name: 'surfaces-do-not-wire',
      comment: 'The HTTP surfaces get their dependencies handed in: they never import wiring or the entry points.',
      severity: 'error',
      from: { path: `${F}(api|web)/` },
      to: { path: `${F}(wiring|handlers|cli|local)/` },
    },
    {
      name: 'config-stands-alone',
      comment: 'functions/config reads the environment into a typed Config; it depends on no other part of the code.',
      severity: 'error',
      from: { path: layer('config') },
      to: { path: F, pathNot: layer('config') },
    },
    {
      name: 'product-code-ignores-tests-and-infra',
      comment: 'The product never imports tests, scripts or the CDK app (lib/).',
      severity: 'error',
      from: { path: '^(functions/|bin/afterview)' },
      to: { path: '^(test|scripts|lib)/' },
    },
    {
      name: 'infrastructure-reads-only-the-table-shape',
      comment: 'The CDK app (lib/) shares only the table definition and key names (so both build the same table) and the metric names (so alarms watch what the handlers publish) with the functions.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: F, pathNot: `${F}(adapters/dynamodb/(keys|table)|config/metric-names)\\.ts$` },
    },
    {
      name: 'no-circular',
      comment: 'Modules do not import each other in a circle.',
      severity: 'error',
      from: { path: `^(functions|lib|bin)/` },
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API, so swc parses the sources.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(cdk\\.out|\\.data|dist)/' },
  },
};
