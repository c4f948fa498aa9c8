/**
 * The deployment's settings: read from CDK context once, at the top of the app (bin/app.ts),
 * validated here, then handed to the stacks as typed props. Nothing below bin/app.ts reads
 * context or environment variables.
 */
import { z } from 'zod';

/** The context keys `cdk synth|deploy -c key=value` accepts, with their meaning. */
export const CONTEXT_KEYS = {
  sender: 'the From address (e.g. news@example.com) or a domain you own (then mail comes from afterview@<domain>)',
  senderName: 'the display name in From (default "afterview")',
  alarmEmail: 'where CloudWatch alarms are emailed (no subscription without it)',
  region: 'the AWS region (default: the CLI profile region, CDK_DEFAULT_REGION)',
  publicUrl: 'the base of every link in emails when a custom domain fronts the API (default: the API URL)',
  sandboxRecipients: 'comma-separated addresses to verify as recipients while the SES account is in the sandbox',
  logLevel: 'DEBUG, INFO, WARN or ERROR (default INFO)',
  sendRate: 'mails per second each sending function may send (default: the SES account\'s own rate, asked at start)',
} as const;

/** The placeholder sender that lets `cdk synth` work on a fresh clone; it cannot be verified. */
export const PLACEHOLDER_SENDER = 'afterview@example.com';

/** What SES verifies before it sends: one address, or a whole domain (DKIM records in your DNS). */
export type SenderIdentity = { kind: 'address'; address: string } | { kind: 'domain'; domain: string };

/** The validated deployment settings. */
export interface DeploymentConfig {
  identity: SenderIdentity;
  /** The bare From address. */
  senderAddress: string;
  /** `Name <address>`: what the functions put in From. */
  sender: string;
  alarmEmail?: string;
  /** Base of links in emails; undefined = the HTTP API's own URL. */
  publicUrl?: string;
  sandboxRecipients: string[];
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Mails per second per sending function; undefined = the SES account's own maximum send rate. */
  sendRate?: number;
  env: { account?: string; region?: string };
  /** True while the sender is still {@link PLACEHOLDER_SENDER}: fine to synthesize, useless to deploy. */
  placeholderSender: boolean;
}

/** A context value that cannot be used; the message names the key and what it expects. */
export class ContextError extends Error {
  override name = 'ContextError';
}

const email = z.email();
const domain = z
  .string()
  .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i);
const displayName = z.string().regex(/^[\p{L}\p{N} .'_-]{1,64}$/u);
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/);
const httpsUrl = z.url({ protocol: /^https$/ }).transform((u) => u.replace(/\/+$/, ''));

function fail(key: keyof typeof CONTEXT_KEYS, value: unknown, expected: string): never {
  throw new ContextError(`context "${key}" ${expected} (got ${JSON.stringify(value)}); pass it as -c ${key}=…`);
}

/** Context arrives as strings from `-c`, or as JSON values from cdk.json; empty means unset. */
function text(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const s = String(raw).trim();
  return s === '' ? undefined : s;
}

/**
 * Builds the deployment settings from context values (`read(key)`) and the CDK CLI's environment
 * (`CDK_DEFAULT_ACCOUNT`, `CDK_DEFAULT_REGION`). Throws {@link ContextError} for a bad value.
 */
export function deploymentConfig(
  read: (key: keyof typeof CONTEXT_KEYS) => unknown,
  env: Record<string, string | undefined>,
): DeploymentConfig {
  const senderRaw = text(read('sender')) ?? PLACEHOLDER_SENDER;
  let identity: SenderIdentity;
  let senderAddress: string;
  if (senderRaw.includes('@')) {
    if (!email.safeParse(senderRaw).success) fail('sender', senderRaw, 'must be an email address or a domain');
    senderAddress = senderRaw.toLowerCase();
    identity = { kind: 'address', address: senderAddress };
  } else {
    if (!domain.safeParse(senderRaw).success) fail('sender', senderRaw, 'must be an email address or a domain');
    identity = { kind: 'domain', domain: senderRaw.toLowerCase() };
    senderAddress = `afterview@${identity.domain}`;
  }

  const name = text(read('senderName')) ?? 'afterview';
  if (!displayName.safeParse(name).success) fail('senderName', name, 'must be 1–64 letters, digits, spaces or .\'_-');

  const alarmEmail = text(read('alarmEmail'));
  if (alarmEmail !== undefined && !email.safeParse(alarmEmail).success) fail('alarmEmail', alarmEmail, 'must be an email address');

  const regionValue = text(read('region')) ?? text(env.CDK_DEFAULT_REGION);
  if (regionValue !== undefined && !region.safeParse(regionValue).success) fail('region', regionValue, 'must be an AWS region like eu-west-1');

  const publicUrlRaw = text(read('publicUrl'));
  let publicUrl: string | undefined;
  if (publicUrlRaw !== undefined) {
    const parsed = httpsUrl.safeParse(publicUrlRaw);
    if (!parsed.success) fail('publicUrl', publicUrlRaw, 'must be an https URL');
    publicUrl = parsed.data;
  }

  const recipientsRaw = read('sandboxRecipients');
  const recipients = (Array.isArray(recipientsRaw) ? recipientsRaw.map(String) : (text(recipientsRaw) ?? '').split(','))
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  for (const r of recipients) if (!email.safeParse(r).success) fail('sandboxRecipients', r, 'must be email addresses separated by commas');

  const level = (text(read('logLevel')) ?? 'INFO').toUpperCase();
  if (!['DEBUG', 'INFO', 'WARN', 'ERROR'].includes(level)) fail('logLevel', level, 'must be DEBUG, INFO, WARN or ERROR');

  const rateRaw = text(read('sendRate'));
  const sendRate = rateRaw === undefined ? undefined : Number(rateRaw);
  if (sendRate !== undefined && !(sendRate > 0 && sendRate <= 10_000)) fail('sendRate', rateRaw, 'must be a number of mails per second');

  return {
    identity,
    senderAddress,
    sender: `${name} <${senderAddress}>`,
    alarmEmail,
    publicUrl,
    sandboxRecipients: [...new Set(recipients)],
    logLevel: level as DeploymentConfig['logLevel'],
    sendRate,
    env: { account: text(env.CDK_DEFAULT_ACCOUNT), region: regionValue },
    placeholderSender: senderAddress === PLACEHOLDER_SENDER,
  };
}
