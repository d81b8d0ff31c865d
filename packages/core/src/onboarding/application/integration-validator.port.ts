import type { FieldError } from '../../shared/domain-error';

/**
 * Checks a supplier's integration choice against the installed supplier adapters: the adapter
 * must be allowed by configuration and provide the `supplier` port, and the options must match
 * its schema. Implemented by the platform (it owns the adapter registry and ajv).
 */
export interface IntegrationValidator {
  /** Returns normalised options (defaults applied) or the field errors, paths under `/integration`. */
  validate(adapter: string, options: Readonly<Record<string, unknown>>): { ok: true; options: Record<string, unknown> } | { ok: false; errors: FieldError[] };
  /** Names of the supplier adapters a supplier may choose. */
  available(): readonly { name: string; description: string }[];
}
