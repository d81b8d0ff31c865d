import type { Supplier } from './supplier.entity';

export const STEPS = ['businessProfile', 'verificationDocuments', 'shippingCapabilities', 'integration'] as const;
export type StepName = (typeof STEPS)[number];

export interface StepState {
  readonly step: StepName;
  readonly complete: boolean;
  /** Human-readable list of what is still missing, empty when complete. */
  readonly missing: readonly string[];
}

/** Which onboarding steps are complete, and what each one still lacks. */
export function applicationSteps(s: Supplier): StepState[] {
  const profile: string[] = [];
  if (!s.companyName.trim()) profile.push('companyName');
  if (!s.contactEmail.trim()) profile.push('contactEmail');
  if (!s.description?.trim()) profile.push('description');
  const docs: string[] = [];
  if (s.verificationDocuments.length === 0) docs.push('at least one verification document (e.g. BUSINESS_REGISTRATION)');
  const shipping: string[] = [];
  if (s.shippingMethods.length === 0) shipping.push('at least one shipping method');
  if (!s.fulfillmentSpeed) shipping.push('fulfillmentSpeed');
  const integration: string[] = s.integration ? [] : ['an integration choice (adapter and options)'];
  return [
    { step: 'businessProfile', complete: profile.length === 0, missing: profile },
    { step: 'verificationDocuments', complete: docs.length === 0, missing: docs },
    { step: 'shippingCapabilities', complete: shipping.length === 0, missing: shipping },
    { step: 'integration', complete: integration.length === 0, missing: integration },
  ];
}
