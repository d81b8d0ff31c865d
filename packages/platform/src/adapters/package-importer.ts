import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Imports a module by specifier; adapter loading goes through this so tests and tools can swap it. */
export type Importer = (specifier: string) => Promise<unknown>;

/** The entry file of an installed package (`exports["."]` import/default condition, else `main`, else index.js). */
function entryOf(pkgDir: string): string {
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { exports?: unknown; main?: string };
  const pick = (e: unknown): string | undefined => {
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object') {
      const o = e as Record<string, unknown>;
      return pick(o['.'] ?? o.import ?? o.default ?? o.node);
    }
    return undefined;
  };
  return path.join(pkgDir, pick(pkg.exports) ?? pkg.main ?? 'index.js');
}

/**
 * Resolves adapter packages the way an operator installs them: first as the platform itself would
 * (workspace and its node_modules), then from `<dir>/node_modules/<name>` for each extra directory
 * (`DROPSHIP_ADAPTER_DIRS`, the current directory by default) — so an adapter installed next to the
 * deployment, outside this repository, loads by name with no code change.
 */
export function packageImporter(extraDirs: readonly string[]): Importer {
  return async (specifier) => {
    try {
      return await import(specifier);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw e;
      for (const dir of extraDirs) {
        const pkgDir = path.join(dir, 'node_modules', ...specifier.split('/'));
        if (existsSync(path.join(pkgDir, 'package.json'))) return import(pathToFileURL(entryOf(pkgDir)).href);
      }
      throw e;
    }
  };
}
