/**
 * The stateful stack: what holds the product's data or reputation and must outlive any
 * deployment of the code — the table, the key that signs the links already in people's
 * mailboxes, and SES's sender identity and configuration set.
 */
import { createHash } from 'node:crypto';
import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { TTL_ATTRIBUTE } from '../functions/adapters/dynamodb/keys.js';
import { tableDefinition } from '../functions/adapters/dynamodb/table.js';
import type { SenderIdentity } from './config.js';

/** The table's CloudFormation logical ID. Changing it would replace the table: never change it. */
export const TABLE_LOGICAL_ID = 'AfterviewTable';

/** Props of {@link DataStack}. */
export interface DataStackProps extends StackProps {
  identity: SenderIdentity;
  /** Addresses to verify as recipients while SES is in the sandbox. */
  sandboxRecipients: string[];
}

function attributeType(type: string | undefined): dynamodb.AttributeType {
  if (type === 'S') return dynamodb.AttributeType.STRING;
  if (type === 'N') return dynamodb.AttributeType.NUMBER;
  if (type === 'B') return dynamodb.AttributeType.BINARY;
  throw new Error(`unknown DynamoDB attribute type ${String(type)}`);
}

/**
 * The CDK table built from the same definition local mode creates
 * (functions/adapters/dynamodb/table.ts), so keys and indexes cannot drift apart.
 */
function createTable(scope: Construct): dynamodb.Table {
  const def = tableDefinition('unused'); // CDK names the table; only the shape is taken
  const types = new Map((def.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const key = (schema: { AttributeName?: string; KeyType?: string }[] | undefined, kind: 'HASH' | 'RANGE') => {
    const name = schema?.find((k) => k.KeyType === kind)?.AttributeName;
    return name ? { name, type: attributeType(types.get(name)) } : undefined;
  };
  const partitionKey = key(def.KeySchema, 'HASH');
  if (!partitionKey) throw new Error('the table definition has no partition key');
  if (def.BillingMode !== 'PAY_PER_REQUEST') throw new Error('the table is meant to be on-demand');

  const table = new dynamodb.Table(scope, 'Table', {
    partitionKey,
    sortKey: key(def.KeySchema, 'RANGE'),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: TTL_ATTRIBUTE,
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
  });
  for (const gsi of def.GlobalSecondaryIndexes ?? []) {
    const pk = key(gsi.KeySchema, 'HASH');
    if (!gsi.IndexName || !pk) throw new Error('an index in the table definition has no name or partition key');
    if (gsi.Projection?.ProjectionType !== 'ALL') throw new Error(`index ${gsi.IndexName}: only ALL projections are mapped`);
    table.addGlobalSecondaryIndex({
      indexName: gsi.IndexName,
      partitionKey: pk,
      sortKey: key(gsi.KeySchema, 'RANGE'),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  (table.node.defaultChild as dynamodb.CfnTable).overrideLogicalId(TABLE_LOGICAL_ID);
  return table;
}

/**
 * The key that signs the one-click links in emails, outside the table so nothing in the table can
 * forge a link. AWSCURRENT signs; after a rotation (`afterview rotate-link-key`, README) the
 * version staged AWSPREVIOUS still verifies the links signed before it.
 */
function createLinkSigningKey(scope: Construct): secretsmanager.Secret {
  const secret = new secretsmanager.Secret(scope, 'LinkSigningKey', {
    description: 'afterview: the key that signs the one-click links in emails (AWSCURRENT signs; AWSPREVIOUS still verifies)',
    // 64 letters and digits: about 380 bits, readable as one string by every tool.
    generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    // Links in mailboxes outlive any deployment; a lost key would break every one of them.
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'Rotated on demand (afterview rotate-link-key puts a new version; the previous one keeps verifying the links already sent) rather than on a schedule: a scheduled rotation needs a rotation function, and rotating twice within a link\'s 30-day life would break links still in use.',
  });
  return secret;
}

export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly linkSigningKey: secretsmanager.Secret;
  readonly configurationSet: ses.ConfigurationSet;
  readonly senderIdentity: ses.EmailIdentity;
  readonly sandboxRecipients: ses.EmailIdentity[];

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.table = createTable(this);
    this.linkSigningKey = createLinkSigningKey(this);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      // SES itself stops sending to addresses that bounced hard or complained, on top of the
      // product's own suppression (functions/app/suppressing-mailer.ts).
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // Bounces and complaints go to the default event bus; the service stack's rule hands them to
    // the ses-events function. The default bus needs no topic, key or policy of ours.
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    this.senderIdentity = new ses.EmailIdentity(this, 'SenderIdentity', {
      identity: props.identity.kind === 'domain' ? ses.Identity.domain(props.identity.domain) : ses.Identity.email(props.identity.address),
      configurationSet: this.configurationSet,
    });
    if (props.identity.kind === 'domain') {
      // Easy DKIM: these three CNAME records go into the domain's DNS before SES verifies it.
      const identity = this.senderIdentity;
      const records: [string, string][] = [
        [identity.dkimDnsTokenName1, identity.dkimDnsTokenValue1],
        [identity.dkimDnsTokenName2, identity.dkimDnsTokenValue2],
        [identity.dkimDnsTokenName3, identity.dkimDnsTokenValue3],
      ];
      records.forEach(([name, value], i) => new CfnOutput(this, `DkimCname${i + 1}`, { value: `${name} CNAME ${value}` }));
    }

    this.sandboxRecipients = props.sandboxRecipients.map(
      (address) =>
        new ses.EmailIdentity(this, `SandboxRecipient${createHash('sha256').update(address).digest('hex').slice(0, 8)}`, {
          identity: ses.Identity.email(address),
        }),
    );

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    // For `afterview rotate-link-key` (AFTERVIEW_LINK_KEY_SECRET); the value is an ARN, not the key.
    new CfnOutput(this, 'LinkSigningKeyArn', { value: this.linkSigningKey.secretArn });
    new CfnOutput(this, 'ConfigurationSetName', { value: this.configurationSet.configurationSetName });
  }
}
