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
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  usage: 400,
};

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
    const status = STATUS_BY_CODE[err.code] ?? 500;
    if (status === 500) return c.json(errorBody('internal_error', 'something went wrong on our side; please try again'), 500);
    return c.json(errorBody(err.code, err.message, err.details), status);
  }
  if (err instanceof HTTPException) {
    const { code, message } = fromHttpException(err);
    return c.json(errorBody(code, message), err.status);
  }
  return c.json(errorBody('internal_error', 'something went wrong on our side; please try again'), 500);
}
