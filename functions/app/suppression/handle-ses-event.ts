/**
 * Bounces and complaints from SES: a hard bounce (bounceType Permanent) or a complaint suppresses
 * the address for every kind of mail. Accepts what the deployment may wire in front of it —
 * SES notifications or event publishing through SNS (Lambda `Records[].Sns.Message`), an SNS
 * message already unwrapped, or the EventBridge SES event — and ignores everything else.
 */
import { z } from 'zod';
import type { Clock, Logger, SuppressionRepository } from '../ports.js';

const Recipient = z.object({ emailAddress: z.string().min(3) }).loose();

/** The SES notification body, as SNS carries it and as EventBridge's `detail`. */
const SesNotification = z
  .object({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    bounce: z
      .object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: z.array(Recipient) })
      .loose()
      .optional(),
    complaint: z
      .object({ complainedRecipients: z.array(Recipient), complaintFeedbackType: z.string().optional() })
      .loose()
      .optional(),
  })
  .loose();
type SesNotification = z.infer<typeof SesNotification>;

const SnsLambdaEvent = z.object({
  Records: z.array(z.object({ Sns: z.object({ Message: z.string() }).loose() }).loose()).min(1),
});
const EventBridgeEvent = z.object({ source: z.literal('aws.ses'), detail: z.unknown() }).loose();

/** One address to suppress, and why (kept with the suppression for support questions). */
export interface Suppression {
  email: string;
  reason: string;
}

function fromNotification(raw: unknown): Suppression[] | null {
  const parsed = SesNotification.safeParse(raw);
  if (!parsed.success) return null;
  const n: SesNotification = parsed.data;
  const type = (n.notificationType ?? n.eventType ?? '').toLowerCase();
  if (type === 'bounce' && n.bounce) {
    // Transient and undetermined bounces (mailbox full, greylisting) may deliver next time.
    if (n.bounce.bounceType !== 'Permanent') return [];
    const reason = `hard bounce${n.bounce.bounceSubType ? ` (${n.bounce.bounceSubType})` : ''}`;
    return n.bounce.bouncedRecipients.map((r) => ({ email: r.emailAddress, reason }));
  }
  if (type === 'complaint' && n.complaint) {
    const reason = `complaint${n.complaint.complaintFeedbackType ? ` (${n.complaint.complaintFeedbackType})` : ''}`;
    return n.complaint.complainedRecipients.map((r) => ({ email: r.emailAddress, reason }));
  }
  return type ? [] : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The addresses an SES event asks to suppress. `recognized` is false when the input is none of
 * the accepted shapes (the caller logs it instead of retrying it forever).
 */
export function suppressionsFromSesEvent(event: unknown): { recognized: boolean; suppressions: Suppression[] } {
  const sns = SnsLambdaEvent.safeParse(event);
  if (sns.success) {
    const all: Suppression[] = [];
    let recognized = false;
    for (const record of sns.data.Records) {
      const found = fromNotification(parseJson(record.Sns.Message));
      if (found) {
        recognized = true;
        all.push(...found);
      }
    }
    return { recognized, suppressions: all };
  }
  const bridge = EventBridgeEvent.safeParse(event);
  const found = fromNotification(bridge.success ? bridge.data.detail : event);
  return found ? { recognized: true, suppressions: found } : { recognized: false, suppressions: [] };
}

export interface SesEventDependencies {
  suppressions: SuppressionRepository;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * What the bounce/complaint Lambda handler calls. Safe to repeat (suppressing twice is a no-op
 * in effect), so SNS or EventBridge redelivery does no harm.
 */
export async function handleSesEvent(event: unknown, deps: SesEventDependencies): Promise<{ suppressed: number; recognized: boolean }> {
  const { recognized, suppressions } = suppressionsFromSesEvent(event);
  if (!recognized) {
    deps.logger.warn('SES event not recognized; nothing suppressed');
    return { suppressed: 0, recognized };
  }
  const now = deps.clock.now();
  const unique = new Map(suppressions.map((s) => [s.email.trim().toLowerCase(), s]));
  for (const [email, s] of unique) await deps.suppressions.suppress(email, s.reason, now);
  // Counts only: addresses never go into logs.
  deps.logger.info('SES event handled', { suppressed: unique.size });
  return { suppressed: unique.size, recognized };
}
