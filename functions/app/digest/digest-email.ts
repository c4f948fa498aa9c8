/**
 * The digest email: the domain says what the digest holds (domain/digest), functions/mail
 * renders it as plain text and HTML.
 */
import { digestView, type ComposedDigest, type DigestInput } from '../../domain/digest/index.js';
import { renderEmail } from '../../mail/index.js';

/** One subscriber's digest, both parts, and what the job needs to know about it. */
export async function composeDigest(input: DigestInput): Promise<ComposedDigest> {
  const { email, ...about } = await digestView(input);
  return { ...renderEmail(email), ...about };
}
