import { describe, expect, it } from 'vitest';
import { ContextError, deploymentConfig, PLACEHOLDER_SENDER } from '../../lib/config.js';

const read = (context: Record<string, unknown>) => (key: string) => context[key];

describe('deploymentConfig (CDK context → typed settings)', () => {
  it('synthesizes on a fresh clone: placeholder sender, no alarm email, environment-agnostic', () => {
    const config = deploymentConfig(read({}), {});
    expect(config).toMatchObject({
      identity: { kind: 'address', address: PLACEHOLDER_SENDER },
      sender: `afterview <${PLACEHOLDER_SENDER}>`,
      placeholderSender: true,
      alarmEmail: undefined,
      publicUrl: undefined,
      sandboxRecipients: [],
      logLevel: 'INFO',
      env: { account: undefined, region: undefined },
    });
  });

  it('takes a domain as the identity and sends from afterview@ that domain', () => {
    const config = deploymentConfig(read({ sender: 'Example.ORG', senderName: 'Job news' }), {});
    expect(config.identity).toEqual({ kind: 'domain', domain: 'example.org' });
    expect(config.sender).toBe('Job news <afterview@example.org>');
    expect(config.placeholderSender).toBe(false);
  });

  it('reads region from context before the CLI default, account from the CLI', () => {
    const env = { CDK_DEFAULT_REGION: 'us-east-1', CDK_DEFAULT_ACCOUNT: '123456789012' };
    expect(deploymentConfig(read({ region: 'eu-west-1' }), env).env).toEqual({ account: '123456789012', region: 'eu-west-1' });
    expect(deploymentConfig(read({}), env).env).toEqual({ account: '123456789012', region: 'us-east-1' });
  });

  it('accepts sandbox recipients as a comma list or a JSON array (cdk.json), deduplicated', () => {
    expect(deploymentConfig(read({ sandboxRecipients: 'A@x.org, b@x.org,a@x.org' }), {}).sandboxRecipients).toEqual(['a@x.org', 'b@x.org']);
    expect(deploymentConfig(read({ sandboxRecipients: ['c@x.org'] }), {}).sandboxRecipients).toEqual(['c@x.org']);
  });

  it('strips a trailing slash from the public URL', () => {
    expect(deploymentConfig(read({ publicUrl: 'https://afterview.example.org/' }), {}).publicUrl).toBe('https://afterview.example.org');
  });

  it.each([
    [{ sender: 'not an address' }, /context "sender" must be an email address or a domain \(got "not an address"\); pass it as -c sender=…/],
    [{ sender: 'a@b' }, /context "sender" must be an email address or a domain/],
    [{ alarmEmail: 'ops' }, /context "alarmEmail" must be an email address/],
    [{ region: 'Europe' }, /context "region" must be an AWS region like eu-west-1/],
    [{ publicUrl: 'http://insecure.example.org' }, /context "publicUrl" must be an https URL/],
    [{ sandboxRecipients: 'me@x.org,nope' }, /context "sandboxRecipients" must be email addresses separated by commas \(got "nope"\)/],
    [{ logLevel: 'loud' }, /context "logLevel" must be DEBUG, INFO, WARN or ERROR/],
    [{ senderName: 'a<b>' }, /context "senderName"/],
  ])('refuses %j with one clear line', (context, message) => {
    expect(() => deploymentConfig(read(context), {})).toThrow(ContextError);
    expect(() => deploymentConfig(read(context), {})).toThrow(message);
  });
});
