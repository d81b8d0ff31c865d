import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { dateTime } from '../../api/format';
import type { User } from '../../api/types';
import { Page } from '../../components/Layout';
import { EmptyState, FormError, InputField, Notice, Pager, SelectField, StatusBadge, fieldError, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const PAGE_SIZE = 50;

export function UsersPage() {
  useTitle('Users');
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const list = useAsync(() => api.adminListUsers({ role: role || undefined, page, pageSize: PAGE_SIZE }), [role, page]);
  const [form, setForm] = useState({ name: '', email: '', role: 'SUPPORT' as 'ADMIN' | 'SUPPORT' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [invited, setInvited] = useState<{ user: User; temporaryPassword?: string } | null>(null);

  async function invite(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setInvited(null);
    try {
      const r = await api.adminCreateUser(form);
      setInvited(r);
      setForm({ name: '', email: '', role: form.role });
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Users">
      <section className="card" aria-labelledby="invite">
        <h2 id="invite">Invite a support agent or admin</h2>
        {invited && (
          <Notice kind="success">
            <p>
              {invited.user.name} ({invited.user.email}) can now sign in as {invited.user.role.toLowerCase()}.
            </p>
            {invited.temporaryPassword && (
              <p>
                Temporary password, shown only this once — pass it on securely: <code className="secret">{invited.temporaryPassword}</code>
              </p>
            )}
          </Notice>
        )}
        <form className="form form--row" onSubmit={invite} noValidate>
          <FormError error={error} fields={['name', 'email', 'role']} />
          <InputField label="Name" name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError(error, 'name')} />
          <InputField label="Email" name="email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={fieldError(error, 'email')} />
          <SelectField label="Role" name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as 'ADMIN' | 'SUPPORT' })} error={fieldError(error, 'role')}>
            <option value="SUPPORT">Support</option>
            <option value="ADMIN">Admin</option>
          </SelectField>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Inviting…' : 'Invite'}
          </button>
        </form>
      </section>

      <div className="toolbar">
        <SelectField
          label="Show"
          name="roleFilter"
          className="field--inline"
          value={role}
          onChange={(e) => {
            setRole(e.target.value);
            setPage(1);
          }}
        >
          <option value="">All roles</option>
          <option value="ADMIN">Admins</option>
          <option value="SUPPORT">Support</option>
          <option value="SUPPLIER">Suppliers</option>
          <option value="RETAILER">Retailers</option>
        </SelectField>
      </div>
      <FormError error={list.error} />
      {!(list.data && list.data.users.length === 0) && (
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="table">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {(list.data?.users ?? []).map((u) => (
                <tr key={u.id}>
                  <td data-label="Name">{u.name}</td>
                  <td data-label="Email">{u.email}</td>
                  <td data-label="Role">{u.role.toLowerCase()}</td>
                  <td data-label="Status">
                    <StatusBadge status={u.status} />
                  </td>
                  <td data-label="Created">{dateTime(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.users.length === 0 && <EmptyState title="No users with this role." />}
      {list.data && list.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </Page>
  );
}
