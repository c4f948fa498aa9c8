import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthAfterview, type Synthesized } from './synth.js';

/** Every acknowledgement in the app: rule id, the construct it sits on, and its written reason. */
function acknowledgements(s: Synthesized): { id: string; path: string; reason: string }[] {
  return s.app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ id: id.replace(/^Annotation::/, ''), path: c.node.path, reason }))),
  );
}

describe.each([
  ['a fresh clone (no context)', {}],
  ['a domain sender, alarm email and sandbox recipients', { sender: 'example.org', alarmEmail: 'ops@example.org', sandboxRecipients: 'me@example.net' }],
])('cdk-nag on %s', (_name, context) => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthAfterview(context);
  });

  it('finds nothing unacknowledged in the AWS Solutions pack', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(s.app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('finds nothing unacknowledged in the Serverless pack', () => {
    const report = new ServerlessChecks(undefined, { verbose: true }).validateScope(s.app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('gives every acknowledgement a written reason', () => {
    const acks = acknowledgements(s);
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) expect(a.reason.length, `${a.id} on ${a.path}`).toBeGreaterThanOrEqual(60);
  });
});

describe('the acknowledged rules', () => {
  it('are exactly the reviewed ones (adding one means adding it here, with its reason in the code)', () => {
    const s = synthAfterview({ alarmEmail: 'ops@example.org' });
    const ids = [...new Set(acknowledgements(s).map((a) => a.id.replace(/<[^>]+>/g, '<fn>')))].sort();
    expect(ids).toEqual(
      [
        'AwsSolutions-APIG4',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::<fn>:*]',
        'AwsSolutions-SMG4',
        'AwsSolutions-SQS3',
        'Serverless-LambdaDLQ',
        'Serverless-LambdaEventSourceMappingDestination',
        'Serverless-SNSRedrivePolicy',
        'Serverless-SQSRedrivePolicy',
      ].sort(),
    );
  });
});
