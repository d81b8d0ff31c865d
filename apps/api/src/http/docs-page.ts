/** A self-contained HTML reference rendered from the OpenAPI document (no external scripts or fonts). */
export function renderDocs(doc: Record<string, unknown>): string {
  const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const paths = doc.paths as Record<string, Record<string, { summary?: string; description?: string; tags?: string[]; parameters?: { name: string; in: string; schema?: unknown }[]; requestBody?: { content: Record<string, { schema?: unknown }> }; responses: Record<string, { description: string }> }>>;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, o] of Object.entries(methods)) {
      const tag = o.tags?.[0] ?? 'Other';
      const params = (o.parameters ?? []).map((p) => `<code>${esc(p.name)}</code> <small>(${esc(p.in)})</small>`).join(', ');
      const body = o.requestBody ? Object.entries(o.requestBody.content).map(([type, c]) => `<details><summary>Body: ${esc(type)}</summary><pre>${esc(JSON.stringify(c.schema, null, 2))}</pre></details>`).join('') : '';
      const responses = Object.entries(o.responses).map(([s, r]) => `<li><b>${esc(s)}</b> ${esc(r.description)}</li>`).join('');
      const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
      (byTag.get(tag) ?? byTag.set(tag, []).get(tag)!).push(
        `<section class="op" id="${esc(id)}"><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3><p>${esc(o.description ?? o.summary)}</p>${params ? `<p>Parameters: ${params}</p>` : ''}${body}<ul>${responses}</ul></section>`,
      );
    }
  }
  const nav = [...byTag.keys()].map((t) => `<a href="#tag-${esc(t.replace(/\W+/g, '-'))}">${esc(t)}</a>`).join('');
  const sections = [...byTag.entries()].map(([t, ops]) => `<h2 id="tag-${esc(t.replace(/\W+/g, '-'))}">${esc(t)}</h2>${ops.join('')}`).join('');
  const info = doc.info as { title: string; version: string; description: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(info.title)} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#1f2937}nav{position:sticky;top:0;height:100vh;overflow:auto;min-width:200px;padding:1rem;background:#f3f4f6}nav a{display:block;color:#1d4ed8;text-decoration:none;padding:.2rem 0}main{padding:1rem 2rem;max-width:960px}.op{border:1px solid #e5e7eb;border-radius:8px;padding:.5rem 1rem;margin:.75rem 0}.m{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;font-size:.8em;padding:.1em .4em}.get{background:#2563eb}.post{background:#059669}.put{background:#d97706}.patch{background:#7c3aed}.delete{background:#dc2626}pre{background:#f9fafb;padding:.5rem;overflow:auto;font-size:12px}@media(max-width:700px){body{display:block}nav{position:static;height:auto}}</style></head>
<body><nav aria-label="Sections"><strong>${esc(info.title)}</strong><br><small>v${esc(info.version)} · <a href="/api/openapi.json">openapi.json</a></small>${nav}</nav><main><h1>${esc(info.title)}</h1><p>${esc(info.description)}</p>${sections}</main></body></html>`;
}
