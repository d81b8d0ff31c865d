import { dateTime, email, nullable, positiveMoneyString, url, uuid } from './common';

const businessType = { type: 'string', enum: ['MANUFACTURER', 'DISTRIBUTOR', 'WHOLESALER'] } as const;
const shortText = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;

const verificationDocument = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,40}$', examples: ['BUSINESS_REGISTRATION', 'TAX_ID'] },
    reference: { type: 'string', minLength: 1, maxLength: 120 },
    url,
  },
  anyOf: [{ required: ['reference'] }, { required: ['url'] }],
} as const;

const shippingMethod = {
  type: 'object',
  additionalProperties: false,
  required: ['carrier', 'service', 'days'],
  properties: { carrier: shortText(60), service: shortText(80), days: { type: 'integer', minimum: 0, maximum: 90 } },
} as const;

const profileProps = {
  companyName: shortText(160),
  businessType,
  contactEmail: email,
  phone: { type: 'string', pattern: '^[+0-9 ()./-]{5,32}$' },
  website: url,
  description: { type: 'string', maxLength: 4000 },
  logoUrl: url,
  country: { type: 'string', pattern: '^[A-Z]{2}$' },
} as const;

export const applicationCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['companyName', 'businessType', 'contactEmail'],
  properties: profileProps,
} as const;

export const applicationPatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...profileProps,
    verificationDocuments: { type: 'array', maxItems: 20, items: verificationDocument },
    shippingMethods: { type: 'array', minItems: 1, maxItems: 20, items: shippingMethod },
    fulfillmentSpeed: shortText(40),
    minOrderValue: positiveMoneyString,
    stockBufferPercent: { type: 'integer', minimum: 10, maximum: 100 },
    integration: {
      type: 'object',
      additionalProperties: false,
      required: ['adapter'],
      properties: { adapter: shortText(214), options: { type: 'object', default: {} } },
    },
  },
} as const;

export const supplierPublic = {
  type: 'object',
  required: ['id', 'slug', 'companyName', 'businessType', 'status'],
  properties: {
    id: uuid,
    slug: { type: 'string' },
    companyName: { type: 'string' },
    businessType,
    status: { type: 'string', enum: ['DRAFT', 'PENDING', 'ACTIVE', 'REJECTED', 'SUSPENDED'] },
    description: nullable({ type: 'string' }),
    website: nullable({ type: 'string' }),
    logoUrl: nullable({ type: 'string' }),
    country: nullable({ type: 'string' }),
    shippingMethods: { type: 'array', items: shippingMethod },
    fulfillmentSpeed: nullable({ type: 'string' }),
    minOrderValue: { type: 'string' },
    currency: { type: 'string' },
    productCount: { type: 'integer' },
    createdAt: dateTime,
  },
} as const;

/** The supplier as its owner and admins see it: everything, with integration secrets masked. */
export const supplierPrivate = {
  type: 'object',
  required: [...supplierPublic.required, 'contactEmail', 'verificationDocuments', 'version'],
  properties: {
    ...supplierPublic.properties,
    contactEmail: email,
    phone: nullable({ type: 'string' }),
    verificationDocuments: { type: 'array', items: verificationDocument },
    integration: nullable({ type: 'object', properties: { adapter: { type: 'string' }, options: { type: 'object' } } }),
    stockBufferPercent: { type: 'integer' },
    statusReason: nullable({ type: 'string' }),
    submittedAt: nullable(dateTime),
    reviewedAt: nullable(dateTime),
    updatedAt: dateTime,
    version: { type: 'integer' },
  },
} as const;

export const steps = {
  type: 'array',
  items: {
    type: 'object',
    required: ['step', 'complete', 'missing'],
    properties: { step: { type: 'string' }, complete: { type: 'boolean' }, missing: { type: 'array', items: { type: 'string' } } },
  },
} as const;

export const applicationView = {
  type: 'object',
  required: ['supplier', 'steps'],
  properties: {
    supplier: supplierPrivate,
    steps,
    integrations: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, description: { type: 'string' } } } },
  },
} as const;

export const reasonBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 3, maxLength: 1000, pattern: '\\S' } },
} as const;

export const supplierStatusQuery = { type: 'string', enum: ['DRAFT', 'PENDING', 'ACTIVE', 'REJECTED', 'SUSPENDED'] } as const;
