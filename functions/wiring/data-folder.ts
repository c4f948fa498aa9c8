/**
 * Local mode's data folder is made the same careful way as the files in it. A module of its own,
 * importing nothing else: local/lock.ts needs it before anything builds a schema (the API's
 * zod extension must load first, functions/wiring/http-app.ts).
 */
export { makeDirectory } from '../adapters/files/directory.js';
