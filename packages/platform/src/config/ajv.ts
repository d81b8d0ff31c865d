import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import type { FieldError } from '@dropship/core';

// ajv ships CommonJS with `default` interop; normalise for ESM under tsx, vitest and node.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule;

export type AjvInstance = InstanceType<typeof Ajv2020>;

/** One configured ajv (JSON Schema 2020-12, formats, all errors, defaults applied). */
export function createAjv(opts: { coerceTypes?: boolean | 'array'; removeAdditional?: boolean } = {}): AjvInstance {
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    coerceTypes: opts.coerceTypes ?? false,
    removeAdditional: opts.removeAdditional ?? false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/** ajv errors as the API's `{ path, message }` list, readable by people. */
export function toFieldErrors(errors: readonly ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  return (errors ?? []).map((e) => {
    let path = prefix + e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      path = `${path}/${(e.params as { missingProperty: string }).missingProperty}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path = `${path}/${(e.params as { additionalProperty: string }).additionalProperty}`;
      message = 'is not an allowed field';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    }
    return { path: path || '/', message };
  });
}
