/** Shared JSON Schema pieces (draft 2020-12). Every request and response schema is built from these. */
export const uuid = { type: 'string', format: 'uuid' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const moneyString = { type: 'string', pattern: '^-?\\d{1,13}(\\.\\d{1,3})?$', description: 'Decimal amount, e.g. "12.50"', examples: ['12.50'] } as const;
export const positiveMoneyString = { type: 'string', pattern: '^\\d{1,13}(\\.\\d{1,3})?$', description: 'Decimal amount, e.g. "12.50"', examples: ['12.50'] } as const;
/** A product price: at most 9,999,999.99 (stored as 32-bit integer minor units). */
export const priceString = { type: 'string', pattern: '^\\d{1,7}(\\.\\d{1,2})?$', description: 'Decimal amount up to 9999999.99, e.g. "12.50"', examples: ['12.50'] } as const;
export const currency = { type: 'string', pattern: '^[A-Z]{3}$', examples: ['USD'] } as const;
export const email = { type: 'string', format: 'email', maxLength: 254 } as const;
export const url = { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 } as const;
export const nullable = <S extends object>(s: S) => ({ anyOf: [s, { type: 'null' }] }) as const;

export const page = { type: 'integer', minimum: 1, maximum: 100000, default: 1 } as const;
export const pageSize = { type: 'integer', minimum: 1, maximum: 200, default: 24 } as const;
export const pagingQuery = { page, pageSize } as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: uuid }, additionalProperties: false } as const;

/** RFC 9457 problem details with the domain code and field errors. */
export const problem = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', examples: ['INVENTORY.INSUFFICIENT_STOCK'] },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;

export const message = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } as const;
