import { conflict, forbidden, notFound, unprocessable, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { slugify, uuidv7 } from '../../shared/ids';
import { money, type Money } from '../../shared/money';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../ports/clock.port';
import type { Repositories } from '../../ports/repositories.port';
import type { UnitOfWork } from '../../ports/unit-of-work.port';
import { applicationSteps, type StepState } from '../application-steps';
import { EDITABLE_STATUSES, transitionSupplier, type SupplierTransition } from '../supplier-status.machine';
import {
  DEFAULT_STOCK_BUFFER_PERCENT,
  type BusinessType,
  type IntegrationChoice,
  type ShippingMethod,
  type Supplier,
  type VerificationDocument,
} from '../supplier.entity';
import type { IntegrationValidator } from './integration-validator.port';

export interface BusinessProfile {
  readonly companyName: string;
  readonly businessType: BusinessType;
  readonly contactEmail: string;
  readonly phone?: string | null;
  readonly website?: string | null;
  readonly description?: string | null;
  readonly logoUrl?: string | null;
  readonly country?: string | null;
}

export interface ApplicationPatch extends Partial<BusinessProfile> {
  readonly verificationDocuments?: readonly VerificationDocument[];
  readonly shippingMethods?: readonly ShippingMethod[];
  readonly fulfillmentSpeed?: string;
  readonly minOrderValue?: Money;
  readonly integration?: IntegrationChoice;
  readonly stockBufferPercent?: number;
}

/** Fields an ACTIVE supplier may still change without a new review (operations, not identity). */
const OPERATIONAL_FIELDS: readonly (keyof ApplicationPatch)[] = [
  'phone', 'website', 'description', 'logoUrl', 'shippingMethods', 'fulfillmentSpeed', 'minOrderValue', 'integration', 'stockBufferPercent',
];

export interface OnboardingDeps {
  readonly repos: Repositories;
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly integrations: IntegrationValidator;
}

export type ApplicationView = { supplier: Supplier; steps: StepState[] };

/** The supplier application: a multi-step state machine DRAFT → PENDING → ACTIVE | REJECTED, ACTIVE ⇄ SUSPENDED. */
export class OnboardingService {
  constructor(private readonly d: OnboardingDeps) {}

  /** Step 1: the business profile creates the supplier tenant in DRAFT and links the caller to it. */
  async start(actor: Actor, profile: BusinessProfile): Promise<Result<ApplicationView, DomainError>> {
    const p = actor.principal;
    if (p.role !== 'SUPPLIER') return err(forbidden('Only supplier accounts can apply.'));
    if (p.supplierId) return err(conflict('SUPPLIER.ALREADY_EXISTS', 'You already have an application; change it with PATCH /api/supplier/application.'));
    const now = this.d.clock.now();
    const supplier: Supplier = {
      id: uuidv7(),
      slug: slugify(profile.companyName),
      ownerUserId: p.userId,
      status: 'DRAFT',
      companyName: profile.companyName.trim(),
      businessType: profile.businessType,
      contactEmail: profile.contactEmail.trim().toLowerCase(),
      phone: profile.phone ?? null,
      website: profile.website ?? null,
      description: profile.description ?? null,
      logoUrl: profile.logoUrl ?? null,
      country: profile.country ?? null,
      verificationDocuments: [],
      shippingMethods: [],
      fulfillmentSpeed: null,
      minOrderValue: money(0, 'USD'),
      integration: null,
      stockBufferPercent: DEFAULT_STOCK_BUFFER_PERCENT,
      statusReason: null,
      submittedAt: null,
      reviewedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const saved = await this.d.uow.run(async (repos) => {
      const s = await repos.suppliers.create(supplier);
      await repos.users.setTenant(p.userId, { supplierId: s.id });
      return s;
    });
    return ok({ supplier: saved, steps: applicationSteps(saved) });
  }

  /** The caller's application with the state of each step. */
  async get(actor: Actor): Promise<Result<ApplicationView, DomainError>> {
    const s = await this.own(actor);
    return s ? ok({ supplier: s, steps: applicationSteps(s) }) : err(noApplication());
  }

  /** Steps 1–4: saves any of the steps' fields. Identity fields are frozen once submitted. */
  async update(actor: Actor, patch: ApplicationPatch): Promise<Result<ApplicationView, DomainError>> {
    const current = await this.own(actor);
    if (!current) return err(noApplication());
    const editable = EDITABLE_STATUSES.includes(current.status);
    const frozen = Object.keys(patch).filter((k) => !editable && !OPERATIONAL_FIELDS.includes(k as keyof ApplicationPatch));
    if (frozen.length) {
      return err(conflict('ONBOARDING.NOT_EDITABLE', `These fields cannot change while the application is ${current.status}: ${frozen.join(', ')}.`, { fields: frozen }));
    }
    let integration = current.integration;
    if (patch.integration) {
      const v = this.d.integrations.validate(patch.integration.adapter, patch.integration.options);
      if (!v.ok) return err(unprocessable('ONBOARDING.INVALID_INTEGRATION', 'The integration settings are not valid for that adapter.', v.errors));
      integration = { adapter: patch.integration.adapter, options: v.options };
    }
    const next: Supplier = {
      ...current,
      ...stripUndefined(patch),
      companyName: patch.companyName?.trim() ?? current.companyName,
      contactEmail: patch.contactEmail?.trim().toLowerCase() ?? current.contactEmail,
      integration,
      updatedAt: this.d.clock.now(),
    };
    const saved = await this.d.repos.suppliers.update(next, current.version);
    if (!saved) return err(conflict('ONBOARDING.CONCURRENT_UPDATE', 'The application changed meanwhile; reload and try again.'));
    return ok({ supplier: saved, steps: applicationSteps(saved) });
  }

  /** Sends a complete application for review (DRAFT or REJECTED → PENDING). */
  async submit(actor: Actor): Promise<Result<ApplicationView, DomainError>> {
    const current = await this.own(actor);
    if (!current) return err(noApplication());
    return this.apply(current, 'submit', null, actor);
  }

  /** Admin review: approve, reject, suspend or reinstate, with an audit row in the same transaction. */
  async review(actor: Actor, supplierId: string, action: Exclude<SupplierTransition, 'submit'>, reason: string | null): Promise<Result<ApplicationView, DomainError>> {
    if (actor.principal.role !== 'ADMIN') return err(forbidden());
    const current = await this.d.repos.suppliers.findById(supplierId);
    if (!current) return err(notFound('SUPPLIER.NOT_FOUND', 'No such supplier.'));
    return this.apply(current, action, reason, actor);
  }

  private async apply(current: Supplier, t: SupplierTransition, reason: string | null, actor: Actor): Promise<Result<ApplicationView, DomainError>> {
    const now = this.d.clock.now();
    const next = transitionSupplier(current, t, now, reason);
    if (!next.ok) return next;
    const saved = await this.d.uow.run(async (repos) => {
      const s = await repos.suppliers.update(next.value, current.version);
      if (!s) return null;
      await repos.audit.record({
        id: uuidv7(),
        actorUserId: actor.principal.userId,
        actorRole: actor.principal.role,
        action: `supplier.${t}`,
        targetType: 'supplier',
        targetId: s.id,
        details: { from: current.status, to: s.status, ...(reason ? { reason } : {}) },
        requestId: actor.requestId ?? null,
        at: now,
      });
      return s;
    });
    if (!saved) return err(conflict('ONBOARDING.CONCURRENT_UPDATE', 'The supplier changed meanwhile; reload and try again.'));
    return ok({ supplier: saved, steps: applicationSteps(saved) });
  }

  private async own(actor: Actor): Promise<Supplier | null> {
    const p = actor.principal;
    if (p.role !== 'SUPPLIER' || !p.supplierId) return null;
    return this.d.repos.suppliers.findById(p.supplierId);
  }
}

const noApplication = () => notFound('ONBOARDING.NO_APPLICATION', 'You have no supplier application yet; start one with POST /api/supplier/application.');

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
