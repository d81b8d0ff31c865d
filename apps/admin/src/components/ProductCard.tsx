import { useState } from 'react';
import { Link } from 'react-router-dom';
import { money } from '../api/format';
import type { Product } from '../api/types';

/** The picture box has a fixed aspect ratio so nothing moves when the image arrives (or fails). */
export function ProductImage({ product, large }: { product: Pick<Product, 'images' | 'title'>; large?: boolean }) {
  const [failed, setFailed] = useState(false);
  const src = product.images[0];
  return (
    <div className={`product-image${large ? ' product-image--large' : ''}`}>
      {src && !failed ? (
        <img src={src} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} />
      ) : (
        <span className="product-image__placeholder" aria-hidden="true">
          {product.title.slice(0, 1).toUpperCase()}
        </span>
      )}
    </div>
  );
}

export function StockLabel({ quantity, status }: { quantity: number; status: string }) {
  if (status === 'DISCONTINUED') return <span className="stock stock--out">Discontinued</span>;
  if (quantity <= 0 || status === 'OUT_OF_STOCK') return <span className="stock stock--out">Out of stock</span>;
  return <span className="stock stock--in">{quantity.toLocaleString('en-US')} in stock</span>;
}

export function ProductCard({ product }: { product: Product }) {
  return (
    <li className="card product-card">
      <ProductImage product={product} />
      <div className="product-card__body">
        <h3 className="product-card__title">
          <Link to={`/products/${product.id}`}>{product.title}</Link>
        </h3>
        <p className="product-card__supplier">{product.supplierName ?? 'Supplier'}</p>
        <p className="product-card__price">
          <span className="price">{money(product.wholesalePrice, product.currency)}</span>
          {product.msrp && <span className="msrp">MSRP {money(product.msrp, product.currency)}</span>}
        </p>
        <StockLabel quantity={product.inventoryQuantity} status={product.status} />
      </div>
    </li>
  );
}

export function ProductCardSkeleton() {
  return (
    <li className="card product-card product-card--skeleton" aria-hidden="true">
      <div className="product-image skeleton" />
      <div className="product-card__body">
        <span className="skeleton skeleton--line" />
        <span className="skeleton skeleton--line skeleton--short" />
        <span className="skeleton skeleton--line skeleton--short" />
        <span className="skeleton skeleton--line skeleton--short" />
      </div>
    </li>
  );
}
