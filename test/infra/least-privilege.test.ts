/**
 * Trust boundaries in the templates: each function reaches only the table partitions its use
 * cases need (IAM `dynamodb:LeadingKeys`), and the link-signing key lives in Secrets Manager,
 * readable only by the functions that sign or verify links.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARTITION } from '../../functions/adapters/dynamodb/keys.js';
import type { AfterviewFunction } from '../../lib/constructs/afterview-function.js';
import { TABLE_ACCESS, type HandlerName } from '../../lib/table-access.js';
import { synthAfterview, type Synthesized } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthAfterview({ alarmEmail: 'ops@example.org', sender: 'news@example.org' });
});

type Statement = { Sid?: string; Action: string | string[]; Resource: unknown; Effect: string; Condition?: Record<string, Record<string, unknown>> };

const functions = (): [HandlerName, AfterviewFunction][] => [
  ['poll-planner', s.service.pollPlanner.fn],
  ['poll-company', s.service.pollCompany.fn],
  ['digest-sender', s.service.digestSender.fn],
  ['api', s.service.apiFunction],
  ['ses-events', s.service.sesEvents],
];

function statementsOf(fn: AfterviewFunction): Statement[] {
  const policies = s.serviceTemplate.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: s.logicalId(fn.role) }] } });
  return Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
}

const actions = (st: Statement) => [st.Action].flat();
const dynamo = (fn: AfterviewFunction) => statementsOf(fn).filter((st) => actions(st).some((a) => a.startsWith('dynamodb:')));
/** The table's ARN as the service stack imports it. */
const isTableArn = (resource: unknown) => JSON.stringify(resource).includes('AfterviewTable') && !JSON.stringify(resource).includes('/index/');
const leadingKeys = (st: Statement) => st.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[] | undefined;
const pattern = (p: keyof typeof PARTITION) => (PARTITION[p].endsWith('#') ? `${PARTITION[p]}*` : PARTITION[p]);

describe('least privilege inside the table', () => {
  it('every statement on the table is limited to named partitions, and requires the request to name its keys', () => {
    for (const [name, fn] of functions()) {
      for (const st of dynamo(fn).filter((st) => isTableArn(st.Resource))) {
        expect(leadingKeys(st), `${name} ${st.Sid}`).toBeDefined();
        expect(leadingKeys(st)!.every((k) => /^[A-Z]+(#\*)?$/.test(k)), `${name}: ${leadingKeys(st)!.join(', ')}`).toBe(true);
        expect(st.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      }
    }
  });

  it('grants each function exactly the partitions lib/table-access.ts declares for it', () => {
    for (const [name, fn] of functions()) {
      const access = TABLE_ACCESS[name];
      const reads = dynamo(fn).find((st) => st.Sid === 'ReadItsPartitions');
      const writes = dynamo(fn).find((st) => st.Sid === 'WriteItsPartitions');
      expect(reads ? leadingKeys(reads) : [], name).toEqual(access.reads.map(pattern));
      expect(writes ? leadingKeys(writes) : [], name).toEqual(access.writes.map(pattern));
    }
  });

  it('lets ses-events put suppression items and nothing else: no other action, partition, index or read', () => {
    const statements = dynamo(s.service.sesEvents);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      Effect: 'Allow',
      Action: 'dynamodb:PutItem',
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUPPRESS#*'] } },
    });
    expect(isTableArn(statements[0]!.Resource)).toBe(true);
  });

  it('keeps each function out of the partitions it has no business in', () => {
    const writable = (fn: AfterviewFunction) => leadingKeys(dynamo(fn).find((st) => st.Sid === 'WriteItsPartitions')!) ?? [];
    const readable = (fn: AfterviewFunction) => leadingKeys(dynamo(fn).find((st) => st.Sid === 'ReadItsPartitions')!) ?? [];
    // Only bounces and complaints suppress an address; the API and the jobs only read suppressions.
    for (const fn of [s.service.apiFunction, s.service.pollCompany.fn, s.service.digestSender.fn]) expect(writable(fn)).not.toContain('SUPPRESS#*');
    // Sign-in secrets (tokens, tickets, sessions) and the email index belong to the API alone.
    for (const fn of [s.service.pollCompany.fn, s.service.digestSender.fn]) {
      for (const p of ['TOKEN#*', 'TICKET#*', 'EMAIL#*'] as const) {
        expect(readable(fn)).not.toContain(p);
        expect(writable(fn)).not.toContain(p);
      }
    }
    // Stories are written by the poll only.
    for (const fn of [s.service.apiFunction, s.service.digestSender.fn]) expect(writable(fn)).not.toContain('NEWS#*');
  });

  it('lets functions query only the indexes they use, and nothing but Query on an index', () => {
    for (const [name, fn] of functions()) {
      const onIndexes = dynamo(fn).filter((st) => JSON.stringify(st.Resource).includes('/index/'));
      for (const st of onIndexes) expect(actions(st), name).toEqual(['dynamodb:Query']);
      const named = onIndexes.flatMap((st) => [st.Resource].flat().map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1]));
      expect(named.sort(), name).toEqual([...TABLE_ACCESS[name].indexes].sort());
    }
    expect(TABLE_ACCESS['poll-planner'].indexes).toEqual(['GSI1']);
  });
});

describe('the link-signing key', () => {
  it('is a generated Secrets Manager secret in the data stack, kept when the stack goes', () => {
    s.dataTemplate.resourceCountIs('AWS::SecretsManager::Secret', 1);
    s.dataTemplate.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }) },
    });
  });

  it('is readable (GetSecretValue only) by exactly the functions that sign or verify links, which are told where it is', () => {
    const secret = s.logicalId(s.data.linkSigningKey);
    const signers = [s.service.apiFunction, s.service.pollCompany.fn, s.service.digestSender.fn];
    for (const [name, fn] of functions()) {
      const statements = statementsOf(fn).filter((st) => actions(st).some((a) => a.startsWith('secretsmanager:')));
      const env = (s.serviceTemplate.findResources('AWS::Lambda::Function')[s.logicalId(fn.function)] as { Properties: { Environment: { Variables: Record<string, unknown> } } })
        .Properties.Environment.Variables;
      if (signers.includes(fn)) {
        expect(statements, name).toHaveLength(1);
        expect(actions(statements[0]!)).toEqual(['secretsmanager:GetSecretValue']);
        expect(JSON.stringify(statements[0]!.Resource)).toContain(secret);
        expect(JSON.stringify(env.AFTERVIEW_LINK_KEY_SECRET)).toContain(secret);
      } else {
        expect(statements, name).toEqual([]);
        expect(env.AFTERVIEW_LINK_KEY_SECRET, name).toBeUndefined();
      }
    }
  });

  it('gives no function a way to change it or to read any other secret', () => {
    for (const [name, fn] of functions()) {
      const all = statementsOf(fn).flatMap(actions);
      expect(all.filter((a) => a.startsWith('secretsmanager:') && a !== 'secretsmanager:GetSecretValue'), name).toEqual([]);
      for (const st of statementsOf(fn).filter((st) => actions(st).includes('secretsmanager:GetSecretValue'))) {
        expect(JSON.stringify(st.Resource)).not.toContain('*');
      }
    }
  });
});
