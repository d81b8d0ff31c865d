import { TOKENS } from './tokens';
import type { Platform } from './compose';
import type { PasswordHasher } from '@dropship/core';
import { seedCategories, seedDemo } from '../demo/seed';

/**
 * Start-up data every deployment needs: the first admin, the category taxonomy and (demo mode)
 * the demo dataset. Idempotent, so api and worker processes may both run it.
 */
export async function ensureStartupData(platform: Platform): Promise<{ adminCreated: boolean; demo: Awaited<ReturnType<typeof seedDemo>> | null }> {
  const { config, persistence, services, logger, clock } = platform;
  const { created } = await services.accounts.ensureAdmin(config.admin.email, config.admin.password);
  if (created) logger.info({ email: config.admin.email }, 'created the first admin');
  if (await seedCategories(persistence)) logger.info('seeded the category taxonomy');
  const demo = config.demo ? await seedDemo(persistence, platform.container.get<PasswordHasher>(TOKENS.PasswordHasher), clock.now()) : null;
  if (demo?.seeded) logger.info({ suppliers: demo.suppliers, products: demo.products }, 'seeded demo data');
  return { adminCreated: created, demo };
}
