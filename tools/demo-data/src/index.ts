export { Rng, createRng, hashString, mixSeed, mixSeed2, type Weighted } from './prng';
export { CATEGORIES, LEAF_CATEGORY_SLUGS, categoryBySlug } from './categories';
export { SUPPLIER_PROFILES, type SupplierProfile } from './suppliers';
export { generateCatalog, formatSku } from './products';
export { buildDemoDataset, DEMO_SEED, type DemoDataset, type DemoSupplier } from './demo-dataset';
export { generateProducts, generateProductRow, bulkSupplierCode, type BulkProductRow } from './bulk';
export { PRODUCT_LINES, type ProductLine } from './vocabularies';
