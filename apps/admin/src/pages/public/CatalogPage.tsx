import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, messageOf } from '../../api/client';
import { ProductCard, ProductCardSkeleton } from '../../components/ProductCard';
import { Page } from '../../components/Layout';
import { EmptyState, FormError, InputField, Pager, SelectField, fieldError, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const PAGE_SIZE = 24;
const SORTS = [
  ['relevance', 'Best match'],
  ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'],
  ['newest', 'Newest'],
  ['title', 'Title A–Z'],
] as const;

/** The public catalog (also the retailer's): every filter lives in the URL, so results can be linked and go back/forward. */
export function CatalogPage() {
  useTitle('Catalog');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const supplierId = params.get('supplierId') ?? '';
  const minPrice = params.get('minPrice') ?? '';
  const maxPrice = params.get('maxPrice') ?? '';
  const inStock = params.get('inStock') === 'true';
  const sort = params.get('sort') ?? 'relevance';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const [draft, setDraft] = useState({ q, minPrice, maxPrice });
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => setDraft({ q, minPrice, maxPrice }), [q, minPrice, maxPrice]);

  const categories = useAsync(() => api.listCategories(), []);
  const suppliers = useAsync((signal) => api.listSuppliers({ pageSize: 200 }, signal), []);
  const results = useAsync(
    (signal) => api.searchProducts({ q, category, supplierId, minPrice, maxPrice, inStock: inStock || undefined, sort: sort === 'relevance' ? undefined : sort, page, pageSize: PAGE_SIZE }, signal),
    [q, category, supplierId, minPrice, maxPrice, inStock, sort, page],
  );

  function update(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    update({ q: draft.q.trim(), minPrice: draft.minPrice.trim(), maxPrice: draft.maxPrice.trim() });
  }

  const data = results.data;
  const showSkeleton = results.loading && !data;
  const activeCount = [category, supplierId, minPrice || maxPrice, inStock].filter(Boolean).length;
  const filtersActive = Boolean(q) || activeCount > 0;

  return (
    <Page title="Catalog">
      <div className="catalog">
        <form className={`filters card${filtersOpen ? '' : ' filters--collapsed'}`} onSubmit={submit} role="search" aria-label="Search the catalog">
          <InputField label="Search" type="search" name="q" placeholder="e.g. mug, cable, lamp" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} error={fieldError(results.error, 'q')} />
          <button type="button" className="button button--secondary button--small filters__toggle" aria-expanded={filtersOpen} aria-controls="catalog-filters" onClick={() => setFiltersOpen((o) => !o)}>
            {filtersOpen ? 'Hide filters' : `Filters${activeCount ? ` (${activeCount})` : ''}`}
          </button>
          <div className="filters__more" id="catalog-filters">
            <SelectField label="Category" name="category" value={category} onChange={(e) => update({ category: e.target.value })} error={fieldError(results.error, 'category')}>
              <option value="">All categories</option>
              {(categories.data?.categories ?? []).map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name} ({c.productCount})
                </option>
              ))}
            </SelectField>
            <SelectField label="Supplier" name="supplierId" value={supplierId} onChange={(e) => update({ supplierId: e.target.value })} error={fieldError(results.error, 'supplierId')}>
              <option value="">All suppliers</option>
              {(suppliers.data?.suppliers ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.companyName}
                </option>
              ))}
            </SelectField>
            <fieldset className="price-range">
              <legend>Wholesale price</legend>
              <InputField label="Min" name="minPrice" inputMode="decimal" placeholder="0.00" value={draft.minPrice} onChange={(e) => setDraft({ ...draft, minPrice: e.target.value })} error={fieldError(results.error, 'minPrice')} />
              <InputField label="Max" name="maxPrice" inputMode="decimal" placeholder="any" value={draft.maxPrice} onChange={(e) => setDraft({ ...draft, maxPrice: e.target.value })} error={fieldError(results.error, 'maxPrice')} />
            </fieldset>
            <label className="checkbox">
              <input type="checkbox" name="inStock" checked={inStock} onChange={(e) => update({ inStock: e.target.checked ? 'true' : undefined })} />
              In stock only
            </label>
          </div>
          <div className="filters__actions">
            <button className="button" type="submit">
              Search
            </button>
            {filtersActive && (
              <button type="button" className="button button--secondary" onClick={() => setParams(new URLSearchParams())}>
                Clear
              </button>
            )}
          </div>
        </form>

        <section className="results" aria-labelledby="results-heading" aria-busy={results.loading}>
          <div className="results__bar">
            <h2 id="results-heading" className="results__count" aria-live="polite">
              {showSkeleton ? 'Loading products…' : data ? `${data.totalIsEstimate ? 'About ' : ''}${data.total.toLocaleString('en-US')} product${data.total === 1 ? '' : 's'}` : 'Products'}
            </h2>
            <SelectField label="Sort by" name="sort" className="field--inline" value={sort} onChange={(e) => update({ sort: e.target.value === 'relevance' ? undefined : e.target.value })}>
              {SORTS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </SelectField>
          </div>
          {results.error !== undefined && !fieldError(results.error, 'minPrice') && !fieldError(results.error, 'maxPrice') && <FormError error={results.error} fields={['q', 'category', 'supplierId', 'minPrice', 'maxPrice']} />}
          {showSkeleton ? (
            <ul className="product-grid">
              {Array.from({ length: 12 }, (_, i) => (
                <ProductCardSkeleton key={i} />
              ))}
            </ul>
          ) : data && data.products.length > 0 ? (
            <>
              <ul className={`product-grid${results.loading ? ' is-stale' : ''}`}>
                {data.products.map((p) => (
                  <ProductCard key={p.id} product={p} />
                ))}
              </ul>
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} estimate={data.totalIsEstimate} onPage={(p) => update({ page: String(p) })} />
            </>
          ) : data ? (
            <EmptyState title="No products match these filters.">
              <p>Try fewer words, a wider price range, or another category.</p>
            </EmptyState>
          ) : results.error ? (
            <EmptyState title="The catalog could not be loaded.">
              <p>{messageOf(results.error)}</p>
            </EmptyState>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
