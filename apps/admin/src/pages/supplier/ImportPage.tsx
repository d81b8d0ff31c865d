import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, messageOf } from '../../api/client';
import type { Job } from '../../api/types';
import { Page } from '../../components/Layout';
import { Field, FormError, InputField, Notice, fieldError, useTitle } from '../../components/ui';

const MAPPABLE: { field: string; label: string; required?: boolean }[] = [
  { field: 'sku', label: 'SKU', required: true },
  { field: 'title', label: 'Title', required: true },
  { field: 'wholesalePrice', label: 'Wholesale price', required: true },
  { field: 'msrp', label: 'MSRP' },
  { field: 'description', label: 'Description' },
  { field: 'images', label: 'Images' },
  { field: 'category', label: 'Category' },
  { field: 'weight', label: 'Weight (g)' },
  { field: 'shippingClass', label: 'Shipping class' },
  { field: 'inventoryQuantity', label: 'Stock' },
  { field: 'status', label: 'Status' },
];

const POLL_MS = 300;

export function ImportPage() {
  useTitle('Import products');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [pollError, setPollError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  // Poll the job until it finishes; the bar follows `processed / total`.
  useEffect(() => {
    if (!job || job.status === 'COMPLETED' || job.status === 'FAILED') return;
    const t = setTimeout(() => {
      api.getJob(job.id).then(
        (r) => {
          setPollError(undefined);
          setJob(r.job);
        },
        (e: unknown) => {
          setPollError(messageOf(e));
          setJob({ ...job });
        },
      );
    }, POLL_MS);
    return () => clearTimeout(t);
  }, [job]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setError(new Error('Choose a CSV or XLSX file first.'));
      return;
    }
    setBusy(true);
    setError(undefined);
    setJob(null);
    try {
      const used = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      const r = await api.importProducts(file, { mapping: used });
      setJob(r.job);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const running = job !== null && (job.status === 'QUEUED' || job.status === 'RUNNING');
  const percent = job ? (job.status === 'COMPLETED' ? 100 : job.total > 0 ? Math.floor((job.processed / job.total) * 100) : 0) : 0;
  const fileError = fieldError(error, 'file') ?? (error instanceof Error && !('status' in error) ? error.message : undefined);

  return (
    <Page title="Import products">
      <p className="lead">
        Upload a CSV or Excel (.xlsx) file with one product per row and a header row. A row updates the product with the same SKU (only the columns your file has); a new SKU needs a title and a wholesale price. Rows with errors are skipped and listed below. <Link to="/supplier/products">Back to my products</Link>
      </p>
      <form className="card form" onSubmit={submit} noValidate>
        <FormError error={fileError ? undefined : error} fields={['file', ...MAPPABLE.map((m) => `mapping/${m.field}`)]} />
        <Field label="Catalog file" error={fileError} hint="CSV (comma, semicolon or tab separated) or XLSX, up to 25 MB and 100,000 rows.">
          {({ id, describedBy, invalid }) => (
            <input
              ref={fileInput}
              id={id}
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <details className="mapping">
          <summary>Column mapping (optional)</summary>
          <p className="muted">Common headers are recognised automatically (e.g. “Product Name”, “Cost”, “Stock”). If your file uses other names, type the header that holds each field.</p>
          <div className="grid-3">
            {MAPPABLE.map((m) => (
              <InputField
                key={m.field}
                label={`${m.label}${m.required ? ' *' : ''}`}
                name={`mapping-${m.field}`}
                placeholder="header in your file"
                value={mapping[m.field] ?? ''}
                onChange={(e) => setMapping({ ...mapping, [m.field]: e.target.value })}
                error={fieldError(error, `mapping/${m.field}`)}
              />
            ))}
          </div>
        </details>
        <button className="button" type="submit" disabled={busy || running}>
          {busy ? 'Uploading…' : running ? 'Importing…' : 'Start import'}
        </button>
      </form>

      <section className="card import-status" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <div className="progress" role="progressbar" aria-labelledby="progress-heading" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={job ? `${percent} %` : 'No import yet'}>
          <div className="progress__bar" style={{ width: `${percent}%` }} />
        </div>
        <p className="progress__label" aria-live="polite">
          {!job
            ? 'No import running.'
            : job.status === 'QUEUED'
              ? 'Queued…'
              : job.status === 'RUNNING'
                ? `${job.processed.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} rows · ${percent} %`
                : job.status === 'COMPLETED'
                  ? `Done · ${percent} % · ${job.total.toLocaleString('en-US')} rows: ${(job.created ?? 0).toLocaleString('en-US')} created, ${(job.updated ?? 0).toLocaleString('en-US')} updated, ${(job.failed ?? 0).toLocaleString('en-US')} failed`
                  : `Failed: ${job.message ?? 'the file could not be imported'}`}
        </p>
        {pollError && <Notice kind="warning">Could not refresh the progress ({pollError}); retrying.</Notice>}
      </section>

      {job && job.errors.length > 0 && (
        <section className="card" aria-labelledby="row-errors">
          <h2 id="row-errors">
            Rows with errors <span className="muted">({job.failed ?? job.errors.length})</span>
          </h2>
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">Rows that were not imported</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Row
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {job.errors.map((e, i) => (
                  <tr key={i}>
                    <td data-label="Row" className="num">
                      {e.row}
                    </td>
                    <td data-label="Column">{e.column ?? '—'}</td>
                    <td data-label="Problem">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(job.failed ?? 0) > job.errors.length && <p className="muted">Only the first {job.errors.length} errors are listed.</p>}
        </section>
      )}
    </Page>
  );
}
