import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, messageOf } from '../../api/client';
import { money, titleCase } from '../../api/format';
import { Page } from '../../components/Layout';
import { ProductCard, ProductCardSkeleton } from '../../components/ProductCard';
import { EmptyState, InputField, Pager, SelectField, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const PAGE_SIZE = 24;

export function SupplierDirectoryPage() {
  useTitle('Suppliers');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const businessType = params.get('businessType') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  const { data, error, loading } = useAsync((signal) => api.listSuppliers({ q: q || undefined, businessType: businessType || undefined, page, pageSize: PAGE_SIZE }, signal), [q, businessType, page]);

  function set(k: string, v: string) {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  }

  return (
    <Page title="Suppliers">
      <form
        className="toolbar card"
        role="search"
        aria-label="Search suppliers"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          set('q', draft.trim());
        }}
      >
        <InputField label="Search suppliers" type="search" name="q" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <SelectField label="Business type" name="businessType" value={businessType} onChange={(e) => set('businessType', e.target.value)}>
          <option value="">All</option>
          <option value="MANUFACTURER">Manufacturers</option>
          <option value="DISTRIBUTOR">Distributors</option>
          <option value="WHOLESALER">Wholesalers</option>
        </SelectField>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <p className="results__count" aria-live="polite">
        {loading && !data ? 'Loading suppliers…' : data ? `${data.total} supplier${data.total === 1 ? '' : 's'}` : ''}
      </p>
      {error !== undefined && <EmptyState title="The directory could not be loaded.">{messageOf(error)}</EmptyState>}
      <ul className={`supplier-grid${loading && data ? ' is-stale' : ''}`} aria-busy={loading}>
        {loading && !data
          ? Array.from({ length: 6 }, (_, i) => (
              <li key={i} className="card supplier-card" aria-hidden="true">
                <span className="skeleton skeleton--line" />
                <span className="skeleton skeleton--line skeleton--short" />
                <span className="skeleton skeleton--line" />
              </li>
            ))
          : (data?.suppliers ?? []).map((s) => (
              <li key={s.id} className="card supplier-card">
                <h2 className="supplier-card__name">
                  <Link to={`/suppliers/${s.slug}`}>{s.companyName}</Link>
                </h2>
                <p className="muted">
                  {titleCase(s.businessType)}
                  {s.country ? ` · ${s.country}` : ''}
                  {typeof s.productCount === 'number' ? ` · ${s.productCount} products` : ''}
                </p>
                <p className="supplier-card__description">{s.description ?? ''}</p>
              </li>
            ))}
      </ul>
      {data && data.suppliers.length === 0 && <EmptyState title="No suppliers match." />}
      {data && data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(p) => set('page', String(p))} />}
    </Page>
  );
}

export function SupplierProfilePage() {
  const { slug = '' } = useParams();
  const [page, setPage] = useState(1);
  const supplier = useAsync(() => api.getSupplier(slug), [slug]);
  const s = supplier.data?.supplier;
  const products = useAsync(() => (s ? api.listSupplierProducts(s.id, { page, pageSize: PAGE_SIZE }) : Promise.resolve(undefined)), [s?.id, page]);
  useTitle(s?.companyName ?? 'Supplier');

  if (supplier.error) {
    return (
      <div className="page">
        <EmptyState title={supplier.error instanceof ApiError && supplier.error.status === 404 ? 'This supplier is not listed.' : 'The supplier could not be loaded.'}>
          <p>
            <Link to="/suppliers">All suppliers</Link>
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/suppliers">Suppliers</Link>
      </p>
      <div className="page__head">
        <h1>{s?.companyName ?? <span className="skeleton skeleton--line" />}</h1>
        {s && (
          <Link className="button button--secondary" to={`/catalog?supplierId=${s.id}`}>
            Search this catalog
          </Link>
        )}
      </div>
      <div className="supplier-profile card">
        <p>{s?.description || (s ? 'No description yet.' : '\u00a0')}</p>
        <dl className="facts">
          <div>
            <dt>Business type</dt>
            <dd>{s ? titleCase(s.businessType) : '…'}</dd>
          </div>
          <div>
            <dt>Ships within</dt>
            <dd>{s?.fulfillmentSpeed ?? '—'}</dd>
          </div>
          <div>
            <dt>Minimum order</dt>
            <dd>{s ? money(s.minOrderValue ?? '0', s.currency ?? 'USD') : '…'}</dd>
          </div>
          <div>
            <dt>Carriers</dt>
            <dd>{s?.shippingMethods?.length ? s.shippingMethods.map((m) => `${m.carrier} ${m.service} (${m.days} d)`).join(', ') : '—'}</dd>
          </div>
          {s?.website && (
            <div>
              <dt>Website</dt>
              <dd>
                <a href={s.website} rel="noopener noreferrer nofollow" target="_blank">
                  {s.website.replace(/^https?:\/\//, '')}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </div>
      <h2>Products {products.data ? <span className="muted">({products.data.total})</span> : null}</h2>
      <ul className="product-grid" aria-busy={products.loading}>
        {!products.data ? Array.from({ length: 8 }, (_, i) => <ProductCardSkeleton key={i} />) : products.data.products.map((p) => <ProductCard key={p.id} product={{ ...p, supplierName: p.supplierName ?? s?.companyName }} />)}
      </ul>
      {products.data && products.data.products.length === 0 && <EmptyState title="No products listed yet." />}
      {products.data && products.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={products.data.total} onPage={setPage} />}
    </div>
  );
}
