import { dateTime, email, nullable, uuid } from './common';

export const role = { type: 'string', enum: ['ADMIN', 'SUPPORT', 'SUPPLIER', 'RETAILER'] } as const;

export const user = {
  type: 'object',
  required: ['id', 'email', 'name', 'role', 'status', 'supplierId', 'retailerId', 'createdAt'],
  properties: {
    id: uuid,
    email,
    name: { type: 'string' },
    role,
    status: { type: 'string', enum: ['ACTIVE', 'DISABLED'] },
    supplierId: nullable(uuid),
    retailerId: nullable(uuid),
    createdAt: dateTime,
  },
} as const;

export const retailer = {
  type: 'object',
  required: ['id', 'name', 'plan', 'createdAt'],
  properties: { id: uuid, name: { type: 'string' }, plan: { type: 'string', enum: ['BASIC', 'PRO', 'ENTERPRISE'] }, createdAt: dateTime },
} as const;

const password = { type: 'string', minLength: 1, maxLength: 1024 } as const;
const name = { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } as const;

export const registerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password', 'role', 'name'],
  properties: { email, password, role: { type: 'string', enum: ['RETAILER', 'SUPPLIER'] }, name },
} as const;

export const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email: { type: 'string', minLength: 1, maxLength: 254 }, password },
} as const;

export const session = { type: 'object', required: ['user', 'token'], properties: { user, token: { type: 'string' }, retailer } } as const;

export const apiKeyCreateBody = {
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 80 } },
} as const;

export const apiKeyCreated = {
  type: 'object',
  required: ['id', 'apiKey', 'prefix'],
  properties: { id: uuid, apiKey: { type: 'string', description: 'Shown once; store it now.' }, prefix: { type: 'string' }, name: nullable({ type: 'string' }) },
} as const;

export const apiKeyList = {
  type: 'object',
  required: ['apiKeys'],
  properties: {
    apiKeys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'prefix', 'createdAt'],
        properties: { id: uuid, prefix: { type: 'string' }, name: nullable({ type: 'string' }), createdAt: dateTime, lastUsedAt: nullable(dateTime), revokedAt: nullable(dateTime) },
      },
    },
  },
} as const;

export const staffCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'name', 'role'],
  properties: { email, name, role: { type: 'string', enum: ['ADMIN', 'SUPPORT'] }, password: { type: 'string', minLength: 10, maxLength: 128 } },
} as const;
