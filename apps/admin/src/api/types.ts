// Shapes of the API's answers the site reads. The JSON Schemas in @dropship/api-contract are the
// source of truth (see packages/api-contract/src/schemas); these mirror the fields the pages use.
export type Role = 'ADMIN' | 'SUPPORT' | 'SUPPLIER' | 'RETAILER';
export type SupplierStatus = 'DRAFT' | 'PENDING' | 'ACTIVE' | 'REJECTED' | 'SUSPENDED';
export type BusinessType = 'MANUFACTURER' | 'DISTRIBUTOR' | 'WHOLESALER';
export type ProductStatus = 'ACTIVE' | 'OUT_OF_STOCK' | 'DISCONTINUED';
export type ShippingClass = 'STANDARD' | 'LIGHTWEIGHT' | 'OVERSIZED' | 'FRAGILE' | 'HAZMAT';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: 'ACTIVE' | 'DISABLED';
  supplierId: string | null;
  retailerId: string | null;
  createdAt: string;
}

export interface Retailer {
  id: string;
  name: string;
  plan: 'BASIC' | 'PRO' | 'ENTERPRISE';
}

export interface ShippingMethod {
  carrier: string;
  service: string;
  days: number;
}

export interface VerificationDocument {
  type: string;
  reference?: string;
  url?: string;
}

export interface SupplierPublic {
  id: string;
  slug: string;
  companyName: string;
  businessType: BusinessType;
  status: SupplierStatus;
  description?: string | null;
  website?: string | null;
  logoUrl?: string | null;
  country?: string | null;
  shippingMethods?: ShippingMethod[];
  fulfillmentSpeed?: string | null;
  minOrderValue?: string;
  currency?: string;
  productCount?: number;
  createdAt?: string;
}

export interface SupplierPrivate extends SupplierPublic {
  contactEmail: string;
  phone?: string | null;
  verificationDocuments: VerificationDocument[];
  integration?: { adapter: string; options?: Record<string, unknown> } | null;
  stockBufferPercent?: number;
  statusReason?: string | null;
  submittedAt?: string | null;
  reviewedAt?: string | null;
  updatedAt?: string;
  version: number;
}

export interface Step {
  step: string;
  complete: boolean;
  missing: string[];
}

export interface ApplicationView {
  supplier: SupplierPrivate;
  steps: Step[];
  integrations?: { name: string; description?: string }[];
}

export interface Product {
  id: string;
  supplierId: string;
  supplierName?: string;
  supplierSlug?: string;
  sku: string;
  title: string;
  description: string;
  wholesalePrice: string;
  msrp: string | null;
  currency: string;
  images: string[];
  category: string | null;
  weight: number;
  shippingClass: ShippingClass;
  inventoryQuantity: number;
  reservedQuantity?: number;
  bufferedQuantity?: number;
  status: ProductStatus;
  createdAt?: string;
  updatedAt?: string;
}

export interface ProductList {
  products: Product[];
  total: number;
  totalIsEstimate?: boolean;
  page: number;
  pageSize: number;
}

export interface Category {
  slug: string;
  name: string;
  parentSlug?: string | null;
  productCount: number;
}

export interface Job {
  id: string;
  kind: string;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  total: number;
  processed: number;
  progress?: number;
  created?: number;
  updated?: number;
  failed?: number;
  errors: { row: number; column?: string; message: string }[];
  message?: string | null;
}

export interface ApiKey {
  id: string;
  prefix: string;
  name?: string | null;
  createdAt: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface AuditEntry {
  id: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  at: string;
}

export interface Session {
  user: User;
  token: string;
}

export interface Me {
  user: User;
  retailer?: Retailer;
  supplier?: SupplierPrivate;
}
