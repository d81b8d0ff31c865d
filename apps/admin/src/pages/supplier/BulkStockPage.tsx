import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Page } from '../../components/Layout';
import { FormError, Notice, TextareaField, fieldError, useTitle } from '../../components/ui';

/** Parses "SKU, quantity" lines (comma, semicolon, tab or spaces); returns the items or the first bad line. */
export function parseStockLines(text: string): { items: { sku: string; quantity: number }[]; problem?: string } {
  const items: { sku: string; quantity: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = /^(\S+?)[\s,;]+(\d+)$/.exec(line);
    if (!m) return { items, problem: `Line ${i + 1} (“${line.slice(0, 40)}”) is not “SKU, quantity” with a whole number.` };
    items.push({ sku: m[1]!, quantity: Number(m[2]) });
  }
  if (items.length === 0) return { items, problem: 'Enter at least one line.' };
  return { items };
}

export function BulkStockPage() {
  useTitle('Update stock');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<{ updated: number; unknownSkus: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    setError(undefined);
    const parsed = parseStockLines(text);
    setProblem(parsed.problem);
    if (parsed.problem) return;
    setBusy(true);
    try {
      setResult(await api.bulkInventory(parsed.items));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Update stock">
      <form className="card form" onSubmit={submit} noValidate>
        <FormError error={error} fields={['items']} />
        {result && (
          <Notice kind={result.unknownSkus.length ? 'warning' : 'success'}>
            <p>
              Updated {result.updated} product{result.updated === 1 ? '' : 's'}.
            </p>
            {result.unknownSkus.length > 0 && <p>Not in your catalog: {result.unknownSkus.join(', ')}</p>}
          </Notice>
        )}
        <TextareaField
          label="Stock by SKU"
          name="items"
          rows={10}
          className="mono"
          placeholder={'MUG-001, 120\nMUG-002, 0'}
          hint="One product per line: the SKU, then the quantity on hand (up to 5,000 lines)."
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={problem ?? fieldError(error, 'items')}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Updating…' : 'Update stock'}
        </button>
      </form>
    </Page>
  );
}
