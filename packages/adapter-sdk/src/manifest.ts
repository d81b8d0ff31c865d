import type {
  Clock,
  MessageBus,
  Notifier,
  PaymentGateway,
  Persistence,
  SecretBox,
  StoreChannel,
  SupplierGateway,
} from '@dropship/core';

/** The adapter API version this platform speaks. A manifest with another major is refused at load. */
export const ADAPTER_API_VERSION = 1;

/** Ports an adapter can provide, and the type each maps to. */
export interface PortTypes {
  persistence: Persistence;
  bus: MessageBus;
  supplier: SupplierGateway;
  store: StoreChannel;
  payments: PaymentGateway;
  notifier: Notifier;
}
export type PortName = keyof PortTypes;

/** Minimal structured logger handed to adapters (pino-compatible subset). */
export interface AdapterLogger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): AdapterLogger;
}

/** What the platform gives every adapter instance. Options never arrive any other way. */
export interface AdapterContext {
  /** The instance id from config (one identity per instance). */
  readonly id: string;
  readonly logger: AdapterLogger;
  readonly clock: Clock;
  /** Where an embedded adapter may keep files (PGlite data, …). */
  readonly dataDir: string;
  /** Encryption for secrets the adapter stores. */
  readonly secrets?: SecretBox;
  /** Outbound URLs to private/loopback ranges are allowed (development and tests only). */
  readonly allowPrivateUrls: boolean;
}

/** A created adapter instance: the ports it provides plus optional lifecycle hooks. */
export interface AdapterInstance {
  readonly ports: Partial<PortTypes>;
  /** Connects, migrates, warms up. Called exactly once, before anything uses the ports. */
  init?(): Promise<void>;
  /** Releases connections. Called exactly once, in reverse order of init, on shutdown. */
  dispose?(): Promise<void>;
}

/** JSON Schema (draft 2020-12 subset ajv understands) for an adapter's options. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface AdapterManifest<O = Record<string, unknown>> {
  /** Equals the npm package name. */
  readonly name: string;
  readonly apiVersion: number;
  readonly provides: readonly PortName[];
  readonly description?: string;
  /** Validated by the platform before `create` is called; defaults are applied. */
  readonly optionsSchema: JsonSchema;
  /** Option keys whose values are secrets (never logged, encrypted at rest where stored). */
  readonly secretOptions?: readonly string[];
  create(ctx: AdapterContext, options: O): AdapterInstance | Promise<AdapterInstance>;
}

/** Declares an adapter package's manifest (its default export). */
export function defineAdapter<O = Record<string, unknown>>(manifest: AdapterManifest<O>): AdapterManifest<O> {
  return Object.freeze({ ...manifest });
}
