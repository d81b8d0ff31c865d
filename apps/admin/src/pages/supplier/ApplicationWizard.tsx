import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { titleCase } from '../../api/format';
import type { ApplicationView, BusinessType, ShippingMethod, SupplierPrivate } from '../../api/types';
import { useAuth } from '../../auth';
import { Page } from '../../components/Layout';
import { FormError, InputField, Notice, SelectField, Spinner, StatusBadge, TextareaField, fieldError, useTitle } from '../../components/ui';

const STEPS = [
  { key: 'businessProfile', label: 'Business profile' },
  { key: 'verificationDocuments', label: 'Documents' },
  { key: 'shippingCapabilities', label: 'Shipping' },
  { key: 'integration', label: 'Integration' },
  { key: 'review', label: 'Review & submit' },
] as const;

const DOCUMENT_TYPES = ['BUSINESS_REGISTRATION', 'TAX_ID', 'VAT_ID', 'INSURANCE_CERTIFICATE', 'BANK_STATEMENT', 'OTHER'];
const EDITABLE = ['DRAFT', 'REJECTED'];

/** Drops empty optional strings so the API does not see "" for a field it would validate. */
function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as Partial<T>;
}

export function ApplicationWizard() {
  useTitle('Supplier application');
  const { refresh } = useAuth();
  const [view, setView] = useState<ApplicationView | null | undefined>(undefined);
  const [integrations, setIntegrations] = useState<{ name: string; description?: string }[]>([]);
  const [loadError, setLoadError] = useState<unknown>();
  const [step, setStep] = useState(0);

  useEffect(() => {
    api.getApplication().then(
      (v) => {
        setView(v);
        setIntegrations(v.integrations ?? []);
        const firstOpen = v.steps.findIndex((s) => !s.complete);
        setStep(v.supplier.status === 'DRAFT' ? (firstOpen === -1 ? 4 : firstOpen) : 4);
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 404) setView(null);
        else setLoadError(e);
      },
    );
  }, []);

  function saved(v: ApplicationView, advance = true) {
    setView((prev) => ({ ...v, steps: v.steps ?? prev?.steps ?? [] }));
    if (v.integrations?.length) setIntegrations(v.integrations);
    if (advance) setStep((s) => Math.min(s + 1, STEPS.length - 1));
  }

  if (view === undefined) {
    return (
      <Page title="Supplier application">
        {loadError ? <FormError error={loadError} /> : <Spinner />}
      </Page>
    );
  }

  const s = view?.supplier;
  const editable = !s || EDITABLE.includes(s.status);
  const stepState = (key: string) => view?.steps.find((x) => x.step === key);

  return (
    <Page title="Supplier application" actions={s && <StatusBadge status={s.status} />}>
      {s?.status === 'PENDING' && <Notice>Your application was submitted and is waiting for review. You can still change shipping and integration details.</Notice>}
      {s?.status === 'ACTIVE' && (
        <Notice kind="success">
          You are approved. <Link to="/supplier/products">Manage your catalog</Link> or <Link to="/supplier/import">import a file</Link>.
        </Notice>
      )}
      {s?.status === 'REJECTED' && (
        <Notice kind="warning">
          The application was not approved{s.statusReason ? `: ${s.statusReason}` : ''}. Change what is needed and submit again.
        </Notice>
      )}
      {s?.status === 'SUSPENDED' && <Notice kind="warning">Your account is suspended{s.statusReason ? `: ${s.statusReason}` : ''}.</Notice>}

      <ol className="stepper" aria-label="Application steps">
        {STEPS.map((st, i) => {
          const state = stepState(st.key);
          const reachable = i === 0 || Boolean(s);
          return (
            <li key={st.key} className={`stepper__step${i === step ? ' is-current' : ''}${state?.complete ? ' is-complete' : ''}`}>
              <button type="button" disabled={!reachable} aria-current={i === step ? 'step' : undefined} onClick={() => setStep(i)}>
                <span className="stepper__num" aria-hidden="true">
                  {state?.complete ? '✓' : i + 1}
                </span>
                <span className="stepper__label">
                  {st.label}
                  {state && <span className="visually-hidden">{state.complete ? ' (complete)' : ' (incomplete)'}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>

      <div className="card wizard">
        {step === 0 && <ProfileStep supplier={s} editable={editable} onSaved={(v) => saved(v)} />}
        {step === 1 && s && <DocumentsStep supplier={s} editable={editable} onSaved={(v) => saved(v)} />}
        {step === 2 && s && <ShippingStep supplier={s} onSaved={(v) => saved(v)} />}
        {step === 3 && s && <IntegrationStep supplier={s} integrations={integrations} onSaved={(v) => saved(v)} />}
        {step === 4 && view && (
          <ReviewStep
            view={view}
            onGoTo={setStep}
            onSubmitted={(v) => {
              saved(v, false);
              void refresh();
            }}
          />
        )}
      </div>
    </Page>
  );
}

function StepForm({ title, intro, error, fields, onSubmit, busy, editable = true, children, submitLabel = 'Save and continue' }: { title: string; intro?: string; error: unknown; fields: string[]; onSubmit: () => void; busy: boolean; editable?: boolean; children: ReactNode; submitLabel?: string }) {
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      <FormError error={error} fields={fields} />
      <fieldset disabled={!editable} className="plain-fieldset">
        {children}
      </fieldset>
      {editable ? (
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      ) : (
        <p className="muted">These details are fixed once the application is submitted.</p>
      )}
    </form>
  );
}

function useSave(): [boolean, unknown, (fn: () => Promise<void>) => void] {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    fn()
      .catch((e: unknown) => setError(e))
      .finally(() => setBusy(false));
  };
  return [busy, error, run];
}

const PROFILE_FIELDS = ['companyName', 'businessType', 'contactEmail', 'phone', 'website', 'description', 'country'];

function ProfileStep({ supplier, editable, onSaved }: { supplier: SupplierPrivate | undefined; editable: boolean; onSaved: (v: ApplicationView) => void }) {
  const [f, setF] = useState({
    companyName: supplier?.companyName ?? '',
    businessType: (supplier?.businessType ?? 'MANUFACTURER') as BusinessType,
    contactEmail: supplier?.contactEmail ?? '',
    phone: supplier?.phone ?? '',
    website: supplier?.website ?? '',
    country: supplier?.country ?? '',
    description: supplier?.description ?? '',
  });
  const [busy, error, run] = useSave();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <StepForm
      title="1. Business profile"
      intro="Who you are. Retailers see the company name, type, description and website."
      error={error}
      fields={PROFILE_FIELDS}
      busy={busy}
      editable={editable}
      onSubmit={() =>
        run(async () => {
          const body = compact({ ...f, country: f.country.toUpperCase() });
          onSaved(supplier ? await api.updateApplication(body) : await api.startApplication(body));
        })
      }
    >
      <div className="grid-2">
        <InputField label="Company name" name="companyName" required value={f.companyName} onChange={set('companyName')} error={fieldError(error, 'companyName')} />
        <SelectField label="Business type" name="businessType" value={f.businessType} onChange={set('businessType')} error={fieldError(error, 'businessType')}>
          <option value="MANUFACTURER">Manufacturer</option>
          <option value="DISTRIBUTOR">Distributor</option>
          <option value="WHOLESALER">Wholesaler</option>
        </SelectField>
        <InputField label="Contact email" name="contactEmail" type="email" required value={f.contactEmail} onChange={set('contactEmail')} error={fieldError(error, 'contactEmail')} />
        <InputField label="Phone (optional)" name="phone" type="tel" value={f.phone} onChange={set('phone')} error={fieldError(error, 'phone')} />
        <InputField label="Website (optional)" name="website" type="url" placeholder="https://" value={f.website} onChange={set('website')} error={fieldError(error, 'website')} />
        <InputField label="Country (optional)" name="country" maxLength={2} hint="Two letters, e.g. DE or US" value={f.country} onChange={set('country')} error={fieldError(error, 'country')} />
      </div>
      <TextareaField label="Description" name="description" rows={4} required hint="What you make or sell, and for whom." value={f.description} onChange={set('description')} error={fieldError(error, 'description')} />
    </StepForm>
  );
}

function DocumentsStep({ supplier, editable, onSaved }: { supplier: SupplierPrivate; editable: boolean; onSaved: (v: ApplicationView) => void }) {
  const [docs, setDocs] = useState(supplier.verificationDocuments.length ? supplier.verificationDocuments.map((d) => ({ type: d.type, reference: d.reference ?? '', url: d.url ?? '' })) : [{ type: 'BUSINESS_REGISTRATION', reference: '', url: '' }]);
  const [busy, error, run] = useSave();
  const names = docs.flatMap((_, i) => [`verificationDocuments/${i}`, `verificationDocuments/${i}/type`, `verificationDocuments/${i}/reference`, `verificationDocuments/${i}/url`]);
  const setDoc = (i: number, k: 'type' | 'reference' | 'url', v: string) => setDocs(docs.map((d, j) => (j === i ? { ...d, [k]: v } : d)));
  return (
    <StepForm
      title="2. Verification documents"
      intro="At least one document that shows your business is registered: give its reference number or a link to a copy."
      error={error}
      fields={names}
      busy={busy}
      editable={editable}
      onSubmit={() => run(async () => onSaved(await api.updateApplication({ verificationDocuments: docs.map((d) => compact(d)) })))}
    >
      {docs.map((d, i) => (
        <fieldset key={i} className="row-group">
          <legend>Document {i + 1}</legend>
          <div className="grid-3">
            <SelectField label="Type" name={`doc-${i}-type`} value={d.type} onChange={(e) => setDoc(i, 'type', e.target.value)} error={fieldError(error, `verificationDocuments/${i}/type`)}>
              {DOCUMENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {titleCase(t)}
                </option>
              ))}
            </SelectField>
            <InputField label="Reference number" name={`doc-${i}-reference`} value={d.reference} onChange={(e) => setDoc(i, 'reference', e.target.value)} error={fieldError(error, `verificationDocuments/${i}/reference`) ?? fieldError(error, `verificationDocuments/${i}`)} />
            <InputField label="Link to a copy (optional)" name={`doc-${i}-url`} type="url" placeholder="https://" value={d.url} onChange={(e) => setDoc(i, 'url', e.target.value)} error={fieldError(error, `verificationDocuments/${i}/url`)} />
          </div>
          {docs.length > 1 && (
            <button type="button" className="button button--link" onClick={() => setDocs(docs.filter((_, j) => j !== i))}>
              Remove document {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => setDocs([...docs, { type: 'TAX_ID', reference: '', url: '' }])}>
        Add another document
      </button>
    </StepForm>
  );
}

function ShippingStep({ supplier, onSaved }: { supplier: SupplierPrivate; onSaved: (v: ApplicationView) => void }) {
  const [methods, setMethods] = useState<{ carrier: string; service: string; days: string }[]>(
    supplier.shippingMethods?.length ? supplier.shippingMethods.map((m: ShippingMethod) => ({ carrier: m.carrier, service: m.service, days: String(m.days) })) : [{ carrier: '', service: '', days: '' }],
  );
  const [speed, setSpeed] = useState(supplier.fulfillmentSpeed ?? '');
  const [minOrder, setMinOrder] = useState(supplier.minOrderValue ?? '0.00');
  const [busy, error, run] = useSave();
  const setM = (i: number, k: 'carrier' | 'service' | 'days', v: string) => setMethods(methods.map((m, j) => (j === i ? { ...m, [k]: v } : m)));
  const names = ['fulfillmentSpeed', 'minOrderValue', 'shippingMethods', ...methods.flatMap((_, i) => [`shippingMethods/${i}/carrier`, `shippingMethods/${i}/service`, `shippingMethods/${i}/days`])];
  return (
    <StepForm
      title="3. Shipping"
      intro="How you ship to retailers' customers, and how fast you hand orders to the carrier."
      error={error}
      fields={names}
      busy={busy}
      onSubmit={() =>
        run(async () =>
          onSaved(
            await api.updateApplication(
              compact({
                shippingMethods: methods.map((m) => ({ carrier: m.carrier, service: m.service, days: m.days === '' ? -1 : Number(m.days) })),
                fulfillmentSpeed: speed,
                minOrderValue: minOrder,
              }),
            ),
          ),
        )
      }
    >
      {methods.map((m, i) => (
        <fieldset key={i} className="row-group">
          <legend>Shipping method {i + 1}</legend>
          <div className="grid-3">
            <InputField label="Carrier" name={`method-${i}-carrier`} placeholder="UPS" value={m.carrier} onChange={(e) => setM(i, 'carrier', e.target.value)} error={fieldError(error, `shippingMethods/${i}/carrier`)} />
            <InputField label="Service" name={`method-${i}-service`} placeholder="Ground" value={m.service} onChange={(e) => setM(i, 'service', e.target.value)} error={fieldError(error, `shippingMethods/${i}/service`)} />
            <InputField label="Delivery days" name={`method-${i}-days`} type="number" min={0} max={90} value={m.days} onChange={(e) => setM(i, 'days', e.target.value)} error={fieldError(error, `shippingMethods/${i}/days`)} />
          </div>
          {methods.length > 1 && (
            <button type="button" className="button button--link" onClick={() => setMethods(methods.filter((_, j) => j !== i))}>
              Remove method {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => setMethods([...methods, { carrier: '', service: '', days: '' }])}>
        Add a shipping method
      </button>
      <div className="grid-2">
        <InputField label="Fulfilment speed" name="fulfillmentSpeed" placeholder="1-2 days" hint="Time from order to hand-over to the carrier" value={speed} onChange={(e) => setSpeed(e.target.value)} error={fieldError(error, 'fulfillmentSpeed')} />
        <InputField label="Minimum order value" name="minOrderValue" inputMode="decimal" value={minOrder} onChange={(e) => setMinOrder(e.target.value)} error={fieldError(error, 'minOrderValue')} />
      </div>
    </StepForm>
  );
}

function IntegrationStep({ supplier, integrations, onSaved }: { supplier: SupplierPrivate; integrations: { name: string; description?: string }[]; onSaved: (v: ApplicationView) => void }) {
  const [adapter, setAdapter] = useState(supplier.integration?.adapter ?? integrations[0]?.name ?? '');
  const [options, setOptions] = useState(JSON.stringify(supplier.integration?.options ?? {}, null, 2));
  const [busy, error, run] = useSave();
  const [parseError, setParseError] = useState<string>();
  const optionsError = parseError ?? (error instanceof ApiError ? error.errors.filter((e) => /^\/?integration\/options/.test(e.path)).map((e) => `${e.path.replace(/^\/?integration\/options\/?/, '') || 'options'} ${e.message}`).join('; ') || undefined : undefined);
  return (
    <StepForm
      title="4. Integration"
      intro="How orders reach you. The supplier portal needs no set-up: you accept and ship orders on this site."
      error={error}
      fields={['integration', 'integration/adapter', ...(error instanceof ApiError ? error.errors.map((e) => e.path.replace(/^\//, '')).filter((p) => p.startsWith('integration/options')) : [])]}
      busy={busy}
      onSubmit={() => {
        let parsed: unknown;
        try {
          parsed = options.trim() ? JSON.parse(options) : {};
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('must be a JSON object');
          setParseError(undefined);
        } catch (e) {
          setParseError(`Options ${e instanceof Error ? e.message : 'are not valid JSON'}.`);
          return;
        }
        run(async () => onSaved(await api.updateApplication({ integration: { adapter, options: parsed } })));
      }}
    >
      <fieldset className="choice">
        <legend>Integration</legend>
        {integrations.length === 0 && <p className="muted">No integrations are available on this platform.</p>}
        {integrations.map((it) => (
          <label key={it.name} className="choice__option">
            <input type="radio" name="adapter" value={it.name} checked={adapter === it.name} onChange={() => setAdapter(it.name)} />
            <span>
              <strong>{it.name}</strong>
              {it.description ? ` — ${it.description}` : ''}
            </span>
          </label>
        ))}
        {fieldError(error, 'integration/adapter') && (
          <p className="field__error" role="alert">
            {fieldError(error, 'integration/adapter')}
          </p>
        )}
      </fieldset>
      <TextareaField label="Options (JSON)" name="options" rows={4} className="mono" hint='The chosen integration’s settings, e.g. {"autoAccept": false}. Leave {} for the defaults.' value={options} onChange={(e) => setOptions(e.target.value)} error={optionsError} />
    </StepForm>
  );
}

function ReviewStep({ view, onGoTo, onSubmitted }: { view: ApplicationView; onGoTo: (i: number) => void; onSubmitted: (v: ApplicationView) => void }) {
  const [busy, error, run] = useSave();
  const s = view.supplier;
  const allComplete = view.steps.every((x) => x.complete);
  const canSubmit = s.status === 'DRAFT' || s.status === 'REJECTED';
  return (
    <div className="form">
      <h2>5. Review and submit</h2>
      <ul className="checklist">
        {view.steps.map((st) => {
          const i = STEPS.findIndex((x) => x.key === st.step);
          return (
            <li key={st.step} className={st.complete ? 'is-complete' : 'is-missing'}>
              <span aria-hidden="true">{st.complete ? '✓' : '•'}</span> {STEPS[i]?.label ?? st.step}: {st.complete ? 'complete' : `missing ${st.missing.join(', ')}`}
              {!st.complete && i >= 0 && (
                <>
                  {' '}
                  <button type="button" className="button button--link" onClick={() => onGoTo(i)}>
                    Complete this step
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <FormError error={error} />
      {canSubmit ? (
        <>
          <p className="muted">Once submitted, our team reviews your application; identity details can no longer change.</p>
          <button className="button" type="button" disabled={busy || !allComplete} onClick={() => run(async () => onSubmitted(await api.submitApplication()))}>
            {busy ? 'Submitting…' : 'Submit for review'}
          </button>
        </>
      ) : (
        <p>
          Status: <StatusBadge status={s.status} />
        </p>
      )}
    </div>
  );
}
