/**
 * A deliberately tiny template language: `{{ name }}` inserts a variable, `{{ name | url }}`
 * inserts it only when it is an http(s) URL. No logic, loops or raw output — anything richer is
 * computed by the caller into variables, so a template can never run code or skip escaping.
 */
export type TemplateMode = 'text' | 'html' | 'subject';

/** A template referenced a variable the data does not have (or has as null/undefined/object). */
export class TemplateVariableError extends Error {
  override readonly name = 'TemplateVariableError';
  constructor(
    readonly template: string,
    readonly variable: string,
    reason: string,
  ) {
    super(`Template "${template}": variable "${variable}" ${reason}`);
  }
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** Renders `source` with `data`; throws `TemplateVariableError` naming the first missing variable. */
export function renderTemplate(source: string, data: Readonly<Record<string, unknown>>, mode: TemplateMode, name = 'inline'): string {
  const out = source.replace(PLACEHOLDER, (_m, variable: string, filter: string | undefined) => {
    const raw = Object.prototype.hasOwnProperty.call(data, variable) ? data[variable] : undefined;
    if (raw === undefined || raw === null) throw new TemplateVariableError(name, variable, 'is missing');
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'bigint' && typeof raw !== 'boolean') {
      throw new TemplateVariableError(name, variable, `must be a string or number, got ${typeof raw}`);
    }
    let value = String(raw);
    if (filter === 'url') {
      if (!/^https?:\/\/[^\s]+$/i.test(value)) throw new TemplateVariableError(name, variable, 'must be an http(s) URL');
    } else if (filter !== undefined) {
      throw new TemplateVariableError(name, variable, `uses unknown filter "${filter}"`);
    }
    // A subject is a mail header: a line break in a value could inject headers.
    if (mode === 'subject') value = value.replace(/[\r\n\t]+/g, ' ');
    return mode === 'html' ? escapeHtml(value) : value;
  });
  if (out.includes('{{')) throw new Error(`Template "${name}": malformed placeholder near "${out.slice(out.indexOf('{{'), out.indexOf('{{') + 30)}"`);
  return mode === 'subject' ? out.replace(/\s+/g, ' ').trim() : out;
}
