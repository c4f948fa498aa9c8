import { isIP } from 'node:net';
import { z } from 'zod';

/** Raised when a configuration value is missing or malformed; its message is one line per bad value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL like http://127.0.0.1:3000' })
  .transform((u) => u.replace(/\/+$/, ''));

const SEND_RATE_MESSAGE = 'must be "off", "account" or a number of messages per second';

const EnvSchema = z.object({
  PORT: port(3000),
  AFTERVIEW_SES_PORT: port(8005),
  AFTERVIEW_DYNAMODB_PORT: port(4567),
  AFTERVIEW_DATA_DIR: z.string().min(1, 'must not be empty').default('.data'),
  AFTERVIEW_PUBLIC_URL: httpUrl.optional(),
  AFTERVIEW_NEWS_BASE_URL: httpUrl.default('https://news.google.com'),
  AFTERVIEW_FALLBACK_NEWS_BASE_URL: httpUrl.default('https://www.bing.com'),
  AFTERVIEW_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .superRefine((hosts, ctx) => {
      const bad = hosts.find((h) => !isHostOrIp(h));
      if (bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `: "${bad.slice(0, 60)}" is not a host name or an IP address; list host names or IP addresses separated by commas, like localhost,127.0.0.1`,
        });
      }
    }),
  AFTERVIEW_SCHEDULE: z.enum(['on', 'off'], { message: 'must be "on" or "off"' }).default('on'),
  // Deployment (set by the CDK stack); local mode derives them from the ports above.
  AFTERVIEW_RUNTIME: z.enum(['local', 'aws'], { message: 'must be "local" or "aws"' }).default('local'),
  AFTERVIEW_TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name').default('afterview'),
  AFTERVIEW_SENDER: z.string().min(3).default('afterview <afterview@localhost.localdomain>'),
  AFTERVIEW_SES_CONFIGURATION_SET: z.string().optional(),
  AFTERVIEW_POLL_QUEUE_URL: httpUrl.optional(),
  AFTERVIEW_LINK_KEY_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9/_+=.@:-]{1,2048}$/, 'must be a Secrets Manager secret name or ARN')
    .optional(),
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region like eu-west-1').default('us-east-1'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'], { message: 'must be DEBUG, INFO, WARN, ERROR or SILENT' }).default('INFO'),
  AFTERVIEW_OUTBOX_LEASE_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(2, 'must be between 2 and 900 seconds')
    .max(900, 'must be between 2 and 900 seconds')
    .default(60),
  AFTERVIEW_SEND_RATE: z
    .union([z.enum(['off', 'account']), z.coerce.number().positive(SEND_RATE_MESSAGE).max(10_000, SEND_RATE_MESSAGE)], {
      message: SEND_RATE_MESSAGE,
    })
    .optional(),
});

/** A host name (letters, digits, hyphens, underscores; dot-separated labels) or an IPv4/IPv6 address, [::1] included. */
function isHostOrIp(entry: string): boolean {
  const bare = entry.startsWith('[') && entry.endsWith(']') ? entry.slice(1, -1) : entry;
  if (isIP(bare) !== 0) return true;
  if (bare !== entry || entry.length > 254) return false;
  return /^(?!-)[a-z0-9_-]{1,63}(?<!-)(\.(?!-)[a-z0-9_-]{1,63}(?<!-))*\.?$/.test(entry);
}

/** Local mode's own ports: each part listens on one of them, so no two may be the same. */
const LOCAL_PORTS = ['PORT', 'AFTERVIEW_SES_PORT', 'AFTERVIEW_DYNAMODB_PORT'] as const;

/** "PORT and AFTERVIEW_SES_PORT are both 3300", one line per number shared. */
function sharedPorts(ports: Record<(typeof LOCAL_PORTS)[number], number>): string[] {
  const byPort = new Map<number, string[]>();
  for (const name of LOCAL_PORTS) byPort.set(ports[name], [...(byPort.get(ports[name]) ?? []), name]);
  return [...byPort.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([port, names]) => `${joinNames(names)} are ${names.length > 2 ? 'all' : 'both'} ${port}; each part of local mode needs a port of its own`);
}

const joinNames = (names: readonly string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * What a part of the product needs from a deployment on AWS. Locally the table and the sender have
 * defaults; on AWS a default would only send the request somewhere wrong ("cannot reach the table
 * afterview in us-east-1"), so a missing variable is named instead.
 */
export type DeploymentNeed = 'table' | 'mail';
const DEPLOYMENT_VARIABLES: Record<DeploymentNeed, readonly DeploymentVariable[]> = {
  table: ['AFTERVIEW_TABLE_NAME', 'AWS_REGION'],
  mail: ['AFTERVIEW_SENDER', 'AWS_REGION'],
};
type DeploymentVariable = 'AFTERVIEW_TABLE_NAME' | 'AFTERVIEW_SENDER' | 'AWS_REGION';

/** Throws a ConfigError naming every variable `service` needs on AWS that the environment did not set. */
export function assertDeploymentSettings(config: Config, needs: readonly DeploymentNeed[], service: string): void {
  if (config.runtime !== 'aws') return;
  const wanted = new Set(needs.flatMap((need) => DEPLOYMENT_VARIABLES[need]));
  const missing = (['AFTERVIEW_TABLE_NAME', 'AFTERVIEW_SENDER', 'AWS_REGION'] as const).filter((v) => wanted.has(v) && config.unset.includes(v));
  if (missing.length > 0) {
    throw new ConfigError(`bad configuration: ${joinNames(missing)} must be set for ${service} on AWS (AFTERVIEW_RUNTIME=aws)`);
  }
}

/** How the outbox sends (functions/app/outbox): leases, attempt time, send rate. */
export interface OutboxSettings {
  /** How long a sender holds a message; unmarked after that, it is due again. */
  leaseSeconds: number;
  /**
   * How long one attempt to hand a mail to the mail service may take: a quarter of the lease (at
   * most 5 s; SES answers in well under a second), so attempts always end well inside their lease.
   */
  attemptTimeoutMs: number;
  /** Sends per second for one process: a number, the mail account's own quota, or no limit. */
  sendRate: number | 'account' | null;
}

/** The product's configuration, validated once at start. */
export interface Config {
  runtime: 'local' | 'aws';
  port: number;
  sesPort: number;
  dynamodbPort: number;
  dataDir: string;
  publicUrl: string;
  newsBaseUrl: string;
  /** Base of the second news search (`/news/search?q=…&format=rss`), used while the first keeps failing. */
  fallbackNewsBaseUrl: string;
  allowHosts: string[];
  schedule: boolean;
  tableName: string;
  sender: string;
  sesConfigurationSet?: string;
  pollQueueUrl?: string;
  /** On AWS: the Secrets Manager secret holding the link-signing keys (local mode keeps them in `dataDir`). */
  linkKeySecret?: string;
  region: string;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  outbox: OutboxSettings;
  /** Where the DynamoDB and SES clients connect; undefined = the real AWS endpoints. */
  dynamodbEndpoint?: string;
  sesEndpoint?: string;
  /** The deployment variables the environment left unset (their values above are local mode's defaults); see {@link assertDeploymentSettings}. */
  unset: readonly DeploymentVariable[];
}

/**
 * Reads and validates the environment. The only place in the product that looks at
 * environment variables: everything else receives a {@link Config}.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' && k !== 'AFTERVIEW_ALLOW_HOSTS' ? undefined : env[k]]),
  );
  const parsed = EnvSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      const shown = env[key] === undefined ? '' : ` (got "${String(env[key]).slice(0, 60)}")`;
      // A message that names a part of the value ("…: "x" is not …") follows the variable directly.
      return `${key}${i.message.startsWith(':') ? '' : ' '}${i.message}${shown}`;
    });
    throw new ConfigError(`bad configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const local = e.AFTERVIEW_RUNTIME === 'local';
  const clashes = local ? sharedPorts({ PORT: e.PORT, AFTERVIEW_SES_PORT: e.AFTERVIEW_SES_PORT, AFTERVIEW_DYNAMODB_PORT: e.AFTERVIEW_DYNAMODB_PORT }) : [];
  if (clashes.length > 0) throw new ConfigError(`bad configuration: ${clashes.join('; ')}`);
  return {
    runtime: e.AFTERVIEW_RUNTIME,
    port: e.PORT,
    sesPort: e.AFTERVIEW_SES_PORT,
    dynamodbPort: e.AFTERVIEW_DYNAMODB_PORT,
    dataDir: e.AFTERVIEW_DATA_DIR,
    publicUrl: e.AFTERVIEW_PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`,
    newsBaseUrl: e.AFTERVIEW_NEWS_BASE_URL,
    fallbackNewsBaseUrl: e.AFTERVIEW_FALLBACK_NEWS_BASE_URL,
    allowHosts: e.AFTERVIEW_ALLOW_HOSTS,
    schedule: e.AFTERVIEW_SCHEDULE === 'on',
    tableName: e.AFTERVIEW_TABLE_NAME,
    sender: e.AFTERVIEW_SENDER,
    sesConfigurationSet: e.AFTERVIEW_SES_CONFIGURATION_SET,
    pollQueueUrl: e.AFTERVIEW_POLL_QUEUE_URL,
    linkKeySecret: e.AFTERVIEW_LINK_KEY_SECRET,
    region: e.AWS_REGION,
    logLevel: e.LOG_LEVEL,
    outbox: {
      leaseSeconds: e.AFTERVIEW_OUTBOX_LEASE_SECONDS,
      attemptTimeoutMs: Math.min(5_000, Math.round((e.AFTERVIEW_OUTBOX_LEASE_SECONDS * 1000) / 4)),
      // Local mode's mail catcher takes any rate; on AWS the account's quota applies unless set.
      sendRate: sendRate(e.AFTERVIEW_SEND_RATE ?? (local ? 'off' : 'account')),
    },
    dynamodbEndpoint: local ? `http://127.0.0.1:${e.AFTERVIEW_DYNAMODB_PORT}` : undefined,
    sesEndpoint: local ? `http://127.0.0.1:${e.AFTERVIEW_SES_PORT}` : undefined,
    unset: (['AFTERVIEW_TABLE_NAME', 'AFTERVIEW_SENDER', 'AWS_REGION'] as const).filter((name) => relevant[name] === undefined),
  };
}

function sendRate(value: 'off' | 'account' | number): OutboxSettings['sendRate'] {
  return value === 'off' ? null : value;
}
