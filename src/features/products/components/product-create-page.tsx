import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { useCreateProduct } from '../api/product-mutations';
import { emptyProductInput } from '../product-input';
import { ProductForm } from './product-form';

export function ProductCreatePage() {
  const navigate = useNavigate();
  const create = useCreateProduct();
  const [initial] = useState(emptyProductInput);
  // Reached by a typed or old link: the form shows, but nothing can be created that the API would refuse.
  const canEdit = useCan('products.edit');
  return (
    <>
      <PageHeader title="New product" />
      <ProductForm
        initial={initial}
        save={(input) => create.mutateAsync(input)}
        onSaved={(product) => void navigate({ to: '/products/$productId', params: { productId: product.id }, ignoreBlocker: true })}
        readOnly={!canEdit}
      />
    </>
  );
}
