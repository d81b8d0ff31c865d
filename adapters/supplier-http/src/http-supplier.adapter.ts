import type { AdapterContext } from '@dropship/adapter-sdk';
import { AdapterError, isAdapterError, isDomainError } from '@dropship/core';
import type { SupplierEvent, SupplierGateway, SupplierOrderAck, SupplierOrderRequest, SupplierOrderState } from '@dropship/core';
import { mapRequest, readOrder, readRejection, readStock } from './field-mapping';
import { HttpClient, type HttpResult } from './http-client';
import type { FieldMapping, SupplierHttpOptions } from './supplier-http.options';
import { invalidWebhook, parseWebhookEvents, verifyWebhook } from './webhook';

type RawWebhook = { headers: Readonly<Record<string, string>>; body: Uint8Array };
const ok = (r: HttpResult) => r.status >= 200 && r.status < 300;
const PROBE_REFERENCE = '__dropship_connection_test__';

/**
 * A supplier reached over its own REST API, configured rather than coded: endpoints, auth and a
 * JSON field mapping. Dispatch is exactly-once by the supplier's idempotency header when it has
 * one, else by looking our reference up before every send (DSP-2).
 */
export class HttpSupplierGateway implements SupplierGateway {
  readonly pollIntervalSeconds: number;
  readonly fetchStock?: () => Promise<readonly { sku: string; quantity: number; asOf: Date }[]>;
  readonly parseWebhook?: (raw: RawWebhook) => Promise<SupplierEvent[]>;
  private readonly http: HttpClient;
  private readonly mapping: FieldMapping;

  constructor(
    private readonly ctx: AdapterContext,
    private readonly options: SupplierHttpOptions,
  ) {
    this.mapping = options.fieldMapping ?? {};
    this.pollIntervalSeconds = options.pollIntervalSeconds ?? 300;
    this.http = new HttpClient({
      baseUrl: options.baseUrl,
      auth: options.auth,
      timeoutMs: options.timeoutMs ?? 10_000,
      allowPrivateUrls: ctx.allowPrivateUrls,
      adapterId: ctx.id,
      clock: ctx.clock,
      logger: ctx.logger,
    });
    const stock = options.endpoints.stock;
    if (stock) this.fetchStock = () => this.stock(stock.path);
    const webhook = options.webhook;
    if (webhook) {
      this.parseWebhook = async (raw) => {
        try {
          verifyWebhook(raw, webhook, ctx.clock.now());
          return parseWebhookEvents(raw.body, this.mapping, ctx.clock.now());
        } catch (e) {
          if (isDomainError(e)) throw e;
          throw invalidWebhook('Webhook could not be read.');
        }
      };
    }
  }

  async placeOrder(request: SupplierOrderRequest): Promise<SupplierOrderAck> {
    const header = this.options.idempotencyHeader;
    if (!header) {
      // No idempotency at the supplier: an earlier attempt may have landed (crash, timeout).
      const existing = await this.findOrder(request.reference);
      if (existing) return { accepted: true, supplierReference: existing.supplierReference };
    }
    const { method = 'POST', path } = this.options.endpoints.placeOrder;
    const target = this.fill(path, request.reference);
    const res = await this.http.request(method, target, mapRequest(request, this.mapping.request), header ? { [header]: request.idempotencyKey } : {});
    if (ok(res)) {
      const state = readOrder(res.json, this.mapping);
      if (state) return { accepted: true, supplierReference: state.supplierReference };
      throw new AdapterError('ADAPTER.BAD_RESPONSE', `Supplier answered ${res.status} to ${method} ${path} without an order reference`, {
        adapterId: this.ctx.id,
        retryable: true,
        outcomeUnknown: true,
      });
    }
    const refused = readRejection(res.status, res.json, this.mapping);
    if (refused) return refused;
    throw this.http.statusError(method, target, res);
  }

  async findOrder(reference: string): Promise<SupplierOrderState | null> {
    const target = this.fill(this.options.endpoints.findOrder.path, reference);
    const res = await this.http.request('GET', target);
    if (res.status === 404) return null;
    if (!ok(res)) throw this.http.statusError('GET', target, res);
    const state = readOrder(res.json, this.mapping);
    if (!state) return null;
    const { reference: theirs, ...rest } = state;
    // Only trust a configured reference field to tell "another order" from "ours".
    if (this.mapping.order?.reference && theirs !== reference) return null;
    return rest;
  }

  async testConnection(): Promise<{ ok: boolean; message: string }> {
    try {
      await this.http.checkUrl();
      const target = this.fill(this.options.endpoints.findOrder.path, PROBE_REFERENCE);
      const res = await this.http.request('GET', target);
      if (res.status === 401 || res.status === 403) return { ok: false, message: `The supplier refused our credentials (${res.status}).` };
      if (ok(res) || res.status === 404) return { ok: true, message: `Reached ${this.http.url('/').host}; credentials accepted (order lookup answered ${res.status}).` };
      return { ok: false, message: `The supplier answered ${res.status} to an order lookup.` };
    } catch (e) {
      return { ok: false, message: isAdapterError(e) ? e.message : 'The connection failed.' };
    }
  }

  /** Closes keep-alive connections. */
  dispose(): void {
    this.http.dispose();
  }

  private async stock(path: string): Promise<{ sku: string; quantity: number; asOf: Date }[]> {
    const res = await this.http.request('GET', path);
    if (!ok(res)) throw this.http.statusError('GET', path, res);
    const asOf = this.ctx.clock.now();
    return readStock(res.json, this.mapping).map((i) => ({ ...i, asOf }));
  }

  private fill(template: string, reference: string): string {
    return template.replaceAll('{reference}', encodeURIComponent(reference));
  }
}
