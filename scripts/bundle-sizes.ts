/**
 * Reports every Lambda bundle of the last `cdk synth` (cdk.out): the size of its code, of the
 * whole asset and zipped, how long a cold `node` takes to import it (module-scope start-up
 * included: config check, clients, logger), the packages that weigh most, and any package bundled
 * from two installed copies. Exits 1 when a bundle's code is over the budget or carries a package
 * twice.
 *
 *   npm run bundle-sizes            (synthesizes first)
 *   npx tsx scripts/bundle-sizes.ts [--runs 5] [--json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { z } from 'zod';

/** The largest function bundle may be this big (issue 7), read strictly: 1.5 million bytes. */
export const BUDGET_BYTES = 1_500_000;
/** What a bundle should stay under (issue 13): reported, not enforced. */
export const TARGET = { bytes: 800_000, importMs: 100 } as const;

const CDK_OUT = resolve('cdk.out');
const TEMPLATE = join(CDK_OUT, 'Afterview-Service.template.json');

const Template = z.object({
  Resources: z.record(
    z.string(),
    z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional(), Metadata: z.record(z.string(), z.unknown()).optional() }).loose(),
  ),
});
const Metafile = z.object({
  outputs: z.record(z.string(), z.object({ inputs: z.record(z.string(), z.object({ bytesInOutput: z.number() })) }).loose()),
});

/** Environment a deployed function gets (values are samples; nothing is contacted at import). */
const SAMPLE_ENV = {
  AFTERVIEW_RUNTIME: 'aws',
  AFTERVIEW_TABLE_NAME: 'afterview-sample',
  AFTERVIEW_SENDER: 'afterview <afterview@example.com>',
  AFTERVIEW_SES_CONFIGURATION_SET: 'afterview-sample',
  AFTERVIEW_POLL_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/111111111111/poll',
  AFTERVIEW_PUBLIC_URL: 'https://api.example.com',
  AWS_REGION: 'eu-west-1',
  LOG_LEVEL: 'ERROR',
  // Lambda runs Node.js 24; the SDK's warning about this machine's older Node is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

interface Bundle {
  handler: string;
  codeBytes: number;
  assetBytes: number;
  zippedBytes: number;
  importMs: number;
  heaviest: { name: string; bytes: number }[];
  /** Packages bundled from more than one installed copy (e.g. two versions of @smithy/core). */
  duplicates: { name: string; copies: string[] }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Median wall time of importing the bundle in a fresh node process. */
function importMs(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t));`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH, ...SAMPLE_ENV }, encoding: 'utf8' });
    times.push(Number(out));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * From esbuild's metafile: the packages (or source folders) that contribute most bytes, and the
 * packages that came from more than one installed copy.
 */
function composition(handler: string): Pick<Bundle, 'heaviest' | 'duplicates'> {
  const path = join(CDK_OUT, 'bundle-meta', `${handler}.json`);
  if (!existsSync(path)) return { heaviest: [], duplicates: [] };
  const meta = Metafile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const totals = new Map<string, number>();
  const copies = new Map<string, Set<string>>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const inPackage = input.lastIndexOf('node_modules/');
      const parts = input.slice(inPackage + 'node_modules/'.length).split('/');
      const name = inPackage >= 0 ? (parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!) : input.split('/').slice(0, 2).join('/');
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
      if (inPackage >= 0) copies.set(name, (copies.get(name) ?? new Set()).add(input.slice(0, inPackage + 'node_modules/'.length) + name));
    }
  }
  return {
    heaviest: [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    duplicates: [...copies].filter(([, dirs]) => dirs.size > 1).map(([name, dirs]) => ({ name, copies: [...dirs].sort() })),
  };
}

function bundles(runs: number): Bundle[] {
  if (!existsSync(TEMPLATE)) throw new Error(`${TEMPLATE} not found: run "npx cdk synth --quiet" first`);
  const { Resources } = Template.parse(JSON.parse(readFileSync(TEMPLATE, 'utf8')));
  const result: Bundle[] = [];
  for (const fn of Object.values(Resources).filter((r) => r.Type === 'AWS::Lambda::Function')) {
    const asset = String(fn.Metadata?.['aws:asset:path'] ?? '');
    // Each AfterviewFunction's role says which handler it runs ("afterview <handler>").
    const roleId = (fn.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0] ?? '';
    const handler = String(Resources[roleId]?.Properties?.Description ?? '').replace(/^afterview /, '');
    const dir = join(CDK_OUT, asset);
    const code = join(dir, 'index.mjs');
    if (!asset || !existsSync(code)) throw new Error(`no bundle for ${handler || roleId} (was the synth run with bundling skipped?)`);
    const files = filesUnder(dir);
    result.push({
      handler,
      codeBytes: statSync(code).size,
      assetBytes: files.reduce((n, f) => n + statSync(f).size, 0),
      zippedBytes: files.reduce((n, f) => n + deflateRawSync(readFileSync(f), { level: 9 }).length, 0),
      importMs: importMs(code, runs),
      ...composition(handler),
    });
  }
  return result.sort((a, b) => b.codeBytes - a.codeBytes);
}

const kb = (n: number) => `${(n / 1000).toFixed(0)} kB`;

function main(argv: string[]): number {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('--runs must be a whole number of at least 1');
    return 2;
  }
  const list = bundles(runs);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ budgetBytes: BUDGET_BYTES, node: process.version, bundles: list }, null, 2));
  } else {
    console.log(`function bundles (kB = 1000 bytes; cold import: median of ${runs} fresh node ${process.version} processes)`);
    for (const b of list) {
      console.log(
        `${b.handler.padEnd(14)} code ${kb(b.codeBytes).padStart(8)}  asset ${kb(b.assetBytes).padStart(8)}  zipped ${kb(b.zippedBytes).padStart(7)}  import ${b.importMs.toFixed(0).padStart(4)} ms  ` +
          b.heaviest.map((h) => `${h.name} ${kb(h.bytes)}`).join(', '),
      );
    }
  }
  const largest = Math.max(...list.map((b) => b.codeBytes));
  const slowest = Math.max(...list.map((b) => b.importMs));
  console.log(
    `largest ${kb(largest)} (target under ${kb(TARGET.bytes)}), slowest cold import ${slowest.toFixed(0)} ms (target under ${TARGET.importMs} ms)`,
  );
  const over = list.filter((b) => b.codeBytes > BUDGET_BYTES);
  for (const b of over) console.error(`${b.handler}: ${kb(b.codeBytes)} is over the ${kb(BUDGET_BYTES)} budget`);
  // Two copies of a package in one bundle (say two @smithy/core versions) mean the SDK versions drifted apart.
  const doubled = list.filter((b) => b.duplicates.length > 0);
  for (const b of doubled) console.error(`${b.handler}: bundles two copies of ${b.duplicates.map((d) => `${d.name} (${d.copies.join(', ')})`).join('; ')}`);
  return over.length > 0 || doubled.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
