import { Alert, Anchor, Button, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Supplier } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import { supplierQueries } from '../api/replenishment-queries';
import { formatCount } from './labels';
import { SupplierDialog } from './supplier-dialog';

/**
 * The suppliers, by name: a shop has tens, not thousands, and the API lists them whole. Their lead
 * times feed every suggested reorder point of what they supply.
 */
export function SuppliersPage() {
  const suppliers = useQuery(supplierQueries.list());
  const mayEdit = useCan('stock.edit');
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const items = [...(suppliers.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-US'));

  return (
    <>
      <PageHeader
        title="Suppliers"
        description="Who supplies the shop, how long they take to deliver, and the smallest order they take"
        actions={mayEdit && <Button onClick={() => setEditing('new')}>New supplier</Button>}
      />
      {suppliers.error ? (
        <Alert color="red" title="The suppliers could not be loaded" role="alert">
          {suppliers.error.message}
          <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void suppliers.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <HorizontalScroller label="Suppliers" minWidth={720} shadeStart={false}>
          <Table aria-label="Suppliers" className={stacked.table} striped verticalSpacing="xs" aria-busy={suppliers.isPending || undefined}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>Lead time</Table.Th>
                <Table.Th>Minimum order</Table.Th>
                <Table.Th>Variants</Table.Th>
                {mayEdit && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {suppliers.isPending &&
                Array.from({ length: 4 }, (_, i) => (
                  <Table.Tr key={i} aria-hidden>
                    <Table.Td colSpan={mayEdit ? 8 : 7}>
                      <Skeleton height={20} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {!suppliers.isPending && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={mayEdit ? 8 : 7}>
                    <Text c="dimmed" ta="center" py="xl">
                      No suppliers yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td className={stacked.lead} fw={500}>
                    {s.name}
                  </Table.Td>
                  <Table.Td data-label="Contact">{s.contactName}</Table.Td>
                  <Table.Td data-label="Email">{s.email && <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>}</Table.Td>
                  <Table.Td data-label="Phone">{s.phone}</Table.Td>
                  <Table.Td data-label="Lead time">
                    {formatCount(s.leadTimeDays)} {s.leadTimeDays === 1 ? 'day' : 'days'}
                  </Table.Td>
                  <Table.Td data-label="Minimum order">{s.minimumOrder ? formatCents(s.minimumOrder) : 'None'}</Table.Td>
                  <Table.Td data-label="Variants">{formatCount(s.variantCount)}</Table.Td>
                  {mayEdit && (
                    <Table.Td data-label="Actions">
                      <Button size="xs" variant="default" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroller>
      )}
      {editing && (
        <SupplierDialog
          key={editing === 'new' ? 'new' : editing.id}
          supplier={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
