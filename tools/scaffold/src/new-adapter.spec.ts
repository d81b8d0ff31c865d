import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterContext } from '@dropship/adapter-sdk';
import { supplierOrderRequest } from '@dropship/adapter-testkit';
import { loadAdapters } from '@dropship/platform';
import type { StubSupplier as StubSupplierType } from '../templates/supplier/src/testing/stub-supplier';
import { nameProblem, ScaffoldError, scaffoldAdapter, WORKSPACE_ROOT } from './scaffold';

const run = promisify(execFile);
const root = WORKSPACE_ROOT;
// Inside the workspace (gitignored) so the generated package resolves @dropship/* like a real one.
const base = path.join(root, 'tools/scaffold/.generated', randomUUID().slice(0, 8));
const relBase = path.relative(root, base);
const name = 'test-erp';
const pkg = '@dropship/adapter-supplier-test-erp';
const pkgDir = path.join(base, 'supplier-test-erp');
const description = `Test ERP's "supplier" integration`;

// Child tools must not think they run inside this vitest worker.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS'));
type Outcome = { ok: boolean; output: string };
const settle = (p: Promise<{ stdout: string; stderr: string }>): Promise<Outcome> =>
  p.then(
    (r) => ({ ok: true, output: r.stdout + r.stderr }),
    (e: { stdout?: string; stderr?: string; message: string }) => ({ ok: false, output: `${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}` }),
  );
const npx = (args: string[]) => settle(run('npx', args, { cwd: root, env: childEnv, maxBuffer: 16 * 1024 * 1024, timeout: 80_000 }));

const context = (id: string): AdapterContext => ({
  id,
  logger: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
  clock: { now: () => new Date() },
  dataDir: base,
  allowPrivateUrls: true,
});

describe('npm run scaffold:adapter -- --port supplier', () => {
  let cli: Outcome;
  let typecheck: Promise<Outcome>;
  let contract: Promise<Outcome>;
  const results = path.join(base, 'vitest-results.json');

  beforeAll(async () => {
    mkdirSync(base, { recursive: true });
    cli = await npx(['tsx', 'tools/scaffold/src/new-adapter.ts', '--port', 'supplier', '--name', name, '--dir', relBase, '--description', description]);
    if (!cli.ok) return;
    writeFileSync(
      path.join(base, 'tsconfig.json'),
      JSON.stringify({ extends: path.relative(base, path.join(root, 'tsconfig.base.json')), compilerOptions: { noEmit: true }, include: ['supplier-test-erp/src/**/*.ts'] }),
    );
    // Both run in the background while the quicker checks below go ahead.
    typecheck = npx(['tsc', '-p', path.join(base, 'tsconfig.json'), '--noEmit']);
    contract = npx(['vitest', 'run', pkgDir, '--root', root, '--config', 'tools/scaffold/vitest.generated.config.ts', '--reporter=json', `--outputFile=${results}`]);
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled([typecheck, contract]);
    rmSync(base, { recursive: true, force: true });
    // The parent goes too when no other run is using it (rmdir refuses a non-empty directory).
    try {
      rmdirSync(path.dirname(base));
    } catch {
      // another run's output is still there
    }
  });

  it('creates the package and prints what it created and the next steps', () => {
    expect(cli.ok, cli.output).toBe(true);
    expect(cli.output).toContain(`Created ${pkg}`);
    for (const file of ['package.json', 'README.md', 'src/index.ts', 'src/test-erp-supplier.adapter.ts', 'src/test-erp.contract.spec.ts', 'src/testing/stub-supplier.ts']) {
      expect(existsSync(path.join(pkgDir, file)), file).toBe(true);
      expect(cli.output).toContain(file);
    }
    expect(cli.output).toMatch(/npm install[\s\S]*vitest run[\s\S]*DROPSHIP_CONFIG[\s\S]*BUILT_IN_ADAPTERS[\s\S]*adapter: "supplier-test-erp"/);
  });

  it('writes a package that depends on core and the sdk only, tagged layer:adapter', () => {
    const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: pkg, type: 'module', description, exports: { '.': './src/index.ts' }, nx: { tags: ['layer:adapter'] } });
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@dropship/adapter-sdk', '@dropship/core']);
    expect(manifest.devDependencies).toBeUndefined();
    const generated = readFileSync(path.join(pkgDir, 'src/index.ts'), 'utf8') + readFileSync(path.join(pkgDir, 'README.md'), 'utf8');
    expect(generated).not.toMatch(/__(package|name|Name|NAME|description)__/);
  });

  it('lints clean as an adapter (module boundaries included)', async () => {
    const eslint = new ESLint({ cwd: root });
    const files = ['index.ts', 'test-erp-supplier.adapter.ts', 'test-erp.mapping.ts', 'test-erp.options.ts', 'rest-client.ts', 'url-guard.ts', 'testing/stub-supplier.ts', 'test-erp.contract.spec.ts', 'test-erp-supplier.adapter.spec.ts'];
    for (const f of files) {
      // Linted as if it lived in adapters/, where the boundary rule applies.
      const [res] = await eslint.lintText(readFileSync(path.join(pkgDir, 'src', f), 'utf8'), { filePath: path.join(root, 'adapters/supplier-test-erp/src', f) });
      expect(res!.messages.map((m) => `${f}:${m.line} ${m.message}`)).toEqual([]);
    }
  }, 30_000);

  it('typechecks (strict, against the workspace packages)', async () => {
    const out = await typecheck;
    expect(out.ok, out.output).toBe(true);
  }, 85_000);

  it('passes the Supplier contract suite against its stub supplier', async () => {
    const out = await contract;
    type Report = { numFailedTests: number; numPassedTests: number; testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] };
    const report = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as Report) : undefined;
    const failures = (report?.testResults ?? []).flatMap((f) => [
      ...(f.message ? [`${f.name}: ${f.message}`] : []),
      ...f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${a.fullName}: ${a.failureMessages.join('\n').slice(0, 800)}`),
    ]);
    expect(out.ok, [out.output, ...failures].join('\n')).toBe(true);
    expect(report!.numFailedTests).toBe(0);
    expect(report!.numPassedTests).toBeGreaterThanOrEqual(12);
    expect(report!.testResults.map((r) => path.basename(r.name)).sort()).toEqual(['test-erp-supplier.adapter.spec.ts', 'test-erp.contract.spec.ts']);
  }, 85_000);

  it('loads through the platform loader with validated options and places an order', async () => {
    const importer = (s: string) => (s === pkg ? import(path.join(pkgDir, 'src/index.ts')) : Promise.reject(new Error(`not installed: ${s}`)));
    const use = (options: Record<string, unknown>) =>
      loadAdapters([{ id: 'test-erp', use: pkg, options }], { allow: [pkg], env: { TEST_ERP_API_KEY: 'key-123' }, importer, context });

    await expect(use({ baseUrl: 'https://erp.example.test/v1' })).rejects.toThrow(/"test-erp".*invalid options: .*apiKey is required/);
    await expect(use({ baseUrl: 'ftp://erp.example.test', apiKey: 'env:TEST_ERP_API_KEY', extra: 1 })).rejects.toThrow(/baseUrl.*extra is not an allowed field|extra is not an allowed field.*baseUrl/);

    const { StubSupplier } = (await import(path.join(pkgDir, 'src/testing/stub-supplier.ts'))) as { StubSupplier: typeof StubSupplierType };
    const stub = await new StubSupplier({ apiKey: 'key-123' }).start();
    try {
      const [loaded] = await use({ baseUrl: stub.baseUrl, apiKey: 'env:TEST_ERP_API_KEY' });
      expect(loaded!.manifest).toMatchObject({ name: pkg, apiVersion: 1, provides: ['supplier'], secretOptions: ['apiKey'], description });
      expect(loaded!.options).toEqual({ baseUrl: stub.baseUrl, apiKey: 'key-123', timeoutMs: 10_000, pollIntervalSeconds: 300 });
      const supplier = loaded!.instance.ports.supplier!;
      const req = supplierOrderRequest();
      const ack = await supplier.placeOrder(req);
      expect(ack).toEqual({ accepted: true, supplierReference: expect.stringMatching(/^SUP-/) });
      expect(await supplier.findOrder(req.reference)).toMatchObject({ status: 'PENDING' });
    } finally {
      await stub.stop();
    }
  });

  it('refuses an existing name and names that are not kebab-case', async () => {
    const again = await npx(['tsx', 'tools/scaffold/src/new-adapter.ts', '--port', 'supplier', '--name', name, '--dir', relBase]);
    expect(again.ok).toBe(false);
    expect(again.output).toContain(`${relBase}/supplier-test-erp already exists; choose another --name`);

    expect(() => scaffoldAdapter({ port: 'supplier', name: 'http', dir: relBase, root })).toThrow(/workspace package named @dropship\/adapter-supplier-http already exists/);
    for (const bad of ['AcmeErp', 'acme_erp', 'acme--erp', '-acme', '9acme', 'acme-', '']) {
      expect(() => scaffoldAdapter({ port: 'supplier', name: bad, dir: relBase, root }), bad).toThrow(ScaffoldError);
    }
    expect(nameProblem('Acme')).toMatch(/not kebab-case/);
    expect(nameProblem('supplier-acme')).toMatch(/leave out the "supplier-" prefix/);
    expect(() => scaffoldAdapter({ port: 'store', name: 'acme', dir: relBase, root })).toThrow(/--port store is not supported; available: supplier/);
    expect(existsSync(path.join(base, 'supplier-acme'))).toBe(false);
  });
});
