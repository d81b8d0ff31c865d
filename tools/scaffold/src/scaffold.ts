import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A refusal the user can act on (bad name, existing package, unsupported port). */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

export const WORKSPACE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../templates');
const SUPPORTED_PORTS = ['supplier'] as const;
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface ScaffoldOptions {
  /** The port the adapter provides; only `supplier` has a template so far. */
  readonly port: string;
  /** kebab-case name: `acme-erp` → `@dropship/adapter-supplier-acme-erp` in `<dir>/supplier-acme-erp`. */
  readonly name: string;
  /** Parent directory, relative to the workspace root unless absolute (default `adapters`). */
  readonly dir?: string;
  readonly description?: string;
  /** Workspace root (default: this repository). */
  readonly root?: string;
}

export interface ScaffoldResult {
  readonly packageName: string;
  readonly packageDir: string;
  /** Paths of the created files, relative to `packageDir`. */
  readonly files: readonly string[];
}

/** Why a name cannot be used, or null when it can. */
export function nameProblem(name: string): string | null {
  if (!name) return 'a name is required (--name acme-erp)';
  if (!KEBAB.test(name)) return `"${name}" is not kebab-case: use lower-case letters, digits and single dashes, starting with a letter (e.g. acme-erp)`;
  if (name.length > 40) return `"${name}" is longer than 40 characters`;
  if (name.startsWith('supplier-') || name === 'supplier') return `"${name}": leave out the "supplier-" prefix, the scaffold adds it (--name ${name.replace(/^supplier-?/, '') || 'acme-erp'})`;
  return null;
}

const pascal = (kebab: string) => kebab.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');

/** Workspace package names, so a name already taken anywhere is refused, not only in `<dir>`. */
function workspacePackageNames(root: string): Set<string> {
  const names = new Set<string>();
  for (const group of ['packages', 'adapters', 'apps', 'tools']) {
    const base = path.join(root, group);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base)) {
      const pkg = path.join(base, entry, 'package.json');
      if (!existsSync(pkg)) continue;
      try {
        names.add((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name ?? '');
      } catch {
        // An unreadable package.json is someone else's problem, not a name clash.
      }
    }
  }
  return names;
}

function listTemplates(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry}` : entry;
    return statSync(path.join(dir, entry)).isDirectory() ? listTemplates(path.join(dir, entry), rel) : [rel];
  });
}

/** Escapes a free-text value for the kind of file it lands in. */
function escapeFor(file: string, value: string): string {
  if (file.endsWith('.json.tmpl')) return JSON.stringify(value).slice(1, -1);
  if (file.endsWith('.ts')) return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return value;
}

/** Creates a new adapter package from the port's templates; refuses bad or taken names. */
export function scaffoldAdapter(opts: ScaffoldOptions): ScaffoldResult {
  if (!(SUPPORTED_PORTS as readonly string[]).includes(opts.port)) {
    throw new ScaffoldError(`--port ${opts.port || '(missing)'} is not supported; available: ${SUPPORTED_PORTS.join(', ')}`);
  }
  const problem = nameProblem(opts.name);
  if (problem) throw new ScaffoldError(`Invalid --name: ${problem}`);
  const description = (opts.description ?? `Supplier integration for ${opts.name} over its REST API.`).trim();
  if (!description || /[\r\n]/.test(description) || description.length > 200) throw new ScaffoldError('--description must be one line of at most 200 characters');

  const root = opts.root ?? WORKSPACE_ROOT;
  const folder = `${opts.port}-${opts.name}`;
  const packageName = `@dropship/adapter-${folder}`;
  const packageDir = path.resolve(root, opts.dir ?? 'adapters', folder);
  if (existsSync(packageDir)) throw new ScaffoldError(`${path.relative(root, packageDir) || packageDir} already exists; choose another --name`);
  if (workspacePackageNames(root).has(packageName)) throw new ScaffoldError(`a workspace package named ${packageName} already exists; choose another --name`);

  const values: Record<string, string> = {
    __package__: packageName,
    __name__: opts.name,
    __Name__: pascal(opts.name),
    __NAME__: opts.name.toUpperCase().replace(/-/g, '_'),
    __description__: description,
  };
  const fill = (text: string, file: string) =>
    Object.entries(values).reduce((t, [token, value]) => t.replaceAll(token, token === '__description__' ? escapeFor(file, value) : value), text);

  const templateDir = path.join(TEMPLATES, opts.port);
  const files: string[] = [];
  for (const rel of listTemplates(templateDir)) {
    const target = fill(rel, '').replace(/\.tmpl$/, '');
    const content = fill(readFileSync(path.join(templateDir, rel), 'utf8'), rel);
    mkdirSync(path.dirname(path.join(packageDir, target)), { recursive: true });
    writeFileSync(path.join(packageDir, target), content, { flag: 'wx' });
    files.push(target);
  }
  return { packageName, packageDir, files: files.sort() };
}

/** What to do after generating, printed by the CLI. */
export function nextSteps(result: ScaffoldResult, name: string, root = WORKSPACE_ROOT): string {
  const rel = path.relative(root, result.packageDir);
  const envName = `${name.toUpperCase().replace(/-/g, '_')}_API_KEY`;
  return [
    `Created ${result.packageName} in ${rel}/:`,
    ...result.files.map((f) => `  ${f}`),
    '',
    'Next steps:',
    '  1. npm install                      (links the new workspace package)',
    `  2. npx vitest run ${rel}   (the Supplier contract suite against the local stub supplier)`,
    `  3. Map your supplier's real API: the places marked "MAP:" in ${rel}/src (see its README.md)`,
    `  4. Allow-list it: "allow": ["${result.packageName}"] in the file named by DROPSHIP_CONFIG,`,
    '     or add it to BUILT_IN_ADAPTERS (packages/platform/src/config/config.ts) if it ships with the platform;',
    '     list it as a dependency of apps/api and apps/worker.',
    `  5. Suppliers choose it in their application: integration { adapter: "supplier-${name}",`,
    `     options: { baseUrl: "https://…", apiKey: "env:${envName}" } }`,
  ].join('\n');
}
