#!/usr/bin/env -S npx tsx
/**
 * The CDK app (cdk.json runs it). Reads context once into a typed DeploymentConfig; the stacks
 * get only props. Context keys: see CONTEXT_KEYS in lib/config.ts and README "Deploy to AWS".
 */
import { App } from 'aws-cdk-lib';
import { addAfterviewStacks } from '../lib/afterview-app.js';
import { CONTEXT_KEYS, ContextError, deploymentConfig } from '../lib/config.js';

const app = new App();
try {
  const config = deploymentConfig((key: keyof typeof CONTEXT_KEYS) => app.node.tryGetContext(key), process.env);
  addAfterviewStacks(app, config);
} catch (err) {
  if (!(err instanceof ContextError)) throw err;
  console.error(err.message);
  process.exit(2);
}
