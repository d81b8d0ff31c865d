/**
 * A pragmatic check of a recipient address (the addr-spec most mail systems accept), shared by
 * every Notifier so "invalid address" means the same thing everywhere: one `@`, a local part of
 * at most 64 characters without spaces, quotes, angle brackets or separators, and a domain of
 * dot-separated labels (letters incl. IDN, digits, inner hyphens). Total at most 254.
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*$/;
const LABEL = /^(?!-)[A-Za-z0-9\u0080-\uFFFF-]{1,63}(?<!-)$/;

export function isValidEmailAddress(address: string): boolean {
  if (typeof address !== 'string' || address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at !== address.indexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  return labels.length >= 1 && labels.every((l) => LABEL.test(l));
}
