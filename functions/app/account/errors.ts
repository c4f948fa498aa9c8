import { AppError } from '../errors.js';

/**
 * An emailed link (confirmation, sign-in, action, unsubscribe) that cannot be used: expired,
 * already used, forged or mistyped. One message for all, so a link reveals nothing about why.
 */
export class InvalidLinkError extends AppError {
  constructor(what: string, nextStep: string) {
    super(`this ${what} link is not valid: it has expired, was already used, or was copied incompletely. ${nextStep}`, 'invalid_link');
  }
}
