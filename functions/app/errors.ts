/**
 * The use cases' typed errors. Each code is mapped to an HTTP status in functions/http/errors.ts
 * and to a CLI exit code in functions/cli/main.ts; messages are written for the person who reads them.
 */
import { AppError } from '../domain/errors.js';

export { AppError };

/** The input is not what the product accepts (bad JSON, bad field, unknown key). */
export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 'validation_error', details);
  }
}

/** The thing does not exist — or belongs to someone else, which must look the same. */
export class NotFoundError extends AppError {
  constructor(what: string) {
    super(`${what} not found`, 'not_found');
  }
}

/** The request conflicts with the current state (e.g. the link was already used). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 'conflict');
  }
}

/** An account limit is reached (functions/domain/quotas.ts); the message names the limit. */
export class QuotaExceededError extends AppError {
  constructor(message: string) {
    super(message, 'quota_exceeded');
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'a valid API token is required (Authorization: Bearer <token>)') {
    super(message, 'unauthorized');
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 'rate_limited');
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(`the request body is larger than ${Math.round(limitBytes / 1024)} KB`, 'payload_too_large');
  }
}

/** A stored item failed validation when read back: never served, never silently fixed. */
export class CorruptItemError extends AppError {
  constructor(entity: string, key: string, problem: string) {
    super(`stored ${entity} ${key} is malformed: ${problem}`, 'corrupt_item');
  }
}

/** A service the product depends on (the table, the mail service) cannot be reached. */
export class ServiceUnavailableError extends AppError {
  constructor(message: string) {
    super(message, 'unavailable');
  }
}

/** A command-line usage problem (unknown flag, missing argument). */
export class UsageError extends AppError {
  constructor(message: string) {
    super(message, 'usage');
  }
}

/**
 * Why a feed could not be fetched (what a FeedFetcher rejects with): one line naming the URL, and
 * whether trying again later may help (network trouble, timeouts, 5xx) or not (a refused address,
 * an oversized body, a 404). The safe fetcher's concrete errors extend it.
 */
export abstract class FetchError extends AppError {
  abstract readonly transient: boolean;

  constructor(
    message: string,
    code: string,
    readonly url: string,
  ) {
    super(message, code);
  }
}

/**
 * Why the mail service did not take a mail (what a Mailer rejects with): `refused` — never for
 * this mail (a bad address, a rejected message): trying again cannot help; `transient` —
 * throttling, a 5xx, a timeout or the network: try again later; `unavailable` — the service sends
 * nothing for now (sending paused, account suspended, sender not verified): stop sending.
 */
export class MailDeliveryError extends AppError {
  constructor(
    message: string,
    readonly fault: 'refused' | 'transient' | 'unavailable',
    /** Throttling, so the sender also slows down. */
    readonly throttled = false,
  ) {
    super(message, 'mail_delivery');
  }
}

/** One readable line from zod issues: "interviewer.name: must not be empty". */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string; keys?: string[] }>): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const where = i.path.map(String).join('.');
      if (i.code === 'unrecognized_keys' && i.keys) {
        return `${where ? `${where}: ` : ''}unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      }
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}
