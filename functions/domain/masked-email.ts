/**
 * An email address shown so its owner recognises it and a stranger learns little: the first
 * character of the name, then "•••", then the domain — `d•••@example.com`.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  const first = Array.from(email.slice(0, at).trim())[0] ?? '';
  return `${first}•••@${email.slice(at + 1).trim().toLowerCase()}`;
}
