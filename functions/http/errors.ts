import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, RateLimitedError } from '../app/errors.js';

const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  validation_error: 400,
  invalid_link: 400,
  fetch_refused: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  quota_exceeded: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  usage: 400,
};

/** The HTTP status of a typed error: 500 for codes whose message is not written for people. */
export function statusOf(err: AppError): ContentfulStatusCode {
  return STATUS_BY_CODE[err.code] ?? 500;
}

/** Whether an error's message is for the person who made the request (a 4xx), not for the logs. */
export function isForPeople(err: unknown): err is AppError {
  return err instanceof AppError && statusOf(err) < 500;
}

/** The API's error body: {"error":{"code","message","details"?}}. */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Hono's own refusals (body parsing, media type), in the API's words. */
function fromHttpException(err: HTTPException): { code: string; message: string } {
  if (err.status === 400 && /json/i.test(err.message)) {
    return { code: 'validation_error', message: 'the request body is not valid JSON' };
  }
  if (err.status === 400 && /form/i.test(err.message)) {
    return { code: 'validation_error', message: 'the request body is not a valid form' };
  }
  if (err.status === 415) {
    return { code: 'unsupported_media_type', message: 'send the body as JSON with "Content-Type: application/json"' };
  }
  if (err.status === 413) {
    return { code: 'payload_too_large', message: 'the request body is too large' };
  }
  return { code: 'http_error', message: err.message || 'request failed' };
}

/** The one place typed errors become HTTP responses; anything unexpected is a 500 without internals. */
export function toErrorResponse(err: unknown, c: Context): Response {
  if (err instanceof RateLimitedError) {
    c.header('Retry-After', String(err.retryAfterSeconds));
  }
  if (err instanceof AppError) {
    const status = statusOf(err);
    if (status === 500) return c.json(errorBody('internal_error', 'something went wrong on our side; please try again'), 500);
    // What is down, and why, is for the logs (the message names tables, keys and endpoints).
    if (status === 503) return c.json(errorBody('unavailable', 'afterview cannot answer just now; please try again in a minute'), 503);
    return c.json(errorBody(err.code, err.message, err.details), status);
  }
  if (err instanceof HTTPException) {
    const { code, message } = fromHttpException(err);
    return c.json(errorBody(code, message), err.status);
  }
  return c.json(errorBody('internal_error', 'something went wrong on our side; please try again'), 500);
}
