import {
  deriveStatus,
  isDomainError,
  money,
  uuidv7,
  type ProductDraft,
  type Repositories,
  type Supplier,
  type SupplierProduct,
  type User,
} from '@dropship/core';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A lowercase, letters-only word unique to this run: isolates tests that share one database. */
export function uniqueWord(prefix = 'zq'): string {
  let w = prefix;
  for (let i = 0; i < 9; i++) w += LETTERS[Math.floor(Math.random() * 26)];
  return `${w}k`;
}

/** A fixed, second-aligned instant plus `offsetMs`, so stored times compare exactly on every engine. */
export const at = (offsetMs = 0): Date => new Date(Date.UTC(2025, 0, 15, 12, 0, 0) + offsetMs);

/** A valid user with a unique id and email. */
export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: uuidv7(),
    email: `${uniqueWord('user')}@example.test`,
    name: 'Test User',
    role: 'SUPPLIER',
    status: 'ACTIVE',
    passwordHash: 'scrypt$test$hash',
    supplierId: null,
    retailerId: null,
    createdAt: at(),
    lastLoginAt: null,
    ...overrides,
  };
}

/** A valid DRAFT supplier with a unique id and slug; pass the owner's id (it must exist in a real DB). */
export function aSupplier(overrides: Partial<Supplier> & { ownerUserId: string }): Supplier {
  const word = uniqueWord('sup');
  return {
    id: uuidv7(),
    slug: word,
    status: 'DRAFT',
    companyName: `Company ${word}`,
    businessType: 'WHOLESALER',
    contactEmail: `${word}@example.test`,
    phone: null,
    website: null,
    description: null,
    logoUrl: null,
    country: 'US',
    verificationDocuments: [],
    shippingMethods: [],
    fulfillmentSpeed: null,
    minOrderValue: money(0, 'USD'),
    integration: null,
    stockBufferPercent: 90,
    statusReason: null,
    submittedAt: null,
    reviewedAt: null,
    createdAt: at(),
    updatedAt: at(),
    version: 1,
    ...overrides,
  };
}

/** A valid product draft with a unique SKU. */
export function aProductDraft(overrides: Partial<ProductDraft> = {}): ProductDraft {
  return {
    sku: `SKU-${uniqueWord('').toUpperCase()}`,
    title: 'Plain Widget',
    description: 'A dependable widget.',
    wholesalePrice: money(1000, 'USD'),
    msrp: money(1999, 'USD'),
    images: ['https://cdn.example.test/widget.jpg'],
    categorySlug: null,
    weightGrams: 250,
    shippingClass: 'STANDARD',
    inventoryQuantity: 10,
    discontinued: false,
    ...overrides,
  };
}

/** A valid product of `supplierId` with a derived status (override `status` to test re-derivation). */
export function aProduct(supplierId: string, overrides: Partial<SupplierProduct> = {}): SupplierProduct {
  const base = { ...aProductDraft(), id: uuidv7(), supplierId, reservedQuantity: 0, createdAt: at(), updatedAt: at(), ...overrides };
  return { status: deriveStatus(base.discontinued, base.inventoryQuantity, base.reservedQuantity), ...base };
}

/** Creates an owner user and its supplier (linked through `setTenant`); returns the stored supplier. */
export async function givenSupplier(repos: Repositories, overrides: Partial<Supplier> = {}): Promise<Supplier> {
  const owner = await repos.users.create(aUser({ role: 'SUPPLIER' }));
  const supplier = await repos.suppliers.create(aSupplier({ ...overrides, ownerUserId: owner.id }));
  await repos.users.setTenant(owner.id, { supplierId: supplier.id });
  return supplier;
}

/** Awaits `promise` and returns the DomainError it rejected with (fails if it resolved or threw something else). */
export async function domainErrorOf(promise: Promise<unknown>): Promise<{ code: string; kind: string }> {
  try {
    await promise;
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, kind: e.kind };
    throw new Error(`expected a DomainError, got ${String(e)}`);
  }
  throw new Error('expected a DomainError, but the call succeeded');
}
