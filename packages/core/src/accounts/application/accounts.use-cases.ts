import { conflict, unauthorized, validationError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { uuidv7 } from '../../shared/ids';
import type { Clock } from '../../ports/clock.port';
import type { UnitOfWork } from '../../ports/unit-of-work.port';
import type { Repositories } from '../../ports/repositories.port';
import type { PasswordHasher, TokenService } from '../../ports/security.port';
import type { Retailer } from '../../onboarding/supplier.entity';
import { isCredentialUsable, SESSION_TTL_MS } from '../credentials';
import type { Role } from '../role';
import { normalizeEmail, type Principal, type User } from '../user.entity';
import { checkPassword } from './password-policy';

export interface AccountsDeps {
  readonly repos: Repositories;
  readonly uow: UnitOfWork;
  readonly hasher: PasswordHasher;
  readonly tokens: TokenService;
  readonly clock: Clock;
}

export interface Session {
  readonly user: User;
  readonly token: string;
  readonly retailer?: Retailer;
}

/** Account registration, sign-in, token authentication and staff provisioning. */
export class AccountsService {
  constructor(private readonly d: AccountsDeps) {}

  /** Self-service sign-up of a RETAILER (creates its tenant) or SUPPLIER (tenant comes with the application). */
  async register(input: { email: string; password: string; role: 'RETAILER' | 'SUPPLIER'; name: string }): Promise<Result<Session, DomainError>> {
    const email = normalizeEmail(input.email);
    const problems = checkPassword(input.password, email);
    if (problems.length) return err(validationError('ACCOUNTS.WEAK_PASSWORD', 'The password does not meet the policy.', problems));
    const passwordHash = await this.d.hasher.hash(input.password);
    const now = this.d.clock.now();
    const user: User = {
      id: uuidv7(),
      email,
      name: input.name.trim(),
      role: input.role,
      status: 'ACTIVE',
      passwordHash,
      supplierId: null,
      retailerId: null,
      createdAt: now,
      lastLoginAt: now,
    };
    try {
      return ok(
        await this.d.uow.run(async (repos) => {
          const created = await repos.users.create(user);
          let retailer: Retailer | undefined;
          if (input.role === 'RETAILER') {
            retailer = await repos.retailers.create({ id: uuidv7(), ownerUserId: user.id, name: user.name, plan: 'BASIC', createdAt: now });
            await repos.users.setTenant(user.id, { retailerId: retailer.id });
          }
          const token = await this.issueSession(repos, created.id);
          const saved = { ...created, retailerId: retailer?.id ?? null };
          return retailer ? { user: saved, token, retailer } : { user: saved, token };
        }),
      );
    } catch (e) {
      if (e instanceof Error && (e as DomainError).code === 'ACCOUNTS.EMAIL_TAKEN') {
        return err(conflict('ACCOUNTS.EMAIL_TAKEN', 'An account with this email already exists.'));
      }
      throw e;
    }
  }

  /** Password sign-in. Unknown email and wrong password are indistinguishable (same error, same work). */
  async login(input: { email: string; password: string }): Promise<Result<Session, DomainError>> {
    const user = await this.d.repos.users.findByEmail(normalizeEmail(input.email));
    const valid = await this.d.hasher.verify(input.password, user?.passwordHash ?? (await this.dummyHash()));
    if (!user || !valid) return err(unauthorized('Email or password is wrong.', 'AUTH.INVALID_CREDENTIALS'));
    if (user.status !== 'ACTIVE') return err(unauthorized('This account is disabled.', 'AUTH.ACCOUNT_DISABLED'));
    const now = this.d.clock.now();
    await this.d.repos.users.touchLogin(user.id, now);
    const token = await this.issueSession(this.d.repos, user.id);
    return ok({ user, token });
  }

  /** Resolves a bearer secret (session token or API key) to the caller, or null. */
  async authenticate(secret: string): Promise<Principal | null> {
    const cred = await this.d.repos.credentials.findByHash(this.d.tokens.hash(secret));
    const now = this.d.clock.now();
    if (!cred || !isCredentialUsable(cred, now)) return null;
    const user = await this.d.repos.users.findById(cred.userId);
    if (!user || user.status !== 'ACTIVE') return null;
    if (cred.kind === 'api-key' && (!cred.lastUsedAt || now.getTime() - cred.lastUsedAt.getTime() > 60_000)) {
      await this.d.repos.credentials.touch(cred.id, now);
    }
    const base = { userId: user.id, role: user.role, supplierId: user.supplierId, retailerId: user.retailerId };
    return cred.kind === 'api-key' ? { ...base, via: 'api-key', apiKeyId: cred.id } : { ...base, via: 'session' };
  }

  /** Ends a session (logout). */
  async logout(principal: Principal, secret: string): Promise<void> {
    const cred = await this.d.repos.credentials.findByHash(this.d.tokens.hash(secret));
    if (cred && cred.userId === principal.userId) await this.d.repos.credentials.revoke(principal.userId, cred.id, this.d.clock.now());
  }

  /** Creates an API key; the secret is returned once and only its hash is stored. */
  async createApiKey(principal: Principal, name: string | null): Promise<{ id: string; apiKey: string; prefix: string }> {
    const { secret, prefix } = this.d.tokens.generate('api-key');
    const id = uuidv7();
    await this.d.repos.credentials.create({
      id,
      userId: principal.userId,
      kind: 'api-key',
      prefix,
      tokenHash: this.d.tokens.hash(secret),
      name,
      createdAt: this.d.clock.now(),
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
    return { id, apiKey: secret, prefix };
  }

  /** Revokes one of the caller's API keys; false when it is not theirs. */
  revokeApiKey(principal: Principal, id: string): Promise<boolean> {
    return this.d.repos.credentials.revoke(principal.userId, id, this.d.clock.now());
  }

  /** Creates the first admin from configuration when no user has that email yet. Idempotent, also across processes. */
  async ensureAdmin(email: string, password: string, name = 'Platform admin'): Promise<{ created: boolean }> {
    const existing = await this.d.repos.users.findByEmail(normalizeEmail(email));
    if (existing) return { created: false };
    const created = await this.createStaffUser({ email, password, name, role: 'ADMIN' });
    // Another process (api and worker starting together) created it first: that is success.
    if (!created.ok && created.error.code === 'ACCOUNTS.EMAIL_TAKEN') return { created: false };
    if (!created.ok) throw new Error(`Cannot create the first admin ${email}: ${created.error.message} ${created.error.errors.map((e) => e.message).join('; ')}`);
    return { created: true };
  }

  /** Admin-only provisioning of ADMIN / SUPPORT users. */
  async createStaffUser(input: { email: string; password: string; name: string; role: Extract<Role, 'ADMIN' | 'SUPPORT'> }): Promise<Result<User, DomainError>> {
    const email = normalizeEmail(input.email);
    const problems = checkPassword(input.password, email);
    if (problems.length) return err(validationError('ACCOUNTS.WEAK_PASSWORD', 'The password does not meet the policy.', problems));
    const now = this.d.clock.now();
    try {
      const user = await this.d.repos.users.create({
        id: uuidv7(),
        email,
        name: input.name.trim(),
        role: input.role,
        status: 'ACTIVE',
        passwordHash: await this.d.hasher.hash(input.password),
        supplierId: null,
        retailerId: null,
        createdAt: now,
        lastLoginAt: null,
      });
      return ok(user);
    } catch (e) {
      if ((e as DomainError).code === 'ACCOUNTS.EMAIL_TAKEN') return err(conflict('ACCOUNTS.EMAIL_TAKEN', 'An account with this email already exists.'));
      throw e;
    }
  }

  private dummy: Promise<string> | undefined;
  /** A real hash to verify against for unknown emails, so both paths cost the same. */
  private dummyHash(): Promise<string> {
    this.dummy ??= this.d.hasher.hash('not-a-real-password-0000');
    return this.dummy;
  }

  private async issueSession(repos: Repositories, userId: string): Promise<string> {
    const { secret, prefix } = this.d.tokens.generate('session');
    const now = this.d.clock.now();
    await repos.credentials.create({
      id: uuidv7(),
      userId,
      kind: 'session',
      prefix,
      tokenHash: this.d.tokens.hash(secret),
      name: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      revokedAt: null,
      lastUsedAt: null,
    });
    return secret;
  }
}
