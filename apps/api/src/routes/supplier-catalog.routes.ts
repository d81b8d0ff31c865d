import { parseMoney, type ColumnMapping, type ProductDraft, type ShippingClass } from '@dropship/core';
import { detectFormat } from '@dropship/platform';
import type { ApiDeps, Handler, HandlerInput } from '../http/context';
import { HttpProblem } from '../http/problem';
import { ownProduct, presentJob } from '../http/presenters';
import { readUpload } from '../http/upload';
import { value } from './accounts.routes';
import { supplierSummary } from './catalog.routes';

interface ProductBody {
  sku?: string;
  title?: string;
  description?: string;
  wholesalePrice?: string;
  msrp?: string | null;
  images?: string[];
  category?: string | null;
  weight?: number;
  shippingClass?: ShippingClass;
  inventoryQuantity?: number;
  status?: 'ACTIVE' | 'DISCONTINUED';
}

/** API body → domain fields (only those present, so PATCH stays partial). */
function toDraft(b: ProductBody): Partial<ProductDraft> {
  const d: Record<string, unknown> = {};
  if (b.sku !== undefined) d.sku = b.sku;
  if (b.title !== undefined) d.title = b.title.trim();
  if (b.description !== undefined) d.description = b.description;
  if (b.wholesalePrice !== undefined) d.wholesalePrice = value(parseMoney(b.wholesalePrice, 'USD', '/wholesalePrice'));
  if (b.msrp !== undefined) d.msrp = b.msrp === null ? null : value(parseMoney(b.msrp, 'USD', '/msrp'));
  if (b.images !== undefined) d.images = b.images;
  if (b.category !== undefined) d.categorySlug = b.category;
  if (b.weight !== undefined) d.weightGrams = b.weight;
  if (b.shippingClass !== undefined) d.shippingClass = b.shippingClass;
  if (b.inventoryQuantity !== undefined) d.inventoryQuantity = b.inventoryQuantity;
  if (b.status !== undefined) d.discontinued = b.status === 'DISCONTINUED';
  return d as Partial<ProductDraft>;
}

const actor = (i: HandlerInput) => ({ principal: i.principal!, requestId: i.requestId });

async function bufferOf(deps: ApiDeps, supplierId: string | null): Promise<number> {
  return supplierId ? ((await supplierSummary(deps, supplierId))?.stockBufferPercent ?? 90) : 90;
}

function parseMapping(raw: string | undefined): ColumnMapping | undefined {
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpProblem(400, 'IMPORT.INVALID_MAPPING', 'mapping must be a JSON object such as {"wholesalePrice":"Cost"}.', [{ path: 'query/mapping', message: 'is not valid JSON' }]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string' || v.length > 200)) {
    throw new HttpProblem(400, 'IMPORT.INVALID_MAPPING', 'mapping must map field names to column headers (strings).', [{ path: 'query/mapping', message: 'must be an object of strings' }]);
  }
  return parsed as ColumnMapping;
}

export const supplierCatalogHandlers: Record<string, Handler> = {
  async listOwnProducts(input, deps) {
    const q = input.query;
    const page = value(
      await deps.platform.services.catalog.listOwn(actor(input), {
        ...(q.q?.trim() ? { q: q.q.trim() } : {}),
        ...(q.status ? { status: [q.status] } : {}),
        ...(q.category ? { categorySlug: q.category } : {}),
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
    );
    const buffer = await bufferOf(deps, input.principal!.supplierId);
    return { body: { products: page.items.map((p) => ownProduct(p, buffer)), total: page.total, page: page.page, pageSize: page.pageSize, ...(page.totalIsEstimate ? { totalIsEstimate: true } : {}) } };
  },

  async createProduct(input, deps) {
    const d = toDraft(input.body);
    const draft: ProductDraft = {
      sku: d.sku!,
      title: d.title!,
      description: d.description ?? '',
      wholesalePrice: d.wholesalePrice!,
      msrp: d.msrp ?? null,
      images: d.images ?? [],
      categorySlug: d.categorySlug ?? null,
      weightGrams: d.weightGrams ?? 0,
      shippingClass: d.shippingClass ?? 'STANDARD',
      inventoryQuantity: d.inventoryQuantity ?? 0,
      discontinued: d.discontinued ?? false,
    };
    const p = value(await deps.platform.services.catalog.create(actor(input), draft));
    return { status: 201, body: { product: ownProduct(p, await bufferOf(deps, p.supplierId)) } };
  },

  async getOwnProduct(input, deps) {
    const p = value(await deps.platform.services.catalog.getOwn(actor(input), input.params.id));
    return { body: { product: ownProduct(p, await bufferOf(deps, p.supplierId)) } };
  },

  async updateProduct(input, deps) {
    const p = value(await deps.platform.services.catalog.update(actor(input), input.params.id, toDraft(input.body)));
    return { body: { product: ownProduct(p, await bufferOf(deps, p.supplierId)) } };
  },

  async setInventory(input, deps) {
    const p = value(await deps.platform.services.catalog.setInventory(actor(input), input.params.id, input.body.quantity));
    return { body: { product: ownProduct(p, await bufferOf(deps, p.supplierId)), message: 'Updated' } };
  },

  async bulkInventory(input, deps) {
    return { body: value(await deps.platform.services.catalog.setInventoryBySku(actor(input), input.body.items)) };
  },

  async importProducts(input, deps) {
    const upload = await readUpload(input.ctx.req, deps.platform.config.importLimitBytes);
    const filename = input.query.filename ?? upload.filename;
    const format = input.query.format ?? detectFormat(upload.contentType, filename, upload.bytes);
    if (!format) {
      throw new HttpProblem(415, 'IMPORT.UNSUPPORTED_FORMAT', 'Upload a CSV (text/csv) or Excel workbook (.xlsx); the file type could not be recognised.', [{ path: '/file', message: 'must be CSV or XLSX' }]);
    }
    const mapping = parseMapping(input.query.mapping ?? upload.fields.mapping);
    const job = value(await deps.platform.services.imports.request(actor(input), { bytes: upload.bytes, format, filename, mapping }));
    deps.platform.relay.nudge();
    return { status: 202, body: { job: presentJob(job) }, headers: { Location: `/api/jobs/${job.id}` } };
  },

  async getJob(input, deps) {
    return { body: { job: presentJob(value(await deps.platform.services.imports.get(actor(input), input.params.id))) } };
  },
};
