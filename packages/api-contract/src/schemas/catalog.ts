import { currency, dateTime, nullable, priceString, url, uuid } from './common';

const status = { type: 'string', enum: ['ACTIVE', 'OUT_OF_STOCK', 'DISCONTINUED'] } as const;
const shippingClass = { type: 'string', enum: ['STANDARD', 'LIGHTWEIGHT', 'OVERSIZED', 'FRAGILE', 'HAZMAT'] } as const;
const sku = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._\\-/]*$' } as const;
const quantity = { type: 'integer', minimum: 0, maximum: 10000000 } as const;
const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 } as const;

const productFields = {
  sku,
  title: { type: 'string', minLength: 1, maxLength: 255, pattern: '\\S' },
  description: { type: 'string', maxLength: 20000 },
  wholesalePrice: priceString,
  msrp: nullable(priceString),
  images: { type: 'array', maxItems: 20, items: url },
  category: nullable(slug),
  weight: { type: 'integer', minimum: 0, maximum: 1000000, description: 'grams' },
  shippingClass,
} as const;

export const productCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['sku', 'title', 'wholesalePrice'],
  properties: { ...productFields, inventoryQuantity: quantity, status: { type: 'string', enum: ['ACTIVE', 'DISCONTINUED'] } },
} as const;

export const productPatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { ...productFields, status: { type: 'string', enum: ['ACTIVE', 'DISCONTINUED'] } },
} as const;

export const inventoryBody = { type: 'object', additionalProperties: false, required: ['quantity'], properties: { quantity } } as const;

export const bulkInventoryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 5000,
      items: { type: 'object', additionalProperties: false, required: ['sku', 'quantity'], properties: { sku, quantity } },
    },
  },
} as const;

export const bulkInventoryResult = {
  type: 'object',
  required: ['updated', 'unknownSkus'],
  properties: { updated: { type: 'integer' }, unknownSkus: { type: 'array', items: { type: 'string' } } },
} as const;

export const product = {
  type: 'object',
  required: ['id', 'supplierId', 'sku', 'title', 'description', 'wholesalePrice', 'msrp', 'currency', 'images', 'category', 'weight', 'shippingClass', 'inventoryQuantity', 'status'],
  properties: {
    id: uuid,
    supplierId: uuid,
    supplierName: { type: 'string' },
    supplierSlug: { type: 'string' },
    ...productFields,
    currency,
    inventoryQuantity: { type: 'integer', description: 'Public routes: sellable figure after the safety buffer. Supplier routes: real on-hand stock.' },
    reservedQuantity: { type: 'integer' },
    bufferedQuantity: { type: 'integer', description: 'What stores are shown (supplier routes only).' },
    status,
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

export const productList = {
  type: 'object',
  required: ['products', 'total', 'page', 'pageSize'],
  properties: {
    products: { type: 'array', items: product },
    total: { type: 'integer' },
    totalIsEstimate: { type: 'boolean' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
  },
} as const;

export const productSearchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200 },
    category: slug,
    minPrice: priceString,
    maxPrice: priceString,
    supplierId: uuid,
    inStock: { type: 'boolean' },
    sort: { type: 'string', enum: ['relevance', 'price_asc', 'price_desc', 'newest', 'title'], default: 'relevance' },
    page: { type: 'integer', minimum: 1, maximum: 10000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 24 },
  },
} as const;

export const ownProductQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200 },
    status,
    category: slug,
    sort: { type: 'string', enum: ['relevance', 'price_asc', 'price_desc', 'newest', 'title'], default: 'newest' },
    page: { type: 'integer', minimum: 1, maximum: 10000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;

export const categoryList = {
  type: 'object',
  required: ['categories'],
  properties: {
    categories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['slug', 'name', 'productCount'],
        properties: { slug: { type: 'string' }, name: { type: 'string' }, parentSlug: nullable({ type: 'string' }), productCount: { type: 'integer' } },
      },
    },
  },
} as const;

export const importQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['csv', 'xlsx'], description: 'Overrides detection from Content-Type / file name / bytes.' },
    mapping: { type: 'string', maxLength: 4000, description: 'JSON object field → column header, e.g. {"wholesalePrice":"Cost"}' },
    filename: { type: 'string', maxLength: 255 },
  },
} as const;

export const job = {
  type: 'object',
  required: ['id', 'kind', 'status', 'processed', 'total', 'errors'],
  properties: {
    id: uuid,
    kind: { type: 'string' },
    status: { type: 'string', enum: ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] },
    total: { type: 'integer' },
    processed: { type: 'integer' },
    progress: { type: 'number', minimum: 0, maximum: 1 },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    failed: { type: 'integer' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['row', 'message'], properties: { row: { type: 'integer' }, column: { type: 'string' }, message: { type: 'string' } } },
    },
    message: nullable({ type: 'string' }),
    createdAt: dateTime,
    startedAt: nullable(dateTime),
    finishedAt: nullable(dateTime),
  },
} as const;
