import { uuidv7, type Persistence, type PasswordHasher, type Supplier } from '@dropship/core';
import { buildDemoDataset, CATEGORIES } from '@dropship/demo-data';

export const DEMO_LOGINS = {
  supplier: { email: 'supplier@demo.dropship.local', password: 'demo-supplier-password' },
  retailer: { email: 'retailer@demo.dropship.local', password: 'demo-retailer-password' },
} as const;

/** The platform's category taxonomy; inserted when the table is empty (admins curate it afterwards). */
export async function seedCategories(p: Persistence): Promise<boolean> {
  if ((await p.repos.categories.listWithCounts()).length > 0) return false;
  await p.repos.categories.upsert(CATEGORIES);
  return true;
}

/**
 * Seeds the demo dataset (20 curated ACTIVE suppliers with catalogs, a demo retailer) into an
 * empty database, in one transaction so a crash never leaves half a demo. Idempotent: does nothing
 * once any supplier exists.
 */
export async function seedDemo(p: Persistence, hasher: PasswordHasher, now: Date): Promise<{ seeded: boolean; suppliers: number; products: number }> {
  const existing = await p.repos.suppliers.list({ page: 1, pageSize: 1 });
  if (existing.total > 0) return { seeded: false, suppliers: 0, products: 0 };
  const data = buildDemoDataset();
  const supplierHash = await hasher.hash(DEMO_LOGINS.supplier.password);
  const retailerHash = await hasher.hash(DEMO_LOGINS.retailer.password);
  let products = 0;
  try {
    await seedInTransaction();
  } catch (e) {
    // A concurrent start (api and worker together) seeded first: its transaction won, ours rolled back.
    if ((e as { kind?: string }).kind === 'conflict' && (await p.repos.suppliers.list({ page: 1, pageSize: 1 })).total > 0) return { seeded: false, suppliers: 0, products: 0 };
    throw e;
  }
  return { seeded: true, suppliers: data.suppliers.length, products };

  async function seedInTransaction() {
    await p.uow.run(async (repos) => {
      await repos.categories.upsert(data.categories);
      for (const [i, { profile, products: drafts }] of data.suppliers.entries()) {
        const userId = uuidv7();
        await repos.users.create({
          id: userId,
          email: i === 0 ? DEMO_LOGINS.supplier.email : `owner@${profile.slug}.example.com`,
          name: `${profile.companyName} owner`,
          role: 'SUPPLIER',
          status: 'ACTIVE',
          passwordHash: supplierHash,
          supplierId: null,
          retailerId: null,
          createdAt: now,
          lastLoginAt: null,
        });
        const supplier: Supplier = {
          id: uuidv7(),
          slug: profile.slug,
          ownerUserId: userId,
          status: 'ACTIVE',
          companyName: profile.companyName,
          businessType: profile.businessType,
          contactEmail: profile.contactEmail,
          phone: profile.phone,
          website: profile.website,
          description: profile.description,
          logoUrl: profile.logoUrl,
          country: profile.country,
          verificationDocuments: profile.verificationDocuments,
          shippingMethods: profile.shippingMethods,
          fulfillmentSpeed: profile.fulfillmentSpeed,
          minOrderValue: profile.minOrderValue,
          integration: profile.integration,
          stockBufferPercent: profile.stockBufferPercent,
          statusReason: null,
          submittedAt: now,
          reviewedAt: now,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        const saved = await repos.suppliers.create(supplier);
        await repos.users.setTenant(userId, { supplierId: saved.id });
        await repos.products.upsertMany(saved.id, drafts, now);
        products += drafts.length;
      }
      const retailerUser = uuidv7();
      await repos.users.create({
        id: retailerUser,
        email: DEMO_LOGINS.retailer.email,
        name: 'Demo Retail Co.',
        role: 'RETAILER',
        status: 'ACTIVE',
        passwordHash: retailerHash,
        supplierId: null,
        retailerId: null,
        createdAt: now,
        lastLoginAt: null,
      });
      const retailer = await repos.retailers.create({ id: uuidv7(), ownerUserId: retailerUser, name: 'Demo Retail Co.', plan: 'PRO', createdAt: now });
      await repos.users.setTenant(retailerUser, { retailerId: retailer.id });
    });
  }
}
