import { Table, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { AnchorLink } from '@/components/anchor-link';
import { productQueries } from '@/features/products/api/product-queries';

/** Each variant's stock, with the way to its levels per warehouse and its ledger (the inventory screens). */
export function ProductStockPanel({ productId }: { productId: string }) {
  const { data: product } = useSuspenseQuery(productQueries.detail(productId));
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        Units on hand over every warehouse, as of this product&apos;s last load. Adjust, transfer and count stock in Inventory.
      </Text>
      <Table aria-label="Stock by variant" maw={760} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Options</Table.Th>
            <Table.Th>On hand</Table.Th>
            <Table.Th>Inventory</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {product.variants.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.sku}</Table.Td>
              <Table.Td>{v.optionValues.join(' / ') || '—'}</Table.Td>
              <Table.Td>{v.stock.toLocaleString('en-US')}</Table.Td>
              <Table.Td>
                <AnchorLink to="/inventory" search={{ variantId: v.id }} size="sm" aria-label={`Stock of ${v.sku} by location`}>
                  By location
                </AnchorLink>
                {' · '}
                <AnchorLink
                  to="/inventory/ledger/$variantId"
                  params={{ variantId: v.id }}
                  size="sm"
                  aria-label={`Stock ledger of ${v.sku}`}
                >
                  Ledger
                </AnchorLink>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
