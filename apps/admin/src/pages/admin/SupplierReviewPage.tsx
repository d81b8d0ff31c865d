import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { dateTime, money, titleCase } from '../../api/format';
import type { ApplicationView } from '../../api/types';
import { useAuth } from '../../auth';
import { Page } from '../../components/Layout';
import { FormError, Notice, StatusBadge, TextareaField, fieldError, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const STEP_NAMES: Record<string, string> = {
  businessProfile: 'Business profile',
  verificationDocuments: 'Verification documents',
  shippingCapabilities: 'Shipping',
  integration: 'Integration',
};

type Action = 'approve' | 'reject' | 'suspend' | 'reinstate';

export function SupplierReviewPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { data, error, loading, setData } = useAsync(() => api.adminGetSupplier(id), [id]);
  const s = data?.supplier;
  useTitle(s ? `Review ${s.companyName}` : 'Review supplier');
  const [pending, setPending] = useState<Action | null>(null);
  const [reasonFor, setReasonFor] = useState<'reject' | 'suspend' | null>(null);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const isAdmin = me?.user.role === 'ADMIN';

  async function run(action: Action) {
    setPending(action);
    setActionError(undefined);
    setDone(null);
    try {
      let v: ApplicationView;
      if (action === 'approve') v = await api.approveSupplier(id);
      else if (action === 'reinstate') v = await api.reinstateSupplier(id);
      else if (action === 'reject') v = await api.rejectSupplier(id, reason);
      else v = await api.suspendSupplier(id, reason);
      setData({ ...v, steps: v.steps ?? data?.steps ?? [] });
      setReasonFor(null);
      setReason('');
      setDone(`${v.supplier.companyName} is now ${v.supplier.status.toLowerCase()}.`);
    } catch (e) {
      setActionError(e);
    } finally {
      setPending(null);
    }
  }

  return (
    <Page title={s?.companyName ?? 'Supplier'} actions={s && <StatusBadge status={s.status} />}>
      <p className="breadcrumb">
        <Link to="/admin/suppliers">Approval queue</Link>
      </p>
      <FormError error={error} />
      {done && <Notice kind="success">{done}</Notice>}
      {s?.statusReason && (
        <Notice kind="warning">
          Reason on record: <strong>{s.statusReason}</strong>
        </Notice>
      )}
      <div className="review" aria-busy={loading}>
        <section className="card">
          <h2>Application steps</h2>
          <ul className="checklist">
            {(data?.steps ?? []).map((st) => (
              <li key={st.step} className={st.complete ? 'is-complete' : 'is-missing'}>
                <span aria-hidden="true">{st.complete ? '✓' : '•'}</span> {STEP_NAMES[st.step] ?? st.step}: {st.complete ? 'complete' : `missing ${st.missing.join(', ')}`}
              </li>
            ))}
          </ul>
          <dl className="facts">
            <div>
              <dt>Submitted</dt>
              <dd>{dateTime(s?.submittedAt)}</dd>
            </div>
            <div>
              <dt>Reviewed</dt>
              <dd>{dateTime(s?.reviewedAt)}</dd>
            </div>
          </dl>
        </section>

        <section className="card">
          <h2>Business profile</h2>
          <dl className="facts">
            <div>
              <dt>Company</dt>
              <dd>{s?.companyName ?? '…'}</dd>
            </div>
            <div>
              <dt>Type</dt>
              <dd>{s ? titleCase(s.businessType) : '…'}</dd>
            </div>
            <div>
              <dt>Contact</dt>
              <dd>{s?.contactEmail ?? '…'}</dd>
            </div>
            <div>
              <dt>Phone</dt>
              <dd>{s?.phone ?? '—'}</dd>
            </div>
            <div>
              <dt>Website</dt>
              <dd>{s?.website ?? '—'}</dd>
            </div>
            <div>
              <dt>Country</dt>
              <dd>{s?.country ?? '—'}</dd>
            </div>
          </dl>
          <p>{s?.description}</p>
        </section>

        <section className="card">
          <h2>Verification documents</h2>
          {s && s.verificationDocuments.length === 0 ? (
            <p className="muted">No documents.</p>
          ) : (
            <ul className="plain-list">
              {(s?.verificationDocuments ?? []).map((d, i) => (
                <li key={i}>
                  <strong>{titleCase(d.type)}</strong>
                  {d.reference && <> · reference {d.reference}</>}
                  {d.url && (
                    <>
                      {' · '}
                      <a href={d.url} target="_blank" rel="noopener noreferrer nofollow">
                        open document
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card">
          <h2>Shipping and integration</h2>
          <dl className="facts">
            <div>
              <dt>Methods</dt>
              <dd>{s?.shippingMethods?.length ? s.shippingMethods.map((m) => `${m.carrier} ${m.service} (${m.days} d)`).join(', ') : '—'}</dd>
            </div>
            <div>
              <dt>Fulfilment</dt>
              <dd>{s?.fulfillmentSpeed ?? '—'}</dd>
            </div>
            <div>
              <dt>Minimum order</dt>
              <dd>{s ? money(s.minOrderValue ?? '0', s.currency ?? 'USD') : '…'}</dd>
            </div>
            <div>
              <dt>Integration</dt>
              <dd>{s?.integration?.adapter ?? '—'}</dd>
            </div>
          </dl>
        </section>
      </div>

      {s && isAdmin && (
        <section className="card decision" aria-labelledby="decision">
          <h2 id="decision">Decision</h2>
          <FormError error={actionError} fields={['reason']} />
          {reasonFor ? (
            <form
              className="form"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void run(reasonFor);
              }}
            >
              <TextareaField
                label={reasonFor === 'reject' ? 'Reason for rejecting (sent to the supplier)' : 'Reason for suspending'}
                name="reason"
                rows={3}
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={fieldError(actionError, 'reason')}
                autoFocus
              />
              <div className="button-row">
                <button className="button button--danger" type="submit" disabled={pending !== null}>
                  {reasonFor === 'reject' ? 'Reject application' : 'Suspend supplier'}
                </button>
                <button className="button button--secondary" type="button" onClick={() => setReasonFor(null)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <div className="button-row">
              {s.status === 'PENDING' && (
                <>
                  <button className="button" type="button" disabled={pending !== null} onClick={() => void run('approve')}>
                    {pending === 'approve' ? 'Approving…' : 'Approve'}
                  </button>
                  <button className="button button--danger" type="button" onClick={() => setReasonFor('reject')}>
                    Reject…
                  </button>
                </>
              )}
              {s.status === 'ACTIVE' && (
                <button className="button button--danger" type="button" onClick={() => setReasonFor('suspend')}>
                  Suspend…
                </button>
              )}
              {s.status === 'SUSPENDED' && (
                <button className="button" type="button" disabled={pending !== null} onClick={() => void run('reinstate')}>
                  {pending === 'reinstate' ? 'Reinstating…' : 'Reinstate'}
                </button>
              )}
              {(s.status === 'DRAFT' || s.status === 'REJECTED') && <p className="muted">Nothing to decide: the supplier has not submitted this application.</p>}
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
