import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAjv, toFieldErrors } from './ajv';

/** One adapter instance: its identity (`id`), the package that implements it, and its options. */
export interface AdapterConfig {
  readonly id: string;
  readonly use: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface PlatformConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** True when no DATABASE_URL is set: PGlite + in-process queue, demo defaults. */
  readonly embedded: boolean;
  readonly databaseUrl: string | null;
  readonly amqpUrl: string | null;
  readonly admin: { readonly email: string; readonly password: string; readonly fromDefaults: boolean };
  readonly demo: boolean;
  readonly rateLimitAuthPerMinute: number;
  readonly allowPrivateUrls: boolean;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly importLimitBytes: number;
  /** Directories whose `node_modules` also hold adapter packages (installed outside this repository). */
  readonly adapterDirs: readonly string[];
  /** Adapter packages that may be loaded; anything else named in config is refused. */
  readonly allow: readonly string[];
  readonly adapters: readonly AdapterConfig[];
}

/** Adapters that ship with the platform (the default allow-list). */
export const BUILT_IN_ADAPTERS = [
  '@dropship/adapter-postgres',
  '@dropship/adapter-queue-memory',
  '@dropship/adapter-rabbitmq',
  '@dropship/adapter-supplier-portal',
  '@dropship/adapter-supplier-http',
  '@dropship/adapter-notifier-smtp',
] as const;

export const DEMO_ADMIN = { email: 'admin@demo.dropship.local', password: 'demo-admin-password' } as const;

const fileSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string', minLength: 1 } },
    adapters: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'use'],
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
          use: { type: 'string', minLength: 1 },
          options: { type: 'object', default: {} },
        },
      },
    },
  },
} as const;

/** Reads configuration from the environment (and `DROPSHIP_CONFIG`, a JSON file of adapters). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PlatformConfig {
  const databaseUrl = env.DATABASE_URL || null;
  const amqpUrl = env.AMQP_URL || null;
  const embedded = !databaseUrl;
  const dataDir = path.resolve(cwd, env.DROPSHIP_DATA_DIR || '.data');
  const adminEmail = env.DROPSHIP_ADMIN_EMAIL || (embedded ? DEMO_ADMIN.email : '');
  const adminPassword = env.DROPSHIP_ADMIN_PASSWORD || (embedded ? DEMO_ADMIN.password : '');
  if (!adminEmail || !adminPassword) {
    throw new Error('DROPSHIP_ADMIN_EMAIL and DROPSHIP_ADMIN_PASSWORD must be set when DATABASE_URL is set (the first admin is created from them).');
  }
  const defaults: AdapterConfig[] = [
    { id: 'db', use: '@dropship/adapter-postgres', options: databaseUrl ? { url: 'env:DATABASE_URL' } : { dataDir: path.join(dataDir, 'pglite') } },
    amqpUrl
      ? { id: 'bus', use: '@dropship/adapter-rabbitmq', options: { url: 'env:AMQP_URL', ...(env.DROPSHIP_AMQP_PREFIX ? { prefix: env.DROPSHIP_AMQP_PREFIX } : {}) } }
      : { id: 'bus', use: '@dropship/adapter-queue-memory', options: {} },
    { id: 'supplier-portal', use: '@dropship/adapter-supplier-portal', options: {} },
    ...(env.SMTP_URL ? [{ id: 'mail', use: '@dropship/adapter-notifier-smtp', options: { url: 'env:SMTP_URL', from: env.MAIL_FROM || 'Dropship <no-reply@localhost>' } }] : []),
  ];
  let allow: string[] = [...BUILT_IN_ADAPTERS];
  let adapters = defaults;
  if (env.DROPSHIP_CONFIG) {
    const file = readConfigFile(path.resolve(cwd, env.DROPSHIP_CONFIG));
    allow = [...allow, ...(file.allow ?? [])];
    const byId = new Map(defaults.map((a) => [a.id, a]));
    for (const a of file.adapters ?? []) byId.set(a.id, { id: a.id, use: a.use, options: a.options ?? {} });
    adapters = [...byId.values()];
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  const rate = Number(env.DROPSHIP_RATE_LIMIT_AUTH ?? 20);
  if (!Number.isFinite(rate) || rate < 0) throw new Error(`DROPSHIP_RATE_LIMIT_AUTH must be a number >= 0, got "${env.DROPSHIP_RATE_LIMIT_AUTH}"`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    embedded,
    databaseUrl,
    amqpUrl,
    admin: { email: adminEmail, password: adminPassword, fromDefaults: !env.DROPSHIP_ADMIN_PASSWORD },
    demo: (env.DROPSHIP_DEMO ?? (embedded ? '1' : '0')) === '1',
    rateLimitAuthPerMinute: rate,
    allowPrivateUrls: env.DROPSHIP_ALLOW_PRIVATE_URLS === '1',
    logLevel: env.DROPSHIP_LOG_LEVEL || 'info',
    bodyLimitBytes: 1024 * 1024,
    importLimitBytes: 25 * 1024 * 1024,
    allow,
    adapters,
    adapterDirs: (env.DROPSHIP_ADAPTER_DIRS ?? cwd).split(path.delimiter).filter(Boolean).map((d) => path.resolve(cwd, d)),
  };
}

function readConfigFile(file: string): { allow?: string[]; adapters?: { id: string; use: string; options?: Record<string, unknown> }[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`DROPSHIP_CONFIG ${file} could not be read as JSON: ${(e as Error).message}`);
  }
  const validate = createAjv().compile(fileSchema);
  if (!validate(parsed)) {
    const problems = toFieldErrors(validate.errors).map((e) => `${e.path} ${e.message}`);
    throw new Error(`DROPSHIP_CONFIG ${file} is invalid: ${problems.join('; ')}`);
  }
  return parsed as ReturnType<typeof readConfigFile>;
}
