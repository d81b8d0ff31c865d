// Module boundaries of the hexagon, checked on every import:
// - packages/core imports nothing but relative files (and node's built-in globals).
// - adapters import only core, the adapter sdk and their own npm dependencies — never another
//   adapter, the platform, or an app.
// - apps never import an adapter package statically (adapters are loaded by name from config).
// - the site (apps/admin) never imports server libraries.
// Test files (*.spec.ts) may also use the testkit, test-setup and platform.
const WORKSPACE = '@dropship/';
const SERVER_LIBS = ['koa', '@koa/', 'knex', 'pg', 'amqplib', 'inversify', 'pino', 'node:', '@dropship/platform', '@dropship/adapter-'];

function areaOf(filename) {
  const f = filename.replace(/\\/g, '/');
  const m = /\/(packages|adapters|apps|tools)\/([^/]+)\//.exec(f);
  if (!m) return null;
  return { kind: m[1], name: m[2], isSpec: /\.(spec|e2e\.spec|contract\.spec)\.ts$/.test(f) };
}

function violation(area, spec) {
  const ws = spec.startsWith(WORKSPACE) ? spec.slice(WORKSPACE.length).split('/')[0] : null;
  const relative = spec.startsWith('.');
  const testOnly = ['adapter-testkit', 'test-setup', 'platform', 'demo-data'];
  if (area.kind === 'packages' && area.name === 'core') {
    if (relative) return null;
    if (area.isSpec && (spec === 'vitest' || spec === 'fast-check' || (ws && testOnly.includes(ws)))) return null;
    return `core depends on nothing: "${spec}" is not allowed in packages/core`;
  }
  if (area.kind === 'adapters' && ws) {
    if (ws === 'core' || ws === 'adapter-sdk') return null;
    if (area.isSpec && testOnly.includes(ws)) return null;
    return `adapters may import only @dropship/core and @dropship/adapter-sdk, not "${spec}"`;
  }
  if (area.kind === 'apps' && area.name === 'admin') {
    if (SERVER_LIBS.some((l) => spec === l.replace(/\/$/, '') || spec.startsWith(l))) return `the site never imports server libraries ("${spec}")`;
    return null;
  }
  if (area.kind === 'apps' && ws && ws.startsWith('adapter-') && ws !== 'adapter-sdk' && !(area.isSpec && ws === 'adapter-testkit')) {
    return `apps load adapters by name from config; never import "${spec}" statically`;
  }
  if (area.kind === 'packages' && area.name !== 'core' && ws && ws.startsWith('adapter-') && !['adapter-sdk', 'adapter-testkit'].includes(ws)) {
    if (area.isSpec) return null;
    return `shared packages never import an adapter ("${spec}")`;
  }
  return null;
}

export default {
  meta: { type: 'problem', docs: { description: 'hexagonal module boundaries' }, schema: [] },
  create(context) {
    const area = areaOf(context.filename ?? context.getFilename());
    if (!area) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const message = violation(area, source.value);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => (n.source.type === 'Literal' ? check(n, n.source) : undefined),
    };
  },
  violation,
};
