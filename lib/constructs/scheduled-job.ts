import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AfterviewFunction, type AfterviewFunctionProps } from './afterview-function.js';
import { deadLetterQueue } from './dead-letter-queue.js';

/** Props of {@link ScheduledJob}. */
export interface ScheduledJobProps {
  /** When the job runs (EventBridge Scheduler expression, UTC). */
  schedule: scheduler.ScheduleExpression;
  function: Omit<AfterviewFunctionProps, 'asyncFailures'>;
  /** How often Scheduler retries a failed delivery to Lambda (throttling, service errors). */
  retryAttempts?: number;
  /** How long a run stays worth delivering; the next run supersedes an older one anyway. */
  maxEventAge?: Duration;
}

/**
 * A function run on a schedule by EventBridge Scheduler. The schedule invokes the function
 * asynchronously with its scheduled time as input, so a retried run sees the same instant.
 * Both failure paths end in one dead-letter queue: deliveries Scheduler gives up on, and runs
 * that still fail after Lambda's own retries.
 */
export class ScheduledJob extends Construct {
  readonly fn: AfterviewFunction;
  readonly schedule: scheduler.Schedule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const maxEventAge = props.maxEventAge ?? Duration.minutes(30);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    this.fn = new AfterviewFunction(this, 'Job', {
      ...props.function,
      asyncFailures: { queue: this.deadLetterQueue, retryAttempts: 2, maxEventAge },
    });
    // A role of our own (instead of the shared one aws-scheduler-targets would create) so the
    // acknowledgement below sits on exactly this schedule's permissions.
    const role = new iam.Role(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      schedule: props.schedule,
      description: props.function.description,
      timeWindow: scheduler.TimeWindow.off(),
      target: new LambdaInvoke(this.fn.function, {
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
        role,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: props.retryAttempts ?? 3,
        maxEventAge,
      }),
    });
    const fnLogicalId = Stack.of(this).getLogicalId(this.fn.function.node.defaultChild as lambda.CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
      reason: 'Scheduler may invoke this one function; the ":*" (its versions and aliases) is added by aws-scheduler-targets.',
    });
  }
}
