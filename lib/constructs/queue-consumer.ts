import { Duration, Validations } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AfterviewFunction, type AfterviewFunctionProps } from './afterview-function.js';
import { deadLetterQueue } from './dead-letter-queue.js';

/** SQS delivers a message this many times before it goes to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 3;

/** AWS's guidance: visibility timeout at least six times the consumer's timeout. */
export const VISIBILITY_TO_TIMEOUT_RATIO = 6;

/** Props of {@link QueueConsumer}. */
export interface QueueConsumerProps {
  function: Omit<AfterviewFunctionProps, 'asyncFailures'>;
  /** Messages per invocation; each is reported separately when it fails. */
  batchSize: number;
  /** The most concurrent invocations the queue may drive (a politeness cap on feed fetching too). */
  maxConcurrency: number;
}

/**
 * An encrypted queue and the function that consumes it. The visibility timeout follows the
 * function's timeout, failed messages are retried alone (partial batch responses) and land in
 * a dead-letter queue after {@link MAX_RECEIVE_COUNT} receives.
 */
export class QueueConsumer extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly fn: AfterviewFunction;

  constructor(scope: Construct, id: string, props: QueueConsumerProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.function.timeout.toSeconds() * VISIBILITY_TO_TIMEOUT_RATIO),
      // An hour-old poll request is superseded by the next hourly plan.
      retentionPeriod: Duration.hours(6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    this.fn = new AfterviewFunction(this, 'Consumer', props.function);
    this.fn.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize,
        maxConcurrency: props.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: 'SQS event source mappings take no on-failure destination; a message that keeps failing moves to the dead-letter queue through the redrive policy.',
    });
  }
}
