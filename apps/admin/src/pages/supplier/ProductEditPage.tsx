import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Product } from '../../api/types';
import { Page } from '../../components/Layout';
import { FormError, InputField, Notice, SelectField, Spinner, TextareaField, fieldError, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const FIELDS = ['sku', 'title', 'description', 'wholesalePrice', 'msrp', 'category', 'weight', 'shippingClass', 'images', 'inventoryQuantity', 'status', ...Array.from({ length: 20 }, (_, i) => `images/${i}`)];

interface FormState {
  sku: string;
  title: string;
  description: string;
  wholesalePrice: string;
  msrp: string;
  category: string;
  weight: string;
  shippingClass: string;
  images: string;
  inventoryQuantity: string;
  discontinued: boolean;
}

function fromProduct(p: Product | undefined): FormState {
  return {
    sku: p?.sku ?? '',
    title: p?.title ?? '',
    description: p?.description ?? '',
    wholesalePrice: p?.wholesalePrice ?? '',
    msrp: p?.msrp ?? '',
    category: p?.category ?? '',
    weight: p ? String(p.weight) : '0',
    shippingClass: p?.shippingClass ?? 'STANDARD',
    images: (p?.images ?? []).join('\n'),
    inventoryQuantity: p ? String(p.inventoryQuantity) : '0',
    discontinued: p?.status === 'DISCONTINUED',
  };
}

export function ProductEditPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  useTitle(editing ? 'Edit product' : 'Add a product');
  const navigate = useNavigate();
  const existing = useAsync(() => (id ? api.getOwnProduct(id) : Promise.resolve(undefined)), [id]);
  const categories = useAsync(() => api.listCategories(), []);
  const [f, setF] = useState<FormState>(fromProduct(undefined));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (existing.data) setF(fromProduct(existing.data.product));
  }, [existing.data]);

  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const body: Record<string, unknown> = {
      title: f.title,
      description: f.description,
      wholesalePrice: f.wholesalePrice.trim(),
      msrp: f.msrp.trim() === '' ? null : f.msrp.trim(),
      category: f.category || null,
      weight: f.weight === '' ? 0 : Number(f.weight),
      shippingClass: f.shippingClass,
      images: f.images.split(/\s+/).filter(Boolean),
      status: f.discontinued ? 'DISCONTINUED' : 'ACTIVE',
    };
    try {
      if (id) {
        const r = await api.updateProduct(id, { sku: f.sku, ...body });
        existing.setData(r);
        setSaved(true);
      } else {
        const r = await api.createProduct({ sku: f.sku, ...body, inventoryQuantity: f.inventoryQuantity === '' ? 0 : Number(f.inventoryQuantity) });
        navigate(`/supplier/products/${r.product.id}`, { replace: true });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (editing && !existing.data) {
    return <Page title="Edit product">{existing.error ? <FormError error={existing.error} /> : <Spinner />}</Page>;
  }

  return (
    <Page title={editing ? `Edit ${existing.data?.product.title ?? 'product'}` : 'Add a product'}>
      <p className="breadcrumb">
        <Link to="/supplier/products">My products</Link>
      </p>
      {saved && <Notice kind="success">Saved.</Notice>}
      <form className="card form" onSubmit={submit} noValidate>
        <FormError error={error} fields={FIELDS} />
        <div className="grid-2">
          <InputField label="SKU" name="sku" required value={f.sku} onChange={set('sku')} error={fieldError(error, 'sku')} hint="Letters, digits and . _ - /" />
          <InputField label="Title" name="title" required value={f.title} onChange={set('title')} error={fieldError(error, 'title')} />
          <InputField label="Wholesale price" name="wholesalePrice" inputMode="decimal" required placeholder="12.50" value={f.wholesalePrice} onChange={set('wholesalePrice')} error={fieldError(error, 'wholesalePrice')} />
          <InputField label="MSRP (optional)" name="msrp" inputMode="decimal" placeholder="24.90" value={f.msrp} onChange={set('msrp')} error={fieldError(error, 'msrp')} />
          <SelectField label="Category" name="category" value={f.category} onChange={set('category')} error={fieldError(error, 'category')}>
            <option value="">No category</option>
            {(categories.data?.categories ?? []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Shipping class" name="shippingClass" value={f.shippingClass} onChange={set('shippingClass')} error={fieldError(error, 'shippingClass')}>
            {['STANDARD', 'LIGHTWEIGHT', 'OVERSIZED', 'FRAGILE', 'HAZMAT'].map((c) => (
              <option key={c} value={c}>
                {c.charAt(0) + c.slice(1).toLowerCase()}
              </option>
            ))}
          </SelectField>
          <InputField label="Weight (grams)" name="weight" type="number" min={0} value={f.weight} onChange={set('weight')} error={fieldError(error, 'weight')} />
          {!editing && <InputField label="Starting stock" name="inventoryQuantity" type="number" min={0} value={f.inventoryQuantity} onChange={set('inventoryQuantity')} error={fieldError(error, 'inventoryQuantity')} />}
        </div>
        <TextareaField label="Description" name="description" rows={4} value={f.description} onChange={set('description')} error={fieldError(error, 'description')} />
        <TextareaField label="Image URLs" name="images" rows={3} hint="One http(s) URL per line, at most 20." value={f.images} onChange={set('images')} error={fieldError(error, 'images') ?? imageError(error)} />
        <label className="checkbox">
          <input type="checkbox" checked={f.discontinued} onChange={(e) => setF({ ...f, discontinued: e.target.checked })} /> Discontinued (hidden from the catalog)
        </label>
        {editing && <p className="muted">Stock is set from the product list or the stock page.</p>}
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Add product'}
        </button>
      </form>
    </Page>
  );
}

/** "/images/2" errors belong to the images box too. */
function imageError(error: unknown): string | undefined {
  for (let i = 0; i < 20; i++) {
    const m = fieldError(error, `images/${i}`);
    if (m) return `Image ${i + 1} ${m}`;
  }
  return undefined;
}
