import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { InterviewRepository } from '../../app/ports.js';
import type { InterviewEvent, StoredInterview } from '../../domain/interview.js';
import { isConditionFailure, queryAll, type TableContext } from './base.js';
import { interviewFromItem, interviewToItem } from './items.js';
import { keys, SUBSCRIBER_SK_PREFIX } from './keys.js';
import { DAY_MS } from '../../domain/durations.js';

export class DynamoInterviewRepository implements InterviewRepository {
  constructor(private readonly ctx: TableContext) {}

  async list(subscriberId: string): Promise<StoredInterview[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.subscriberPartition(subscriberId), ':prefix': SUBSCRIBER_SK_PREFIX.interview },
    });
    return items.map(interviewFromItem);
  }

  async get(subscriberId: string, interviewId: string): Promise<StoredInterview | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: keys.interview(subscriberId, interviewId) }),
    );
    return Item ? interviewFromItem(Item) : null;
  }

  async put(interview: StoredInterview): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.tableName, Item: interviewToItem(interview) }));
  }

  async delete(subscriberId: string, interviewId: string): Promise<boolean> {
    const { Attributes } = await this.ctx.client.send(
      new DeleteCommand({ TableName: this.ctx.tableName, Key: keys.interview(subscriberId, interviewId), ReturnValues: 'ALL_OLD' }),
    );
    return Attributes !== undefined;
  }

  async claimCongratsSlot(
    subscriberId: string,
    interviewId: string,
    at: Date,
    spacingDays: number,
    forAlert?: { storyKey: string; freeIfBefore: Date },
  ): Promise<boolean> {
    const cutoff = (forAlert?.freeIfBefore ?? new Date(at.getTime() - spacingDays * DAY_MS)).toISOString();
    const free = 'attribute_not_exists(lastCongratsSuggestedAt) OR lastCongratsSuggestedAt <= :cutoff';
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.interview(subscriberId, interviewId),
          ...(forAlert
            ? {
                UpdateExpression: 'SET lastCongratsSuggestedAt = :at, lastCongratsStoryKey = :story',
                // The same story's alert may take it again: a run that died before sending it left it taken.
                ConditionExpression: `attribute_exists(PK) AND (${free} OR lastCongratsStoryKey = :story)`,
                ExpressionAttributeValues: { ':at': at.toISOString(), ':cutoff': cutoff, ':story': forAlert.storyKey },
              }
            : {
                // A suggestion that is not an alert's (the digest's) frees the slot from any story.
                UpdateExpression: 'SET lastCongratsSuggestedAt = :at REMOVE lastCongratsStoryKey',
                ConditionExpression: `attribute_exists(PK) AND (${free})`,
                ExpressionAttributeValues: { ':at': at.toISOString(), ':cutoff': cutoff },
              }),
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async markMovedOnNotice(subscriberId: string, interviewId: string, at: Date): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.interview(subscriberId, interviewId),
          UpdateExpression: 'SET movedOnNoticeAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(movedOnNoticeAt)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async appendEvent(
    subscriberId: string,
    interviewId: string,
    event: InterviewEvent,
    at: Date,
    maxEvents: number,
  ): Promise<StoredInterview | null> {
    try {
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.interview(subscriberId, interviewId),
          UpdateExpression: 'SET events = list_append(if_not_exists(events, :empty), :event), updatedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(events) OR size(events) < :max)',
          ExpressionAttributeValues: {
            ':event': [Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined))],
            ':empty': [],
            ':at': at.toISOString(),
            ':max': maxEvents,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? interviewFromItem(Attributes) : null;
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }

  async replace(interview: StoredInterview, expectedUpdatedAt: string): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: interviewToItem(interview),
          ConditionExpression: 'attribute_exists(PK) AND updatedAt = :expected',
          ExpressionAttributeValues: { ':expected': expectedUpdatedAt },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}
