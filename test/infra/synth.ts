/**
 * Builds the app exactly as bin/app.ts does, for the infra tests: same config parsing, same
 * stacks, same cdk-nag plugins. Code bundling is skipped (only the templates are asserted) and so
 * is CDK's built-in CloudFormation schema validation, which keeps one synth near two seconds.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { addAfterviewStacks, type AfterviewStacks } from '../../lib/afterview-app.js';
import { deploymentConfig, type CONTEXT_KEYS } from '../../lib/config.js';

export interface Synthesized extends AfterviewStacks {
  app: App;
  dataTemplate: Template;
  serviceTemplate: Template;
  /** The CloudFormation logical ID of a construct's resource (or of the construct itself). */
  logicalId(construct: IConstruct): string;
}

export function synthAfterview(context: Partial<Record<keyof typeof CONTEXT_KEYS, string>> = {}): Synthesized {
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  });
  const config = deploymentConfig((key) => context[key], { CDK_DEFAULT_ACCOUNT: '111111111111', CDK_DEFAULT_REGION: 'eu-west-1' });
  const stacks = addAfterviewStacks(app, config);
  return {
    app,
    ...stacks,
    dataTemplate: Template.fromStack(stacks.data),
    serviceTemplate: Template.fromStack(stacks.service),
    logicalId(construct) {
      const resource = construct.node.defaultChild ?? construct;
      return Stack.of(resource).getLogicalId(resource as never);
    },
  };
}
