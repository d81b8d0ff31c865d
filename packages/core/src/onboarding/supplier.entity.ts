import type { Money } from '../shared/money';

export const SUPPLIER_STATUSES = ['DRAFT', 'PENDING', 'ACTIVE', 'REJECTED', 'SUSPENDED'] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];
export const BUSINESS_TYPES = ['MANUFACTURER', 'DISTRIBUTOR', 'WHOLESALER'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export interface VerificationDocument {
  readonly type: string;
  readonly reference?: string;
  readonly url?: string;
}
export interface ShippingMethod {
  readonly carrier: string;
  readonly service: string;
  readonly days: number;
}
export interface IntegrationChoice {
  /** A supplier adapter's package name or short name (`supplier-portal`, `supplier-http`). */
  readonly adapter: string;
  /** Options validated against that adapter's schema. Secrets are stored encrypted by the repository. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A supplier company: its application (the onboarding steps) and, once approved, its storefront identity. */
export interface Supplier {
  readonly id: string;
  readonly slug: string;
  readonly ownerUserId: string;
  readonly status: SupplierStatus;
  readonly companyName: string;
  readonly businessType: BusinessType;
  readonly contactEmail: string;
  readonly phone: string | null;
  readonly website: string | null;
  readonly description: string | null;
  readonly logoUrl: string | null;
  readonly country: string | null;
  readonly verificationDocuments: readonly VerificationDocument[];
  readonly shippingMethods: readonly ShippingMethod[];
  readonly fulfillmentSpeed: string | null;
  readonly minOrderValue: Money;
  readonly integration: IntegrationChoice | null;
  /** Share of real stock shown to stores, in percent (default 90). */
  readonly stockBufferPercent: number;
  readonly statusReason: string | null;
  readonly submittedAt: Date | null;
  readonly reviewedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Optimistic concurrency: incremented by every write. */
  readonly version: number;
}

/** A retailer company: the tenant that owns stores, listings and orders. */
export interface Retailer {
  readonly id: string;
  readonly ownerUserId: string;
  readonly name: string;
  readonly plan: 'BASIC' | 'PRO' | 'ENTERPRISE';
  readonly createdAt: Date;
}

export const DEFAULT_STOCK_BUFFER_PERCENT = 90;
