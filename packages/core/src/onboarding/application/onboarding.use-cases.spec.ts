import { createInMemoryPersistence } from '@dropship/adapter-testkit';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../accounts/user.entity';
import { money } from '../../shared/money';
import { countingTokens, ManualClock, plainHasher } from '../../test-support';
import { AccountsService } from '../../accounts/application/accounts.use-cases';
import type { IntegrationValidator } from './integration-validator.port';
import { OnboardingService } from './onboarding.use-cases';

const integrations: IntegrationValidator = {
  validate: (adapter, options) =>
    adapter === 'supplier-portal' && Object.keys(options).every((k) => k === 'autoAccept')
      ? { ok: true, options: { autoAccept: false, ...options } }
      : { ok: false, errors: [{ path: '/integration/adapter', message: 'unknown' }] },
  available: () => [{ name: 'supplier-portal', description: '' }],
};

async function setup() {
  const clock = new ManualClock();
  const p = createInMemoryPersistence({ clock });
  const accounts = new AccountsService({ repos: p.repos, uow: p.uow, hasher: plainHasher, tokens: countingTokens, clock });
  const onboarding = new OnboardingService({ repos: p.repos, uow: p.uow, clock, integrations });
  const principalOf = async (role: 'SUPPLIER' | 'RETAILER', email: string) => {
    const r = await accounts.register({ email, password: 'correct horse battery', role, name: email });
    if (!r.ok) throw r.error;
    return (await accounts.authenticate(r.value.token))!;
  };
  await accounts.ensureAdmin('admin@x.test', 'a long admin password');
  const adminLogin = await accounts.login({ email: 'admin@x.test', password: 'a long admin password' });
  if (!adminLogin.ok) throw adminLogin.error;
  const admin = (await accounts.authenticate(adminLogin.value.token))!;
  return { p, onboarding, accounts, principalOf, admin, clock };
}

const profile = { companyName: 'Acme Cables', businessType: 'MANUFACTURER' as const, contactEmail: 'OPS@acme.test', description: 'Cables' };
const steps = {
  verificationDocuments: [{ type: 'TAX_ID', reference: 'DE123' }],
  shippingMethods: [{ carrier: 'DHL', service: 'Paket', days: 3 }],
  fulfillmentSpeed: '1-2 days',
  integration: { adapter: 'supplier-portal', options: {} },
};

describe('supplier onboarding', () => {
  it('walks the steps, submits, and is approved by an admin with an audit row', async () => {
    const { onboarding, principalOf, admin, p } = await setup();
    const supplierUser = await principalOf('SUPPLIER', 's@x.test');
    const started = await onboarding.start({ principal: supplierUser }, profile);
    if (!started.ok) throw started.error;
    expect(started.value.supplier).toMatchObject({ status: 'DRAFT', slug: 'acme-cables', contactEmail: 'ops@acme.test' });
    const me: Principal = { ...supplierUser, supplierId: started.value.supplier.id };
    const updated = await onboarding.update({ principal: me }, { ...steps, minOrderValue: money(2500) });
    expect(updated.ok && updated.value.steps.every((s) => s.complete)).toBe(true);
    expect(updated.ok && updated.value.supplier.integration?.options).toEqual({ autoAccept: false });
    const submitted = await onboarding.submit({ principal: me });
    expect(submitted.ok && submitted.value.supplier.status).toBe('PENDING');
    const approved = await onboarding.review({ principal: admin, requestId: 'req-1' }, started.value.supplier.id, 'approve', null);
    expect(approved.ok && approved.value.supplier.status).toBe('ACTIVE');
    const audit = await p.repos.audit.list({ targetId: started.value.supplier.id, page: 1, pageSize: 10 });
    // submit and approve can share a millisecond, so find the row rather than rely on the order
    expect(audit.items.find((a) => a.action === 'supplier.approve')).toMatchObject({ action: 'supplier.approve', actorUserId: admin.userId, requestId: 'req-1', details: { from: 'PENDING', to: 'ACTIVE' } });
  });

  it('refuses a second application, other roles, invalid integrations and identity edits after submission', async () => {
    const { onboarding, principalOf } = await setup();
    const retailer = await principalOf('RETAILER', 'r@x.test');
    expect((await onboarding.start({ principal: retailer }, profile)).ok).toBe(false);
    const u = await principalOf('SUPPLIER', 's@x.test');
    const started = await onboarding.start({ principal: u }, profile);
    if (!started.ok) throw started.error;
    const me = { ...u, supplierId: started.value.supplier.id };
    const twice = await onboarding.start({ principal: me }, profile);
    expect(!twice.ok && twice.error.code).toBe('SUPPLIER.ALREADY_EXISTS');
    const bad = await onboarding.update({ principal: me }, { integration: { adapter: 'ftp', options: {} } });
    expect(!bad.ok && bad.error.code).toBe('ONBOARDING.INVALID_INTEGRATION');
    await onboarding.update({ principal: me }, steps);
    await onboarding.submit({ principal: me });
    const rename = await onboarding.update({ principal: me }, { companyName: 'Other' });
    expect(!rename.ok && rename.error.code).toBe('ONBOARDING.NOT_EDITABLE');
    const ops = await onboarding.update({ principal: me }, { fulfillmentSpeed: '2-3 days' });
    expect(ops.ok).toBe(true);
  });

  it('lets only admins review, and a rejected supplier fix and resubmit', async () => {
    const { onboarding, principalOf, admin } = await setup();
    const u = await principalOf('SUPPLIER', 's@x.test');
    const started = await onboarding.start({ principal: u }, profile);
    if (!started.ok) throw started.error;
    const me = { ...u, supplierId: started.value.supplier.id };
    await onboarding.update({ principal: me }, steps);
    await onboarding.submit({ principal: me });
    const self = await onboarding.review({ principal: me }, started.value.supplier.id, 'approve', null);
    expect(!self.ok && self.error.kind).toBe('forbidden');
    const rejected = await onboarding.review({ principal: admin }, started.value.supplier.id, 'reject', 'documents unreadable');
    expect(rejected.ok && rejected.value.supplier).toMatchObject({ status: 'REJECTED', statusReason: 'documents unreadable' });
    expect((await onboarding.update({ principal: me }, { verificationDocuments: [{ type: 'TAX_ID', url: 'https://docs.test/tax.pdf' }] })).ok).toBe(true);
    const resubmitted = await onboarding.submit({ principal: me });
    expect(resubmitted.ok && resubmitted.value.supplier).toMatchObject({ status: 'PENDING', statusReason: null });
  });
});
