/**
 * The whole deployment: the data stack, the service stack that receives its resources as props,
 * and the cdk-nag checks over both. bin/app.ts and the infra tests build the app the same way.
 */
import { Annotations, type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { DeploymentConfig } from './config.js';
import { PLACEHOLDER_SENDER } from './config.js';
import { DataStack } from './data-stack.js';
import { ServiceStack } from './service-stack.js';

export interface AfterviewStacks {
  data: DataStack;
  service: ServiceStack;
}

/** Adds both stacks to `app` and applies the cdk-nag packs. */
export function addAfterviewStacks(app: App, config: DeploymentConfig): AfterviewStacks {
  const env = config.env;
  // Strong references (Fn::ImportValue): the data stack cannot be deleted while the service uses it.
  const strength = '@aws-cdk/core:defaultCrossStackReferences';
  if (app.node.tryGetContext(strength) === undefined) app.node.setContext(strength, 'strong');
  const data = new DataStack(app, 'Afterview-Data', {
    env,
    description: 'afterview: the table and the SES identity and configuration set (stateful)',
    identity: config.identity,
    sandboxRecipients: config.sandboxRecipients,
    // Stateful: `cdk destroy` must not take the sender's verification and settings by accident.
    terminationProtection: true,
  });
  const service = new ServiceStack(app, 'Afterview-Service', {
    env,
    description: 'afterview: functions, schedules, queue, HTTP API and alarms (stateless)',
    table: data.table,
    linkSigningKey: data.linkSigningKey,
    configurationSet: data.configurationSet,
    senderIdentity: data.senderIdentity,
    sandboxRecipients: data.sandboxRecipients,
    config,
  });
  Tags.of(app).add('app', 'afterview');

  if (config.placeholderSender) {
    Annotations.of(data).addWarningV2(
      'afterview:placeholderSender',
      `sender is the placeholder ${PLACEHOLDER_SENDER}, which SES cannot verify; deploy with -c sender=<address or domain you own>`,
    );
  }
  if (!config.alarmEmail) {
    Annotations.of(service).addWarningV2('afterview:noAlarmEmail', 'no alarmEmail in context: alarms will notify nobody (-c alarmEmail=you@example.com)');
  }

  // cdk-nag v3 runs as a CDK validation plugin: any unacknowledged finding stops the synth.
  // Acknowledgements sit on the constructs they concern, each with its reason (test/infra/nag.test.ts
  // lists them).
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
  return { data, service };
}
