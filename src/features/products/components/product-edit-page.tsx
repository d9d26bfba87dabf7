import { Badge, Group } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { formatMoment } from '@/lib/date-format';
import { useUpdateProduct } from '../api/product-mutations';
import { productQueries } from '../api/product-queries';
import { productToInput } from '@/contract/product-input';
import { STATUS_COLORS } from './product-columns';
import { PRODUCT_STATUS_LABELS } from '@/lib/status-labels';
import { ProductForm } from './product-form';

const route = getRouteApi('/products/$productId');

export function ProductEditPage() {
  const { productId } = route.useParams();
  const { data: product } = useSuspenseQuery(productQueries.detail(productId));
  const update = useUpdateProduct(productId);
  const canEdit = useCan('products.edit');
  return (
    <>
      <AnchorLink to="/products" size="sm">
        ← Products
      </AnchorLink>
      <PageHeader
        title={
          <Group gap="sm">
            {product.title}
            <Badge color={STATUS_COLORS[product.status]} variant="dot">
              {PRODUCT_STATUS_LABELS[product.status]}
            </Badge>
          </Group>
        }
        description={`Version ${product.version} · updated ${formatMoment(product.updatedAt)}`}
      />
      {/* Keyed by id: opening another product starts a fresh form. Its data stays what it was
          opened with; a newer save by someone else surfaces as a conflict, never silently. */}
      <ProductForm
        key={product.id}
        product={product}
        initial={productToInput(product)}
        save={(input, version) => update.mutateAsync({ input, version: version ?? product.version })}
        onSaved={() => undefined}
        readOnly={!canEdit}
      />
    </>
  );
}
