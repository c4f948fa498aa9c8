/** The largest invite read (256 KB): a real invite is a few KB; anything bigger is not one event's .ics. */
export const MAX_INVITE_BYTES = 256 * 1024;
