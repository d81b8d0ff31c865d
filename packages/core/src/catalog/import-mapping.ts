import { money, parseMoney } from '../shared/money';
import { err, ok, type Result } from '../shared/result';
import type { RowError } from './import-job.entity';
import { SHIPPING_CLASSES, type ProductDraft, type ShippingClass } from './product.entity';
import { validateDraft } from './product-rules';
import type { UpdatableProductField } from '../ports/repositories.port';

export const IMPORT_FIELDS = [
  'sku',
  'title',
  'description',
  'wholesalePrice',
  'msrp',
  'images',
  'category',
  'weight',
  'shippingClass',
  'inventoryQuantity',
  'status',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Which column header of the file holds each field: `{ wholesalePrice: "Cost" }`. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** A file needs a SKU column plus something to set; new products also need title and wholesale price. */
const REQUIRED: readonly ImportField[] = ['sku'];
export const REQUIRED_TO_CREATE: readonly ImportField[] = ['title', 'wholesalePrice'];

/** True when the file can create products (it has every column a new product needs). */
export const canCreate = (mapping: ResolvedMapping): boolean => REQUIRED_TO_CREATE.every((f) => mapping.has(f));

/** Headers recognised without an explicit mapping (compared case- and punctuation-insensitively). */
const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  sku: ['sku', 'variant sku', 'item sku', 'product code', 'item code', 'article number'],
  title: ['title', 'name', 'product name', 'product title'],
  description: ['description', 'body', 'body html', 'details', 'long description'],
  wholesalePrice: ['wholesale price', 'wholesaleprice', 'cost', 'price', 'wholesale', 'unit cost'],
  msrp: ['msrp', 'retail price', 'rrp', 'compare at price', 'suggested retail price'],
  images: ['images', 'image', 'image url', 'image urls', 'image src', 'photos'],
  category: ['category', 'category slug', 'product type', 'type'],
  weight: ['weight', 'weight g', 'weight grams', 'grams'],
  shippingClass: ['shipping class', 'shippingclass'],
  inventoryQuantity: ['inventory quantity', 'inventoryquantity', 'stock', 'quantity', 'qty', 'inventory', 'on hand'],
  status: ['status'],
};

const norm = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export type ResolvedMapping = ReadonlyMap<ImportField, number>;

/** Maps fields to column indexes from an explicit mapping, falling back to well-known header names. */
export function resolveMapping(headers: readonly string[], explicit: ColumnMapping = {}): Result<ResolvedMapping, RowError[]> {
  const byNorm = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = norm(h);
    if (!byNorm.has(n)) byNorm.set(n, i);
  });
  const out = new Map<ImportField, number>();
  const errors: RowError[] = [];
  for (const field of IMPORT_FIELDS) {
    const wanted = explicit[field];
    if (wanted !== undefined) {
      const idx = byNorm.get(norm(wanted));
      if (idx === undefined) errors.push({ row: 1, column: wanted, message: `Mapped column "${wanted}" for ${field} is not in the header row` });
      else out.set(field, idx);
      continue;
    }
    const idx = ALIASES[field].map((a) => byNorm.get(norm(a))).find((i) => i !== undefined);
    if (idx !== undefined) out.set(field, idx);
  }
  for (const field of REQUIRED) {
    if (!out.has(field) && explicit[field] === undefined) {
      errors.push({ row: 1, column: field, message: `No column for required field "${field}"; map one (e.g. mapping.${field}="My Column")` });
    }
  }
  if (out.has('sku') && out.size === 1) {
    errors.push({ row: 1, message: `Only a SKU column was found; add columns to set (e.g. stock, wholesale price) or map them. Known fields: ${IMPORT_FIELDS.join(', ')}` });
  }
  return errors.length ? err(errors) : ok(out);
}

const UPDATE_ONLY_PLACEHOLDER_PRICE = (currency: string) => money(1, currency);

export type Cell = string | number | boolean | Date | null | undefined;

const text = (c: Cell): string => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c)).trim();

function parseInteger(raw: string): number | null {
  if (!/^-?\d+(\.0+)?$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Turns one data row into a product draft, or the list of what is wrong with it.
 * `rowNumber` is the row as the supplier sees it in the file (header = 1).
 */
export function parseImportRow(
  cells: readonly Cell[],
  mapping: ResolvedMapping,
  rowNumber: number,
  currency: string,
): Result<ProductDraft, RowError[]> {
  const get = (f: ImportField): string => {
    const i = mapping.get(f);
    return i === undefined ? '' : text(cells[i]);
  };
  const errors: RowError[] = [];
  const fail = (column: ImportField, message: string) => errors.push({ row: rowNumber, column, message });

  const priceOf = (f: 'wholesalePrice' | 'msrp') => {
    const raw = get(f).replace(/^[$€£]/, '').replace(/,/g, '');
    if (!raw) return null;
    const numeric = /^-?\d+(\.\d+)?$/.test(raw) && raw.includes('.') && raw.split('.')[1]!.length > 2 ? Number(raw).toFixed(2) : raw;
    const m = parseMoney(numeric, currency, `/${f}`);
    if (!m.ok) {
      fail(f, `"${get(f)}" is not a price`);
      return null;
    }
    return m.value;
  };
  const creating = canCreate(mapping);
  const wholesalePrice = creating ? priceOf('wholesalePrice') : (priceOf('wholesalePrice') ?? UPDATE_ONLY_PLACEHOLDER_PRICE(currency));
  if (creating && !get('wholesalePrice')) fail('wholesalePrice', 'is required');
  const msrp = priceOf('msrp');

  const qtyRaw = get('inventoryQuantity');
  const inventoryQuantity = qtyRaw === '' ? 0 : parseInteger(qtyRaw);
  if (inventoryQuantity === null) fail('inventoryQuantity', `"${qtyRaw}" is not a whole number`);
  const weightRaw = get('weight');
  const weightGrams = weightRaw === '' ? 0 : parseInteger(weightRaw);
  if (weightGrams === null) fail('weight', `"${weightRaw}" is not a whole number of grams`);

  const classRaw = get('shippingClass').toUpperCase();
  const shippingClass = (classRaw || 'STANDARD') as ShippingClass;
  if (!SHIPPING_CLASSES.includes(shippingClass)) fail('shippingClass', `"${classRaw}" is not one of ${SHIPPING_CLASSES.join(', ')}`);
  const statusRaw = get('status').toUpperCase();
  if (statusRaw && !['ACTIVE', 'OUT_OF_STOCK', 'DISCONTINUED'].includes(statusRaw)) {
    fail('status', `"${statusRaw}" is not ACTIVE, OUT_OF_STOCK or DISCONTINUED`);
  }
  const images = get('images')
    .split(/[\s,;|]+/)
    .filter(Boolean);
  if (errors.length > 0 || !wholesalePrice) return err(errors);

  const draft: ProductDraft = {
    sku: get('sku'),
    title: get('title'),
    description: get('description'),
    wholesalePrice,
    msrp,
    images,
    categorySlug: get('category') ? get('category').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') : null,
    weightGrams: weightGrams ?? 0,
    shippingClass,
    inventoryQuantity: inventoryQuantity ?? 0,
    discontinued: statusRaw === 'DISCONTINUED',
  };
  // In an update-only file, absent columns hold placeholders that are never written: validate what is there.
  const present = creating ? draft : Object.fromEntries(Object.entries(draft).filter(([k]) => k === 'sku' || fieldsOfMapping(mapping).includes(k as UpdatableProductField)));
  const rules = validateDraft(present);
  if (rules.length > 0) return err(rules.map((e) => ({ row: rowNumber, column: e.path.slice(1), message: e.message })));
  return ok(draft);
}

/** The product fields a file's columns carry: on re-import only these overwrite existing products. */
export function fieldsOfMapping(mapping: ResolvedMapping): UpdatableProductField[] {
  const map: Readonly<Record<Exclude<ImportField, 'sku'>, UpdatableProductField>> = {
    title: 'title',
    description: 'description',
    wholesalePrice: 'wholesalePrice',
    msrp: 'msrp',
    images: 'images',
    category: 'categorySlug',
    weight: 'weightGrams',
    shippingClass: 'shippingClass',
    inventoryQuantity: 'inventoryQuantity',
    status: 'discontinued',
  };
  return [...mapping.keys()].filter((f): f is Exclude<ImportField, 'sku'> => f !== 'sku').map((f) => map[f]);
}
