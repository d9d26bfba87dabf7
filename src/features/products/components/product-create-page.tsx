import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { useCreateProduct } from '../api/product-mutations';
import { emptyProductInput } from '../product-input';
import { ProductForm } from './product-form';

export function ProductCreatePage() {
  const navigate = useNavigate();
  const create = useCreateProduct();
  const [initial] = useState(emptyProductInput);
  return (
    <>
      <PageHeader title="New product" />
      <ProductForm
        initial={initial}
        save={(input) => create.mutateAsync(input)}
        onSaved={(product) => void navigate({ to: '/products/$productId', params: { productId: product.id }, ignoreBlocker: true })}
      />
    </>
  );
}
