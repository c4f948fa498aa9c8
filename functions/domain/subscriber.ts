import { z } from 'zod';
import { TimeZone } from './interview.js';

export const SubscriberStatus = z.enum(['pending', 'confirmed', 'unsubscribed']);
export type SubscriberStatus = z.infer<typeof SubscriberStatus>;

export const AlertMode = z.enum(['instant', 'digest']);
export type AlertMode = z.infer<typeof AlertMode>;

/** The settings a subscriber controls (`/v1/me`). */
export const SubscriberSettings = z
  .object({
    timeZone: TimeZone,
    digestHour: z.number().int().min(0).max(23),
    alerts: AlertMode,
    dailyEvenIfEmpty: z.boolean(),
  })
  .strict();
export type SubscriberSettings = z.infer<typeof SubscriberSettings>;

export const DEFAULT_SETTINGS: SubscriberSettings = {
  timeZone: 'UTC',
  digestHour: 8,
  alerts: 'instant',
  dailyEvenIfEmpty: false,
};

/** A person who subscribed by email. */
export interface Subscriber extends SubscriberSettings {
  id: string;
  email: string;
  status: SubscriberStatus;
  createdAt: string;
  confirmedAt?: string;
  /** The UTC instant of the next local digest hour; only confirmed subscribers have one. */
  nextDigestAt?: string;
  /** SHA-256 hashes of the API tokens issued to this subscriber (never the tokens). */
  tokenHashes: string[];
  /**
   * Which calendar feed link is current: the link carries the version it was made with, and
   * renewing the link moves this on, so every older link stops working at once. Absent means 0.
   */
  calendarKeyVersion?: number;
  /** Web sessions started before this instant are refused ("sign out everywhere"). */
  sessionsValidFrom?: string;
}
