import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { GSI1, GSI2, PK, SK, TTL_ATTRIBUTE } from '../../functions/adapters/dynamodb/keys.js';
import { tableDefinition } from '../../functions/adapters/dynamodb/table.js';
import { TABLE_LOGICAL_ID } from '../../lib/data-stack.js';
import { synthAfterview, type Synthesized } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthAfterview();
});

describe('the table', () => {
  it('keeps its logical ID, so a refactor can never replace it', () => {
    const tables = s.dataTemplate.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toEqual([TABLE_LOGICAL_ID]);
  });

  it('is retained when the stack goes, and protected from deletion', () => {
    s.dataTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('has the keys and indexes of the local table, on demand, with PITR and the TTL attribute', () => {
    const def = tableDefinition('x');
    s.dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: PK, KeyType: 'HASH' },
        { AttributeName: SK, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith(def.AttributeDefinitions!.map((a) => ({ AttributeName: a.AttributeName, AttributeType: 'S' }))),
      GlobalSecondaryIndexes: [GSI1, GSI2].map((g) => ({
        IndexName: g.name,
        KeySchema: [
          { AttributeName: g.pk, KeyType: 'HASH' },
          { AttributeName: g.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('lives in a stack with termination protection, apart from the code', () => {
    expect(s.data.terminationProtection).toBe(true);
    expect(s.service.terminationProtection).toBe(false);
    s.dataTemplate.resourceCountIs('AWS::Lambda::Function', 0);
  });

  it('has no hard-coded name', () => {
    s.dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', { TableName: Match.absent() });
  });
});

describe('SES', () => {
  it('has a configuration set with reputation metrics and bounce/complaint suppression', () => {
    s.dataTemplate.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: Match.arrayEquals(['BOUNCE', 'COMPLAINT']) },
    });
  });

  it('publishes bounces and complaints, and nothing else, to the default event bus', () => {
    const destinations = s.dataTemplate.findResources('AWS::SES::ConfigurationSetEventDestination');
    expect(Object.keys(destinations)).toHaveLength(1);
    s.dataTemplate.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: s.logicalId(s.data.configurationSet) },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint']),
        EventBridgeDestination: {
          EventBusArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':event-bus/default$')])] },
        },
      },
    });
  });

  it('verifies the sender address with the configuration set as its default', () => {
    s.dataTemplate.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'afterview@example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: s.logicalId(s.data.configurationSet) } },
    });
    s.dataTemplate.resourceCountIs('AWS::SES::EmailIdentity', 1);
  });
});

describe('a domain sender and sandbox recipients', () => {
  let d: Synthesized;
  beforeAll(() => {
    d = synthAfterview({ sender: 'News.Example.org', sandboxRecipients: 'me@example.net, you@example.net' });
  });

  it('verifies the domain and outputs its three DKIM records', () => {
    d.dataTemplate.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'news.example.org' });
    const dkim = Object.keys(d.dataTemplate.findOutputs('*')).filter((id) => id.startsWith('DkimCname'));
    expect(dkim).toHaveLength(3);
  });

  it('verifies each sandbox recipient as an address identity', () => {
    for (const address of ['me@example.net', 'you@example.net']) {
      d.dataTemplate.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: address, ConfigurationSetAttributes: Match.absent() });
    }
  });
});
