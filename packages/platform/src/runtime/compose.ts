import 'reflect-metadata';
import { Container } from 'inversify';
import {
  AccountsService,
  CatalogImportService,
  CatalogService,
  DatabaseNotifier,
  FanOutNotifier,
  DispatchOrders,
  FulfilmentService,
  ListingsService,
  money,
  OrdersService,
  PlaceOrder,
  OnboardingService,
  systemClock,
  type Clock,
  type MessageBus,
  type Notifier,
  type Persistence,
  type SpreadsheetReader,
  type PasswordHasher,
  type TokenService,
} from '@dropship/core';
import type { AdapterContext, PortName, PortTypes } from '@dropship/adapter-sdk';
import { loadConfig, type PlatformConfig } from '../config/config';
import { loadAdapters, type LoadedAdapter } from '../adapters/load-adapters';
import { SupplierIntegrationRegistry } from '../adapters/integration-registry';
import { SupplierGateways } from '../adapters/supplier-gateways';
import { packageImporter } from '../adapters/package-importer';
import { createSecretBox, loadSecretKeys, ScryptPasswordHasher, createTokenService, type RotatingSecretBox } from '../crypto/index';
import { readSpreadsheet } from '../files/index';
import { createLogger, type Logger } from './logger';
import { Lifecycle } from './lifecycle';
import { OutboxRelay } from './outbox-relay';
import { TOKENS } from './tokens';

export interface PlatformServices {
  readonly accounts: AccountsService;
  readonly onboarding: OnboardingService;
  readonly catalog: CatalogService;
  readonly imports: CatalogImportService;
  readonly placeOrder: PlaceOrder;
  readonly orders: OrdersService;
  readonly listings: ListingsService;
  readonly dispatch: DispatchOrders;
  readonly fulfilment: FulfilmentService;
}

/** Everything an app needs, wired once. Nothing is started: apps add their components, then `lifecycle.start()`. */
export interface Platform {
  readonly config: PlatformConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  readonly container: Container;
  readonly lifecycle: Lifecycle;
  readonly adapters: readonly LoadedAdapter[];
  readonly persistence: Persistence;
  readonly bus: MessageBus;
  readonly secrets: RotatingSecretBox;
  readonly integrations: SupplierIntegrationRegistry;
  /** Per-supplier SupplierGateway instances built from each supplier's integration. */
  readonly gateways: SupplierGateways;
  readonly relay: OutboxRelay;
  readonly clock: Clock;
  /**
   * Records every message in the database (the site shows it) and, when an adapter provides
   * `notifier` (SMTP, configured by `SMTP_URL`), also sends it there.
   */
  readonly notifier: Notifier;
  readonly services: PlatformServices;
}

export interface ComposeOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces parts of the configuration read from env (tests). */
  readonly config?: Partial<PlatformConfig>;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly importer?: (specifier: string) => Promise<unknown>;
  /** Lower scrypt cost for tests; production uses the OWASP parameters. */
  readonly passwordHasher?: ScryptPasswordHasher;
  /** Flat platform fee per order in minor units of the order currency (default 0). */
  readonly orderFeeMinor?: number;
}

/** The composition root: config → adapters → container. The only place inversify is used. */
export async function composePlatform(opts: ComposeOptions = {}): Promise<Platform> {
  const env = opts.env ?? process.env;
  const config: PlatformConfig = { ...loadConfig(env), ...opts.config };
  const logger = opts.logger ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const secrets = createSecretBox(loadSecretKeys(env, config.dataDir, { embedded: config.embedded }));
  const context = (id: string): AdapterContext => ({
    id,
    logger: logger.child({ adapter: id }),
    clock,
    dataDir: config.dataDir,
    secrets,
    allowPrivateUrls: config.allowPrivateUrls,
  });
  const importer = opts.importer ?? packageImporter(config.adapterDirs);
  const adapters = await loadAdapters(config.adapters, { allow: config.allow, env, context, importer });
  const persistence = single(adapters, 'persistence');
  const bus = single(adapters, 'bus');
  const integrations = await SupplierIntegrationRegistry.discover(config.allow, importer);
  const lifecycle = new Lifecycle(logger);
  for (const a of adapters) {
    lifecycle.add({ name: `adapter:${a.config.id}`, start: () => a.instance.init?.() ?? Promise.resolve(), stop: () => a.instance.dispose?.() ?? Promise.resolve() });
  }
  const gateways = new SupplierGateways({ suppliers: persistence.repos.suppliers, allow: config.allow, context, importer });
  lifecycle.add({ name: 'supplier-gateways', start: () => Promise.resolve(), stop: () => gateways.close() });
  const database = new DatabaseNotifier(() => persistence.repos.notifications, clock);
  const transports = adapters.filter((a) => a.instance.ports.notifier).map((a) => a.instance.ports.notifier!);
  const notifier: Notifier = transports.length === 0 ? database : new FanOutNotifier([database, ...transports]);
  const relay = new OutboxRelay(persistence.repos.outbox, bus, clock, logger.child({ component: 'outbox-relay' }));

  const c = new Container();
  c.bind(TOKENS.Config).toConstantValue(config);
  c.bind(TOKENS.Env).toConstantValue(env);
  c.bind(TOKENS.Logger).toConstantValue(logger);
  c.bind(TOKENS.Clock).toConstantValue(clock);
  c.bind(TOKENS.Adapters).toConstantValue(adapters);
  c.bind(TOKENS.Persistence).toConstantValue(persistence);
  c.bind(TOKENS.Bus).toConstantValue(bus);
  c.bind(TOKENS.SecretBox).toConstantValue(secrets);
  c.bind(TOKENS.Integrations).toConstantValue(integrations);
  c.bind(TOKENS.Lifecycle).toConstantValue(lifecycle);
  c.bind(TOKENS.PasswordHasher).toConstantValue(opts.passwordHasher ?? new ScryptPasswordHasher());
  c.bind(TOKENS.TokenService).toConstantValue(createTokenService());
  c.bind<SpreadsheetReader>(TOKENS.SpreadsheetReader).toConstantValue((bytes, format, o) => readSpreadsheet(bytes, format, o));
  c.bind(TOKENS.Accounts)
    .toResolvedValue((p: Persistence, hasher: PasswordHasher, tokens: TokenService, clk: Clock) => new AccountsService({ repos: p.repos, uow: p.uow, hasher, tokens, clock: clk }), [TOKENS.Persistence, TOKENS.PasswordHasher, TOKENS.TokenService, TOKENS.Clock])
    .inSingletonScope();
  c.bind(TOKENS.Onboarding)
    .toResolvedValue((p: Persistence, clk: Clock, integ: SupplierIntegrationRegistry) => new OnboardingService({ repos: p.repos, uow: p.uow, clock: clk, integrations: integ }), [TOKENS.Persistence, TOKENS.Clock, TOKENS.Integrations])
    .inSingletonScope();
  c.bind(TOKENS.Catalog)
    .toResolvedValue((p: Persistence, clk: Clock) => new CatalogService({ repos: p.repos, uow: p.uow, clock: clk }), [TOKENS.Persistence, TOKENS.Clock])
    .inSingletonScope();
  c.bind(TOKENS.CatalogImport)
    .toResolvedValue((p: Persistence, clk: Clock, read: SpreadsheetReader) => new CatalogImportService({ repos: p.repos, uow: p.uow, clock: clk, read }), [TOKENS.Persistence, TOKENS.Clock, TOKENS.SpreadsheetReader])
    .inSingletonScope();
  c.bind(TOKENS.PlaceOrder)
    .toResolvedValue((p: Persistence, clk: Clock) => new PlaceOrder({ repos: p.repos, uow: p.uow, clock: clk }, { platformFee: money(opts.orderFeeMinor ?? 0) }), [TOKENS.Persistence, TOKENS.Clock])
    .inSingletonScope();
  c.bind(TOKENS.Orders)
    .toResolvedValue((p: Persistence, clk: Clock) => new OrdersService({ repos: p.repos, uow: p.uow, clock: clk }), [TOKENS.Persistence, TOKENS.Clock])
    .inSingletonScope();
  c.bind(TOKENS.Listings)
    .toResolvedValue((p: Persistence, clk: Clock) => new ListingsService({ repos: p.repos, clock: clk }), [TOKENS.Persistence, TOKENS.Clock])
    .inSingletonScope();

  const services: PlatformServices = {
    accounts: c.get<AccountsService>(TOKENS.Accounts),
    onboarding: c.get<OnboardingService>(TOKENS.Onboarding),
    catalog: c.get<CatalogService>(TOKENS.Catalog),
    imports: c.get<CatalogImportService>(TOKENS.CatalogImport),
    placeOrder: c.get<PlaceOrder>(TOKENS.PlaceOrder),
    orders: c.get<OrdersService>(TOKENS.Orders),
    listings: c.get<ListingsService>(TOKENS.Listings),
    dispatch: new DispatchOrders({ repos: persistence.repos, uow: persistence.uow, clock, gateways: (id) => gateways.forSupplier(id) }),
    fulfilment: new FulfilmentService({ repos: persistence.repos, uow: persistence.uow, clock }),
  };
  return { config, env, logger, container: c, lifecycle, adapters, persistence, bus, secrets, integrations, gateways, relay, clock, notifier, services };
}

/** The one adapter providing `port`; configuration with none or several is an error naming them. */
function single<P extends PortName>(adapters: readonly LoadedAdapter[], port: P): PortTypes[P] {
  const found = adapters.filter((a) => a.instance.ports[port]);
  if (found.length !== 1) {
    const ids = found.map((a) => a.config.id).join(', ') || 'none';
    throw new Error(`exactly one adapter must provide "${port}"; configured: ${ids}`);
  }
  return found[0]!.instance.ports[port] as PortTypes[P];
}
