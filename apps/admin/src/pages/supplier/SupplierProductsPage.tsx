import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, messageOf } from '../../api/client';
import { money } from '../../api/format';
import type { Product } from '../../api/types';
import { Page } from '../../components/Layout';
import { EmptyState, FormError, InputField, Pager, SelectField, StatusBadge, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const PAGE_SIZE = 50;

export function SupplierProductsPage() {
  useTitle('My products');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  const list = useAsync((signal) => api.listOwnProducts({ q: q || undefined, status: status || undefined, page, pageSize: PAGE_SIZE }, signal), [q, status, page]);

  function set(k: string, v: string) {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  }

  return (
    <Page
      title="My products"
      actions={
        <>
          <Link className="button" to="/supplier/products/new">
            Add a product
          </Link>
          <Link className="button button--secondary" to="/supplier/import">
            Import a file
          </Link>
        </>
      }
    >
      <form
        className="toolbar card"
        role="search"
        aria-label="Search my products"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          set('q', draft.trim());
        }}
      >
        <InputField label="Search" type="search" name="q" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <SelectField label="Status" name="status" value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="">Any</option>
          <option value="ACTIVE">Active</option>
          <option value="OUT_OF_STOCK">Out of stock</option>
          <option value="DISCONTINUED">Discontinued</option>
        </SelectField>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <p className="results__count" aria-live="polite">
        {list.loading && !list.data ? 'Loading…' : list.data ? `${list.data.total} product${list.data.total === 1 ? '' : 's'}` : ''}
      </p>
      <FormError error={list.error} />
      {!(list.data && list.data.products.length === 0) && (
        <div className={`table-wrap${list.loading && list.data ? ' is-stale' : ''}`} aria-busy={list.loading}>
          <table className="table">
            <caption className="visually-hidden">My products</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Title</th>
                <th scope="col" className="num">
                  Wholesale
                </th>
                <th scope="col" className="num">
                  Stores see
                </th>
                <th scope="col">Status</th>
                <th scope="col">On hand</th>
              </tr>
            </thead>
            <tbody>
              {!list.data && list.loading
                ? Array.from({ length: 6 }, (_, i) => (
                    <tr key={i} aria-hidden="true">
                      <td colSpan={6}>
                        <span className="skeleton skeleton--line" />
                      </td>
                    </tr>
                  ))
                : (list.data?.products ?? []).map((p) => <ProductRow key={p.id} product={p} onChange={(np) => list.data && list.setData({ ...list.data, products: list.data.products.map((x) => (x.id === np.id ? np : x)) })} />)}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.products.length === 0 && (
        <EmptyState title={q || status ? 'No products match.' : 'Your catalog is empty.'}>
          {!q && !status && (
            <p>
              <Link to="/supplier/products/new">Add a product</Link> or <Link to="/supplier/import">import a CSV or Excel file</Link>.
            </p>
          )}
        </EmptyState>
      )}
      {list.data && list.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => set('page', String(p))} />}
    </Page>
  );
}

/** One row with its own stock form (PUT /api/supplier/products/:id/inventory). */
function ProductRow({ product, onChange }: { product: Product; onChange: (p: Product) => void }) {
  const [qty, setQty] = useState(String(product.inventoryQuantity));
  const [state, setState] = useState<{ busy?: boolean; error?: string; saved?: boolean }>({});
  async function save(e: FormEvent) {
    e.preventDefault();
    setState({ busy: true });
    try {
      const r = await api.setInventory(product.id, Number(qty));
      onChange(r.product);
      setQty(String(r.product.inventoryQuantity));
      setState({ saved: true });
    } catch (err) {
      setState({ error: messageOf(err) });
    }
  }
  return (
    <tr>
      <td data-label="SKU">
        <code>{product.sku}</code>
      </td>
      <td data-label="Title">
        <Link to={`/supplier/products/${product.id}`}>{product.title}</Link>
      </td>
      <td data-label="Wholesale" className="num">
        {money(product.wholesalePrice, product.currency)}
      </td>
      <td data-label="Stores see" className="num">
        {product.bufferedQuantity ?? '—'}
      </td>
      <td data-label="Status">
        <StatusBadge status={product.status} />
      </td>
      <td data-label="On hand">
        <form className="inline-form" onSubmit={save} noValidate>
          <label className="visually-hidden" htmlFor={`qty-${product.id}`}>
            Stock on hand for {product.sku}
          </label>
          <input id={`qty-${product.id}`} type="number" min={0} step={1} value={qty} onChange={(e) => setQty(e.target.value)} aria-invalid={state.error ? true : undefined} aria-describedby={state.error ? `qty-${product.id}-error` : undefined} />
          <button className="button button--small" type="submit" disabled={state.busy}>
            {state.saved ? 'Saved' : 'Set'}
          </button>
          {state.error && (
            <span className="field__error" id={`qty-${product.id}-error`} role="alert">
              {state.error}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}
