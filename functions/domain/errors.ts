/**
 * The base of the product's typed errors: a readable message and a stable code. The domain raises
 * its own (e.g. a feed that cannot be parsed); functions/app/errors.ts adds the use cases' ones.
 * Each code is mapped to an HTTP status in functions/http/errors.ts and to an exit code in
 * functions/cli/main.ts.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
