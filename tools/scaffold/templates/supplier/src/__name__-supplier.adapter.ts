import { AdapterError, isAdapterError, type AdapterContext } from '@dropship/adapter-sdk';
import type { SupplierGateway, SupplierOrderAck, SupplierOrderRequest, SupplierOrderState } from '@dropship/core';
import { readRefusal, readStock, readWireOrder, readWireOrderList, toOrderState, toWireOrderRequest } from './__name__.mapping';
import type { __Name__Options } from './__name__.options';
import { RestClient, type RestResponse } from './rest-client';

const ok = (r: RestResponse) => r.status >= 200 && r.status < 300;
const PROBE_REFERENCE = '__dropship_connection_test__';

/**
 * The __name__ supplier over REST. Out of the box it speaks this protocol (README.md):
 *
 *   POST {baseUrl}/orders               Idempotency-Key: <key>, body WireOrderRequest
 *        201/200 WireOrder  → accepted; the supplier replays the first answer for a repeated key
 *        422 { error: { code, message } } → a stated refusal (OUT_OF_STOCK, UNKNOWN_SKU, other)
 *   GET  {baseUrl}/orders?reference=<our reference>  → 200 { orders: WireOrder[] }
 *   GET  {baseUrl}/stock                → 200 { items: [{ sku, quantity }], asOf? }
 *   every request: Authorization: Bearer <apiKey>
 *
 * MAP: paths and verbs live here; bodies in `__name__.mapping.ts`. Exactly-once dispatch relies
 * on the supplier honouring `Idempotency-Key`. If yours does not, call `findOrder(reference)`
 * before every send and return the existing order's acceptance (lookup-before-resend, DSP-2),
 * and declare `idempotentPlaceOrder: false` in the contract spec.
 */
export class __Name__SupplierGateway implements SupplierGateway {
  readonly pollIntervalSeconds: number;
  private readonly client: RestClient;

  constructor(
    private readonly ctx: AdapterContext,
    options: __Name__Options,
  ) {
    this.pollIntervalSeconds = options.pollIntervalSeconds ?? 300;
    this.client = new RestClient({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 10_000,
      adapterId: ctx.id,
      allowPrivateUrls: ctx.allowPrivateUrls,
      clock: ctx.clock,
    });
  }

  async placeOrder(request: SupplierOrderRequest): Promise<SupplierOrderAck> {
    const path = '/orders'; // MAP
    const res = await this.client.request('POST', path, {
      body: toWireOrderRequest(request),
      headers: { 'idempotency-key': request.idempotencyKey }, // MAP: your supplier's header name
    });
    if (ok(res)) {
      const order = readWireOrder(res.json);
      if (order) return { accepted: true, supplierReference: order.id };
      // It said yes but we cannot read what it took: the caller must reconcile before resending.
      throw this.badResponse(`Supplier answered ${res.status} to POST ${path} without a readable order`, true);
    }
    const refusal = readRefusal(res.status, res.json);
    if (refusal) return refusal;
    throw this.client.statusError('POST', path, res);
  }

  async findOrder(reference: string): Promise<SupplierOrderState | null> {
    const path = `/orders?reference=${encodeURIComponent(reference)}`; // MAP
    const res = await this.client.request('GET', path);
    if (res.status === 404) return null;
    if (!ok(res)) throw this.client.statusError('GET', path, res);
    const orders = readWireOrderList(res.json);
    if (!orders) throw this.badResponse(`Supplier answered ${res.status} to GET /orders with an unreadable order list`, false);
    // Trust only an exact reference match: a supplier's search may be fuzzy.
    const order = orders.find((o) => o.reference === reference);
    if (!order) return null;
    const state = toOrderState(order);
    if (!state) throw this.badResponse(`Supplier reported an unknown order status for GET /orders`, false);
    return state;
  }

  /** The supplier's stock feed; zero quantities included. */
  async fetchStock(): Promise<readonly { sku: string; quantity: number; asOf: Date }[]> {
    const path = '/stock'; // MAP
    const res = await this.client.request('GET', path);
    if (!ok(res)) throw this.client.statusError('GET', path, res);
    const feed = readStock(res.json);
    if (!feed) throw this.badResponse(`Supplier answered ${res.status} to GET ${path} with an unreadable stock feed`, false);
    const asOf = feed.asOf ?? this.ctx.clock.now();
    return feed.items.map((i) => ({ ...i, asOf }));
  }

  async testConnection(): Promise<{ ok: boolean; message: string }> {
    try {
      const res = await this.client.request('GET', `/orders?reference=${PROBE_REFERENCE}`);
      if (res.status === 401 || res.status === 403) return { ok: false, message: `The supplier refused our credentials (${res.status}).` };
      if (ok(res) || res.status === 404) return { ok: true, message: `Reached ${this.client.url('/').host}; credentials accepted.` };
      return { ok: false, message: `The supplier answered ${res.status} to an order lookup.` };
    } catch (e) {
      return { ok: false, message: isAdapterError(e) ? e.message : 'The connection failed.' };
    }
  }

  private badResponse(message: string, outcomeUnknown: boolean): AdapterError {
    return new AdapterError('ADAPTER.BAD_RESPONSE', message, { adapterId: this.ctx.id, retryable: true, outcomeUnknown });
  }
}
