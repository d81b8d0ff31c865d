import { ADAPTER_API_VERSION, type AdapterContext, type AdapterInstance, type AdapterManifest, type PortName } from '@dropship/adapter-sdk';
import type { AdapterConfig } from '../config/config';
import { createAjv, toFieldErrors } from '../config/ajv';
import { resolveEnvRefs } from '../config/env-refs';
import type { Importer } from './package-importer';

/** Why an adapter could not be loaded; the message always names the adapter id and package. */
export class AdapterLoadError extends Error {
  override readonly name = 'AdapterLoadError';
  constructor(readonly adapterId: string, readonly packageName: string, reason: string) {
    super(`Adapter "${adapterId}" (${packageName}): ${reason}`);
  }
}

export interface LoadedAdapter {
  readonly config: AdapterConfig;
  readonly manifest: AdapterManifest;
  readonly instance: AdapterInstance;
  /** Options after env resolution and schema defaults. */
  readonly options: Record<string, unknown>;
}

const PORTS: readonly PortName[] = ['persistence', 'bus', 'supplier', 'store', 'payments', 'notifier'];

/** Imports an allow-listed package by name and checks that its default export is a usable manifest. */
export async function importManifest(config: AdapterConfig, allow: readonly string[], importer: Importer = (s) => import(s)): Promise<AdapterManifest> {
  const fail = (reason: string) => new AdapterLoadError(config.id, config.use, reason);
  if (!allow.includes(config.use)) throw fail(`package is not in the allow-list (add it to "allow" in DROPSHIP_CONFIG to trust it)`);
  let mod: unknown;
  try {
    mod = await importer(config.use);
  } catch (e) {
    throw fail(`cannot be imported: ${(e as Error).message.split('\n')[0]} (is the package installed?)`);
  }
  const manifest = (mod as { default?: unknown }).default as AdapterManifest | undefined;
  if (!manifest || typeof manifest !== 'object' || typeof manifest.create !== 'function') throw fail('its default export is not an adapter manifest (use defineAdapter)');
  if (manifest.name !== config.use) throw fail(`manifest name "${manifest.name}" does not equal the package name`);
  if (manifest.apiVersion !== ADAPTER_API_VERSION) throw fail(`built for adapter API v${manifest.apiVersion}, this platform speaks v${ADAPTER_API_VERSION}`);
  if (!Array.isArray(manifest.provides) || manifest.provides.length === 0 || manifest.provides.some((p) => !PORTS.includes(p))) {
    throw fail(`"provides" must list some of ${PORTS.join(', ')}`);
  }
  return manifest;
}

const ajv = createAjv();

/** Validates options against the manifest's schema (defaults applied); throws naming the adapter. */
export function validateOptions(config: AdapterConfig, manifest: AdapterManifest, env: NodeJS.ProcessEnv): Record<string, unknown> {
  let options: Record<string, unknown>;
  try {
    options = structuredClone(resolveEnvRefs(config.options ?? {}, env) as Record<string, unknown>);
  } catch (e) {
    throw new AdapterLoadError(config.id, config.use, (e as Error).message);
  }
  const validate = ajv.compile(manifest.optionsSchema);
  if (!validate(options)) {
    const problems = toFieldErrors(validate.errors, 'options').map((e) => `${e.path} ${e.message}`);
    throw new AdapterLoadError(config.id, config.use, `invalid options: ${problems.join('; ')}`);
  }
  return options;
}

/** Loads every configured adapter (import, check, validate, create) without initialising any. */
export async function loadAdapters(
  configs: readonly AdapterConfig[],
  opts: { allow: readonly string[]; env: NodeJS.ProcessEnv; context: (id: string) => AdapterContext; importer?: Importer },
): Promise<LoadedAdapter[]> {
  const ids = new Set<string>();
  const loaded: LoadedAdapter[] = [];
  for (const config of configs) {
    if (ids.has(config.id)) throw new AdapterLoadError(config.id, config.use, 'the id is used twice; every adapter instance needs its own id');
    ids.add(config.id);
    const manifest = await importManifest(config, opts.allow, opts.importer);
    const options = validateOptions(config, manifest, opts.env);
    let instance: AdapterInstance;
    try {
      instance = await manifest.create(opts.context(config.id), options);
    } catch (e) {
      throw new AdapterLoadError(config.id, config.use, `create() failed: ${(e as Error).message}`);
    }
    for (const p of Object.keys(instance.ports ?? {})) {
      if (!manifest.provides.includes(p as PortName)) throw new AdapterLoadError(config.id, config.use, `returned port "${p}" it does not declare in "provides"`);
    }
    loaded.push({ config, manifest, instance, options });
  }
  return loaded;
}
