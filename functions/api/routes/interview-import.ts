/** POST /v1/interviews/import: a calendar invite in, the interview it describes out; nothing saved. */
import { createRoute, z } from '@hono/zod-openapi';
import { decodeFeedBytes } from '../../domain/feed/charset.js';
import { MAX_INVITE_BYTES, readInviteFor } from '../../app/interviews/import-invite.js';
import { BEARER_SECURITY, newRouter, requireSubscriber, subscriberOf, type ApiDependencies } from '../context.js';
import { ErrorResponse } from '../schemas.js';

/** The path whose body may be as large as an invite (app.ts gives it its own body limit). */
export const INVITE_IMPORT_PATH = '/v1/interviews/import';

const ImportedInterview = z
  .object({
    company: z.string().nullable(),
    role: z.string().nullable(),
    interviewer: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
    interviewedAt: z.string().openapi({ description: 'The start of the interview (UTC).', example: '2026-11-02T20:00:00Z' }),
    format: z.enum(['in-person', 'video', 'phone']).nullable(),
    decisionExpectedBy: z.null().openapi({ description: 'Invites never say; ask at the interview.' }),
    contactPolicy: z.null(),
    lastEmployerChannel: z.null(),
    timeZone: z.string().nullable().openapi({ description: 'IANA; Windows zone names (Outlook, Teams) are translated.' }),
  })
  .openapi('ImportedInterview');

const InviteReading = z
  .object({
    interview: ImportedInterview,
    warnings: z.array(z.string()).openapi({ example: ['We guessed the company from acme.example — check it.'] }),
  })
  .openapi('InviteReading');

const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

export function interviewImportRoutes(deps: ApiDependencies) {
  const router = newRouter();
  router.openapi(
    createRoute({
      tags: ['Interviews'],
      security: BEARER_SECURITY,
      middleware: [requireSubscriber],
      method: 'post',
      path: INVITE_IMPORT_PATH,
      summary: 'Read a calendar invite into an interview (saves nothing)',
      description:
        `Send the invite's .ics file as the body (\`Content-Type: text/calendar\`, at most ${MAX_INVITE_BYTES / 1024} KB). ` +
        'Google Calendar, Outlook/Teams (Windows zone names), Zoom, Apple Calendar and Calendly invites are read. ' +
        'The answer holds the interview fields, null where the invite does not say, and warnings to check. ' +
        'Nothing is saved: add the interview with POST /v1/interviews, sending the interview back as it is once the person has checked it ' +
        '(null means "not given" there: contactPolicy becomes "ok", lastEmployerChannel "email", timeZone "UTC"; company, role and the interviewer\'s name must be filled in). ' +
        'Several events: the one not cancelled that is closest to now. Your own address is never the interviewer.',
      request: {
        body: {
          required: true,
          content: { 'text/calendar': { schema: z.string().openapi({ example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n' }) } },
        },
      },
      responses: {
        200: json(InviteReading, 'The interview the invite describes, and what to check'),
        400: json(ErrorResponse, 'Not a usable invite: not iCalendar, no event, only a cancellation, or no start time'),
        401: json(ErrorResponse, 'Missing or invalid API token'),
        429: json(ErrorResponse, 'Too many requests'),
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      // iCalendar is UTF-8 unless the sender says otherwise (a charset on Content-Type, or a BOM).
      const { text } = decodeFeedBytes(bytes, c.req.header('content-type'));
      return c.json(await readInviteFor(deps, subscriberOf(c), text), 200);
    },
  );
  return router;
}
