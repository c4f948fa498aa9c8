import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, RateLimitedError } from '../app/errors.js';

const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  validation_error: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  usage: 400,
};

/** The API's error body: {"error":{"code","message","details"?}}. */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The one place typed errors become HTTP responses; anything unexpected is a 500 without internals. */
export function toErrorResponse(err: unknown, c: Context): Response {
  if (err instanceof RateLimitedError) {
    c.header('Retry-After', String(err.retryAfterSeconds));
  }
  if (err instanceof AppError) {
    const status = STATUS_BY_CODE[err.code] ?? 500;
    return c.json(errorBody(err.code, err.message, err.details), status);
  }
  if (err instanceof HTTPException) {
    return c.json(errorBody('http_error', err.message || 'request failed'), err.status);
  }
  return c.json(errorBody('internal_error', 'something went wrong on our side; please try again'), 500);
}
