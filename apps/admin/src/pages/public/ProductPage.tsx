import { Link, useParams } from 'react-router-dom';
import { api, ApiError, messageOf } from '../../api/client';
import { money, titleCase } from '../../api/format';
import { ProductImage, StockLabel } from '../../components/ProductCard';
import { EmptyState, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

export function ProductPage() {
  const { id = '' } = useParams();
  const { data, error, loading } = useAsync(() => api.getProduct(id), [id]);
  const p = data?.product;
  const categories = useAsync(() => api.listCategories(), []);
  const categoryName = categories.data?.categories.find((c) => c.slug === p?.category)?.name ?? p?.category;
  useTitle(p?.title ?? 'Product');

  if (error) {
    return (
      <div className="page">
        <EmptyState title={error instanceof ApiError && error.status === 404 ? 'This product is not in the catalog.' : 'The product could not be loaded.'}>
          <p>{error instanceof ApiError && error.status === 404 ? 'It may have been discontinued or its supplier is no longer listed.' : messageOf(error)}</p>
          <p>
            <Link to="/catalog">Back to the catalog</Link>
          </p>
        </EmptyState>
      </div>
    );
  }

  const margin = p?.msrp ? Number(p.msrp) - Number(p.wholesalePrice) : null;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/catalog">Catalog</Link>
        {p?.category && (
          <>
            {' / '}
            <Link to={`/catalog?category=${encodeURIComponent(p.category)}`}>{categoryName}</Link>
          </>
        )}
      </p>
      <article className="product" aria-busy={loading}>
        <ProductImage product={p ?? { images: [], title: ' ' }} large />
        <div className="product__info">
          <h1>{p ? p.title : <span className="skeleton skeleton--line" />}</h1>
          <p className="product__supplier">
            {p ? (
              <>
                by <Link to={`/suppliers/${p.supplierSlug ?? p.supplierId}`}>{p.supplierName ?? 'the supplier'}</Link>
              </>
            ) : (
              <span className="skeleton skeleton--line skeleton--short" />
            )}
          </p>
          <dl className="facts">
            <div>
              <dt>Wholesale price</dt>
              <dd className="price">{p ? money(p.wholesalePrice, p.currency) : '…'}</dd>
            </div>
            <div>
              <dt>MSRP</dt>
              <dd>{p ? money(p.msrp, p.currency) : '…'}</dd>
            </div>
            <div>
              <dt>Margin at MSRP</dt>
              <dd>{p ? (margin !== null ? `${money(margin.toFixed(2), p.currency)} (${Math.round((margin / Number(p.msrp)) * 100)} %)` : '—') : '…'}</dd>
            </div>
            <div>
              <dt>Available to stores</dt>
              <dd>{p ? <StockLabel quantity={p.inventoryQuantity} status={p.status} /> : '…'}</dd>
            </div>
            <div>
              <dt>SKU</dt>
              <dd>{p?.sku ?? '…'}</dd>
            </div>
            <div>
              <dt>Weight · shipping</dt>
              <dd>{p ? `${p.weight.toLocaleString('en-US')} g · ${titleCase(p.shippingClass)}` : '…'}</dd>
            </div>
          </dl>
          <p className="muted small">Stock shown is what stores see: a safety buffer of the supplier’s own figure.</p>
          {p?.description && <p className="product__description">{p.description}</p>}
        </div>
      </article>
    </div>
  );
}
