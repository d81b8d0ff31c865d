import { conflict, type DomainError } from '../shared/domain-error';
import { err, ok, type Result } from '../shared/result';
import { applicationSteps } from './application-steps';
import type { Supplier, SupplierStatus } from './supplier.entity';

export type SupplierTransition = 'submit' | 'approve' | 'reject' | 'suspend' | 'reinstate';

/** DRAFT → PENDING → ACTIVE | REJECTED; REJECTED may be edited and resubmitted; ACTIVE ⇄ SUSPENDED. */
const TRANSITIONS: Readonly<Record<SupplierTransition, { from: readonly SupplierStatus[]; to: SupplierStatus }>> = {
  submit: { from: ['DRAFT', 'REJECTED'], to: 'PENDING' },
  approve: { from: ['PENDING'], to: 'ACTIVE' },
  reject: { from: ['PENDING'], to: 'REJECTED' },
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED' },
  reinstate: { from: ['SUSPENDED'], to: 'ACTIVE' },
};

/** States in which the supplier may still edit its application. */
export const EDITABLE_STATUSES: readonly SupplierStatus[] = ['DRAFT', 'REJECTED'];

/** Applies a transition, returning the next supplier or `ONBOARDING.INVALID_TRANSITION` / `ONBOARDING.INCOMPLETE`. */
export function transitionSupplier(
  s: Supplier,
  t: SupplierTransition,
  at: Date,
  reason: string | null = null,
): Result<Supplier, DomainError> {
  const rule = TRANSITIONS[t];
  if (!rule.from.includes(s.status)) {
    return err(
      conflict('ONBOARDING.INVALID_TRANSITION', `Cannot ${t} a supplier that is ${s.status}.`, { from: s.status, transition: t }),
    );
  }
  if (t === 'submit') {
    const missing = applicationSteps(s).filter((x) => !x.complete);
    if (missing.length > 0) {
      return err(
        conflict('ONBOARDING.INCOMPLETE', `Complete every step before submitting: ${missing.map((m) => m.step).join(', ')}.`, {
          missing: missing.map((m) => ({ step: m.step, missing: m.missing })),
        }),
      );
    }
  }
  return ok({
    ...s,
    status: rule.to,
    statusReason: t === 'reject' || t === 'suspend' ? reason : null,
    submittedAt: t === 'submit' ? at : s.submittedAt,
    reviewedAt: t === 'approve' || t === 'reject' ? at : s.reviewedAt,
    updatedAt: at,
  });
}
