import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { homeFor, useAuth } from '../../auth';
import { Page } from '../../components/Layout';
import { FormError, InputField, fieldError, useTitle } from '../../components/ui';

function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  useTitle('Sign in');
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await api.login({ email, password });
      await signIn(session);
      navigate(safeNext(params.get('next')) ?? homeFor(session.user.role), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Sign in" narrow>
      <form className="card form" onSubmit={submit} noValidate>
        <FormError error={error} fields={['email', 'password']} />
        <InputField label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} />
        <InputField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(error, 'password')} />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          No account yet? <Link to="/register">Create one</Link>.
        </p>
      </form>
    </Page>
  );
}

export function RegisterPage() {
  useTitle('Create an account');
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [role, setRole] = useState<'RETAILER' | 'SUPPLIER'>(params.get('role') === 'SUPPLIER' ? 'SUPPLIER' : 'RETAILER');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await api.register({ email, password, role, name });
      await signIn(session);
      navigate(role === 'SUPPLIER' ? '/supplier/application' : '/catalog', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Create an account" narrow>
      <form className="card form" onSubmit={submit} noValidate>
        <FormError error={error} fields={['email', 'password', 'name', 'role']} />
        <fieldset className="choice">
          <legend>I am a…</legend>
          <label className="choice__option">
            <input type="radio" name="role" value="RETAILER" checked={role === 'RETAILER'} onChange={() => setRole('RETAILER')} />
            <span>
              <strong>Retailer</strong> — I sell online and want products to list
            </span>
          </label>
          <label className="choice__option">
            <input type="radio" name="role" value="SUPPLIER" checked={role === 'SUPPLIER'} onChange={() => setRole('SUPPLIER')} />
            <span>
              <strong>Supplier</strong> — I make or distribute products and ship orders
            </span>
          </label>
        </fieldset>
        <InputField label="Your name" name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, 'name')} />
        <InputField label="Email" type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} />
        <InputField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(error, 'password')}
          hint="10 to 128 characters; a few unrelated words work well."
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
        <p className="muted">
          Already registered? <Link to="/login">Sign in</Link>.
        </p>
      </form>
    </Page>
  );
}
