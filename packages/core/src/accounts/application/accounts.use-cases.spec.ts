import { createInMemoryPersistence } from '@dropship/adapter-testkit';
import { describe, expect, it } from 'vitest';
import { countingTokens, ManualClock, plainHasher } from '../../test-support';
import { AccountsService } from './accounts.use-cases';

function setup() {
  const clock = new ManualClock();
  const p = createInMemoryPersistence({ clock });
  return { clock, p, accounts: new AccountsService({ repos: p.repos, uow: p.uow, hasher: plainHasher, tokens: countingTokens, clock }) };
}

describe('accounts', () => {
  it('registers a retailer with its tenant and a session, and refuses a second account for the email', async () => {
    const { accounts, p } = setup();
    const r = await accounts.register({ email: ' Shop@Example.com ', password: 'correct horse battery', role: 'RETAILER', name: 'Shop' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.user.email).toBe('shop@example.com');
    expect(r.value.retailer?.ownerUserId).toBe(r.value.user.id);
    expect((await p.repos.users.findById(r.value.user.id))?.retailerId).toBe(r.value.retailer?.id);
    const again = await accounts.register({ email: 'shop@example.com', password: 'correct horse battery', role: 'SUPPLIER', name: 'x' });
    expect(!again.ok && again.error.code).toBe('ACCOUNTS.EMAIL_TAKEN');
  });

  it('refuses weak passwords with field errors and writes nothing', async () => {
    const { accounts, p } = setup();
    const r = await accounts.register({ email: 'a@b.test', password: 'short', role: 'SUPPLIER', name: 'A' });
    expect(!r.ok && r.error.errors[0]?.path).toBe('/password');
    expect(await p.repos.users.count()).toBe(0);
  });

  it('logs in, authenticates the session, and treats unknown email and wrong password alike', async () => {
    const { accounts } = setup();
    await accounts.register({ email: 'a@b.test', password: 'correct horse battery', role: 'SUPPLIER', name: 'A' });
    const wrong = await accounts.login({ email: 'a@b.test', password: 'wrong password!!' });
    const unknown = await accounts.login({ email: 'nobody@b.test', password: 'wrong password!!' });
    expect(!wrong.ok && !unknown.ok && [wrong.error.code, wrong.error.message]).toEqual(!unknown.ok ? [unknown.error.code, unknown.error.message] : []);
    const ok = await accounts.login({ email: 'A@B.test', password: 'correct horse battery' });
    if (!ok.ok) throw ok.error;
    const principal = await accounts.authenticate(ok.value.token);
    expect(principal).toMatchObject({ role: 'SUPPLIER', via: 'session', supplierId: null });
    await accounts.logout(principal!, ok.value.token);
    expect(await accounts.authenticate(ok.value.token)).toBeNull();
  });

  it('expires sessions after their lifetime', async () => {
    const { accounts, clock } = setup();
    const r = await accounts.register({ email: 'a@b.test', password: 'correct horse battery', role: 'RETAILER', name: 'A' });
    if (!r.ok) throw r.error;
    clock.advance(8 * 24 * 3600 * 1000);
    expect(await accounts.authenticate(r.value.token)).toBeNull();
  });

  it('creates API keys that authenticate until revoked, and only their owner can revoke them', async () => {
    const { accounts } = setup();
    const a = await accounts.register({ email: 'a@b.test', password: 'correct horse battery', role: 'RETAILER', name: 'A' });
    const b = await accounts.register({ email: 'b@b.test', password: 'correct horse battery', role: 'RETAILER', name: 'B' });
    if (!a.ok || !b.ok) throw new Error('setup');
    const pa = (await accounts.authenticate(a.value.token))!;
    const pb = (await accounts.authenticate(b.value.token))!;
    const key = await accounts.createApiKey(pa, 'sync');
    expect(await accounts.authenticate(key.apiKey)).toMatchObject({ via: 'api-key', apiKeyId: key.id, userId: pa.userId });
    expect(await accounts.revokeApiKey(pb, key.id)).toBe(false);
    expect(await accounts.revokeApiKey(pa, key.id)).toBe(true);
    expect(await accounts.authenticate(key.apiKey)).toBeNull();
  });

  it('creates the first admin once, however often start-up runs', async () => {
    const { accounts, p } = setup();
    expect(await accounts.ensureAdmin('root@x.test', 'a long admin password')).toEqual({ created: true });
    expect(await accounts.ensureAdmin('root@x.test', 'a long admin password')).toEqual({ created: false });
    expect((await p.repos.users.list({ role: 'ADMIN', page: 1, pageSize: 10 })).total).toBe(1);
    await expect(accounts.ensureAdmin('other@x.test', 'short')).rejects.toThrow(/first admin/);
  });
});
