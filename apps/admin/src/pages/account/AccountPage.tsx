import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { dateTime } from '../../api/format';
import { useAuth } from '../../auth';
import { Page } from '../../components/Layout';
import { EmptyState, FormError, InputField, Notice, fieldError, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

export function AccountPage() {
  useTitle('Account');
  const { me } = useAuth();
  const keys = useAsync(() => api.listApiKeys(), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ apiKey: string; prefix: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setCreated(null);
    try {
      setCreated(await api.createApiKey(name.trim() || undefined));
      setName('');
      keys.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string, label: string) {
    if (!window.confirm(`Revoke ${label}? Anything using it stops working at once.`)) return;
    setRevoking(id);
    setError(undefined);
    try {
      await api.revokeApiKey(id);
      keys.reload();
    } catch (err) {
      setError(err);
    } finally {
      setRevoking(null);
    }
  }

  const active = (keys.data?.apiKeys ?? []).filter((k) => !k.revokedAt);
  const revoked = (keys.data?.apiKeys ?? []).filter((k) => k.revokedAt);

  return (
    <Page title="Account">
      <section className="card">
        <h2>You</h2>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{me?.user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{me?.user.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{me?.user.role.toLowerCase()}</dd>
          </div>
          {me?.retailer && (
            <div>
              <dt>Plan</dt>
              <dd>{me.retailer.plan.toLowerCase()}</dd>
            </div>
          )}
          {me?.supplier && (
            <div>
              <dt>Supplier</dt>
              <dd>{me.supplier.companyName}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="card" aria-labelledby="keys">
        <h2 id="keys">API keys</h2>
        <p className="muted">Keys let your systems call the API as you (send them as Authorization: Bearer …). A key is shown once when created; we only keep its hash.</p>
        {created && (
          <Notice kind="success">
            <p>Your new key — copy it now, it will not be shown again:</p>
            <p>
              <code className="secret" data-testid="new-api-key">
                {created.apiKey}
              </code>
            </p>
          </Notice>
        )}
        <FormError error={error} fields={['name']} />
        <form className="form form--row" onSubmit={create} noValidate>
          <InputField label="Key name (optional)" name="name" placeholder="e.g. warehouse sync" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, 'name')} />
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </form>
        {!(keys.data && active.length === 0) && (
          <div className="table-wrap" aria-busy={keys.loading}>
            <table className="table">
              <caption className="visually-hidden">Active API keys</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {active.map((k) => (
                  <tr key={k.id}>
                    <td data-label="Name">{k.name ?? '—'}</td>
                    <td data-label="Prefix">
                      <code>{k.prefix}…</code>
                    </td>
                    <td data-label="Created">{dateTime(k.createdAt)}</td>
                    <td data-label="Last used">{dateTime(k.lastUsedAt)}</td>
                    <td>
                      <button type="button" className="button button--danger button--small" disabled={revoking === k.id} onClick={() => void revoke(k.id, k.name ?? k.prefix)}>
                        Revoke<span className="visually-hidden"> {k.name ?? k.prefix}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {keys.data && active.length === 0 && <EmptyState title="No active keys." />}
        {revoked.length > 0 && <p className="muted small">{revoked.length} revoked key{revoked.length === 1 ? '' : 's'} not shown.</p>}
      </section>
    </Page>
  );
}
