import type { FieldError } from '../../shared/domain-error';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** NIST SP 800-63B style: length matters, composition rules do not; refuse the obvious. */
export function checkPassword(password: string, email: string): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) errors.push({ path: '/password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
  if (password.length > MAX_PASSWORD_LENGTH) errors.push({ path: '/password', message: `must be at most ${MAX_PASSWORD_LENGTH} characters` });
  if (password.toLowerCase() === email.toLowerCase()) errors.push({ path: '/password', message: 'must not be your email address' });
  if (/^(.)\1+$/.test(password)) errors.push({ path: '/password', message: 'must not be one repeated character' });
  return errors;
}
