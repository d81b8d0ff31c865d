import { currency, dateTime, nullable, page, pageSize, priceString, uuid } from './common';

const orderStatus = { type: 'string', enum: ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED'] } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const optionalText = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** The address shape stores use; `country` is ISO 3166-1 alpha-2. */
export const shippingAddress = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'address1', 'city', 'zip', 'country'],
  properties: {
    name: text(200),
    company: optionalText(200),
    address1: text(300),
    address2: optionalText(300),
    city: text(120),
    province: optionalText(120),
    zip: text(32),
    country: { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2', examples: ['US'] },
    phone: optionalText(40),
    email: optionalText(254),
  },
} as const;

export const orderCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['storeOrderId', 'items', 'shippingAddress'],
  properties: {
    storeId: nullable(uuid),
    storeOrderId: text(255),
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['supplierProductId', 'quantity', 'retailPrice'],
        properties: { supplierProductId: uuid, quantity: { type: 'integer', minimum: 1, maximum: 10000 }, retailPrice: priceString },
      },
    },
    shippingAddress,
  },
} as const;

const orderItem = {
  type: 'object',
  required: ['id', 'supplierProductId', 'sku', 'title', 'quantity', 'unitPrice'],
  properties: {
    id: uuid,
    supplierProductId: uuid,
    sku: { type: 'string' },
    title: { type: 'string' },
    quantity: { type: 'integer' },
    unitPrice: { type: 'string', description: 'Wholesale price per unit' },
    lineTotal: { type: 'string' },
    retailPrice: { type: 'string', description: 'What the store charged per unit (not shown to suppliers)' },
  },
} as const;

export const supplierOrder = {
  type: 'object',
  required: ['id', 'supplierId', 'status', 'items', 'subtotal', 'currency'],
  properties: {
    id: uuid,
    orderId: uuid,
    orderNumber: { type: 'string' },
    supplierId: uuid,
    status: orderStatus,
    failureReason: { type: ['string', 'null'] },
    items: { type: 'array', items: orderItem },
    subtotal: { type: 'string' },
    shipping: { type: 'string' },
    currency,
    shippingAddress,
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

export const order = {
  type: 'object',
  required: ['id', 'number', 'status', 'storeOrderId', 'currency', 'supplierOrders', 'createdAt'],
  properties: {
    id: uuid,
    number: { type: 'string', examples: ['DS-000123'] },
    status: orderStatus,
    storeId: { type: ['string', 'null'] },
    storeOrderId: { type: 'string' },
    currency,
    subtotal: { type: 'string', description: 'Wholesale total of every supplier order' },
    shipping: { type: 'string' },
    platformFee: { type: 'string' },
    total: { type: 'string', description: 'subtotal + shipping + platformFee' },
    retailTotal: { type: 'string', description: 'What the store’s customer paid' },
    shippingAddress,
    supplierOrders: { type: 'array', items: supplierOrder },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

export const orderView = { type: 'object', required: ['order'], properties: { order } } as const;
export const orderCreated = { type: 'object', required: ['order', 'invoiceUrl'], properties: { order, invoiceUrl: { type: 'string' } } } as const;
export const orderList = { type: 'object', required: ['orders', 'total'], properties: { orders: { type: 'array', items: order }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } } as const;
export const supplierOrderList = {
  type: 'object',
  required: ['orders', 'total'],
  properties: { orders: { type: 'array', items: supplierOrder }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
} as const;
export const orderListQuery = { type: 'object', additionalProperties: false, properties: { status: orderStatus, page, pageSize } } as const;

export const listingImportBody = {
  type: 'object',
  additionalProperties: false,
  required: ['supplierProductIds'],
  properties: {
    storeId: nullable(uuid),
    supplierProductIds: { type: 'array', minItems: 1, maxItems: 500, items: uuid },
    pricing: {
      type: 'object',
      additionalProperties: false,
      properties: { markupPercent: { type: 'number', minimum: 0, maximum: 1000, description: 'Retail = wholesale × (1 + markup/100), rounded up to .99; default 100' } },
    },
  },
} as const;

export const listingImportResult = { type: 'object', required: ['imported', 'message'], properties: { imported: { type: 'integer' }, message: { type: 'string' } } } as const;

export const retailerProduct = {
  type: 'object',
  required: ['id', 'supplierProductId', 'sku', 'title', 'wholesalePrice', 'retailPrice', 'currency', 'markupPercent', 'status', 'syncStatus'],
  properties: {
    id: uuid,
    supplierProductId: uuid,
    supplierId: uuid,
    storeId: { type: ['string', 'null'] },
    sku: { type: 'string' },
    title: { type: 'string' },
    wholesalePrice: { type: 'string' },
    retailPrice: { type: 'string' },
    currency,
    markupPercent: { type: 'number' },
    inventoryQuantity: { type: 'integer', description: 'Buffered sellable quantity, as stores are shown' },
    status: { type: 'string', enum: ['ACTIVE', 'PAUSED'] },
    productStatus: { type: 'string', enum: ['ACTIVE', 'OUT_OF_STOCK', 'DISCONTINUED'] },
    syncStatus: { type: 'string', enum: ['NOT_PUBLISHED'], description: 'Store publishing comes with store connections' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

export const retailerProductList = {
  type: 'object',
  required: ['products', 'total'],
  properties: { products: { type: 'array', items: retailerProduct }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
} as const;

// Fulfilment (issue 3, part 2)
export const shipBody = {
  type: 'object',
  additionalProperties: false,
  required: ['trackingNumber'],
  properties: {
    trackingNumber: { type: 'string', minLength: 1, maxLength: 64 },
    carrier: { type: 'string', minLength: 1, maxLength: 40 },
    trackingUrl: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 },
  },
} as const;
export const supplierOrderView = { type: 'object', required: ['supplierOrder'], properties: { supplierOrder } } as const;
const shipment = {
  type: 'object',
  required: ['supplierOrderId', 'status', 'trackingNumber', 'carrier', 'trackingUrl', 'shippedAt'],
  properties: {
    supplierOrderId: uuid,
    status: orderStatus,
    trackingNumber: { type: 'string' },
    carrier: { type: ['string', 'null'] },
    trackingUrl: { type: ['string', 'null'] },
    shippedAt: dateTime,
    deliveredAt: { anyOf: [dateTime, { type: 'null' }] },
  },
} as const;
export const shipResult = { type: 'object', required: ['supplierOrder', 'shipment'], properties: { supplierOrder, shipment } } as const;
export const orderStatusView = {
  type: 'object',
  required: ['status', 'tracking'],
  properties: {
    status: orderStatus,
    tracking: {
      type: 'object',
      required: ['number', 'url', 'carrier', 'shipments'],
      properties: { number: { type: ['string', 'null'] }, url: { type: ['string', 'null'] }, carrier: { type: ['string', 'null'] }, shipments: { type: 'array', items: shipment } },
    },
  },
} as const;
export const orderEventList = {
  type: 'object',
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'at', 'details'],
        properties: { id: uuid, supplierOrderId: { anyOf: [uuid, { type: 'null' }] }, type: { type: 'string' }, details: { type: 'object' }, at: dateTime },
      },
    },
  },
} as const;
const deadLetter = {
  type: 'object',
  required: ['id', 'queue', 'messageId', 'topic', 'reason', 'attempts', 'firstSeenAt', 'lastSeenAt', 'retriedAt'],
  properties: {
    id: uuid,
    queue: { type: 'string' },
    messageId: { type: 'string' },
    topic: { type: 'string' },
    payload: {},
    reason: { type: 'string' },
    attempts: { type: 'integer' },
    firstSeenAt: dateTime,
    lastSeenAt: dateTime,
    retriedAt: { anyOf: [dateTime, { type: 'null' }] },
  },
} as const;
export const deadLetterList = { type: 'object', required: ['deadLetters', 'total'], properties: { deadLetters: { type: 'array', items: deadLetter }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } } as const;
export const deadLetterRetried = { type: 'object', required: ['deadLetter', 'messageId'], properties: { deadLetter, messageId: { type: 'string' } } } as const;

/** A message recorded by the database notifier, as its recipient sees it in the site. */
export const notification = {
  type: 'object',
  required: ['id', 'template', 'subject', 'text', 'html', 'createdAt', 'readAt'],
  properties: {
    id: { type: 'string' },
    template: { type: 'string' },
    subject: { type: 'string' },
    text: { type: 'string' },
    html: { type: ['string', 'null'] },
    createdAt: dateTime,
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;
export const notificationList = { type: 'object', required: ['notifications', 'total', 'page', 'pageSize'], properties: { notifications: { type: 'array', items: notification }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } } as const;
export const notificationView = { type: 'object', required: ['notification'], properties: { notification } } as const;
