import { describe, expect, it } from 'vitest';
import { money } from '../shared/money';
import { applicationSteps } from './application-steps';
import { transitionSupplier } from './supplier-status.machine';
import type { Supplier } from './supplier.entity';

const at = new Date('2026-12-01T00:00:00Z');
const draft: Supplier = {
  id: 's1', slug: 'acme', ownerUserId: 'u1', status: 'DRAFT', companyName: 'Acme', businessType: 'MANUFACTURER',
  contactEmail: 'ops@acme.example', phone: null, website: null, description: 'We make things.', logoUrl: null, country: 'US',
  verificationDocuments: [], shippingMethods: [], fulfillmentSpeed: null, minOrderValue: money(0), integration: null,
  stockBufferPercent: 90, statusReason: null, submittedAt: null, reviewedAt: null, createdAt: at, updatedAt: at, version: 1,
};
const complete: Supplier = {
  ...draft,
  verificationDocuments: [{ type: 'BUSINESS_REGISTRATION', reference: 'HRB 1' }],
  shippingMethods: [{ carrier: 'UPS', service: 'Ground', days: 4 }],
  fulfillmentSpeed: '1-2 days',
  integration: { adapter: 'supplier-portal', options: {} },
};

describe('supplier application', () => {
  it('reports what each step still lacks', () => {
    const steps = applicationSteps(draft);
    expect(steps.map((s) => [s.step, s.complete])).toEqual([
      ['businessProfile', true], ['verificationDocuments', false], ['shippingCapabilities', false], ['integration', false],
    ]);
    expect(applicationSteps(complete).every((s) => s.complete)).toBe(true);
  });
  it('refuses to submit an incomplete application', () => {
    const r = transitionSupplier(draft, 'submit', at);
    expect(!r.ok && r.error.code).toBe('ONBOARDING.INCOMPLETE');
  });
  it('walks DRAFT → PENDING → ACTIVE ⇄ SUSPENDED', () => {
    const pending = transitionSupplier(complete, 'submit', at);
    expect(pending.ok && pending.value.status).toBe('PENDING');
    if (!pending.ok) return;
    const active = transitionSupplier(pending.value, 'approve', at);
    expect(active.ok && active.value.reviewedAt).toEqual(at);
    if (!active.ok) return;
    const suspended = transitionSupplier(active.value, 'suspend', at, 'chargebacks');
    expect(suspended.ok && suspended.value.statusReason).toBe('chargebacks');
    if (!suspended.ok) return;
    const back = transitionSupplier(suspended.value, 'reinstate', at);
    expect(back.ok && back.value.status).toBe('ACTIVE');
  });
  it('lets a rejected supplier resubmit, and refuses transitions from the wrong state', () => {
    const rejected = { ...complete, status: 'REJECTED' as const };
    expect(transitionSupplier(rejected, 'submit', at).ok).toBe(true);
    const r = transitionSupplier(draft, 'approve', at);
    expect(!r.ok && r.error.code).toBe('ONBOARDING.INVALID_TRANSITION');
    expect(!r.ok && r.error.kind).toBe('conflict');
  });
});
