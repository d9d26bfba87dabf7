import { Alert, Button, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { PriceBatch } from '@/contract/pricing-schemas';
import { AnchorLink } from '@/components/anchor-link';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { formatCents } from '@/contract/values/money';
import { formatBasisPoints } from '@/domain/price-rules';
import { formatMoment } from '@/lib/date-format';
import { useRevertPriceBatch } from '../api/pricing-mutations';
import { pricingQueries } from '../api/pricing-queries';
import { toPage } from '../search';
import { BatchStatus, batchItemColumns } from './batch-columns';
import { PagedTable } from './paged-table';
import { PricingNav } from './pricing-nav';

const route = getRouteApi('/pricing/batches/$batchId');

function describe(batch: PriceBatch): string {
  const c = batch.change;
  const amount = c.unit === 'percent' ? formatBasisPoints(c.value) : formatCents(c.value);
  const parts = [
    c.op === 'keep' ? 'Prices kept' : c.op === 'set' ? `Set to ${amount}` : `${c.op === 'raise' ? 'Raise' : 'Lower'} by ${amount}`,
  ];
  if (c.ending !== 'none') parts.push(c.ending === 'whole' ? 'rounded to whole dollars' : `ending .${c.ending}`);
  if (c.compareAt === 'start-sale') parts.push('old price as compare-at (sale)');
  if (c.compareAt === 'end-sale') parts.push('compare-at cleared');
  if (c.minMarginBp !== null) parts.push(`never under cost + ${formatBasisPoints(c.minMarginBp)} margin`);
  return parts.join(', ');
}

const STEP_LABELS = { start: 'Applied', end: 'Ended', revert: 'Reverted' } as const;

export function BatchPage() {
  const { batchId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const batch = useQuery(pricingQueries.batch(batchId));
  const items = useQuery(pricingQueries.batchItems(batchId, toPage(search)));
  const [confirming, setConfirming] = useState(false);
  const revert = useRevertPriceBatch();
  const canEdit = useCan('products.edit');

  if (batch.error) {
    return (
      <Alert color="red" title="This batch could not be loaded" role="alert">
        {batch.error.message} <AnchorLink to="/pricing/batches">All batches</AnchorLink>
      </Alert>
    );
  }
  const b = batch.data;
  const revertable = b && (b.status === 'applied' || b.status === 'scheduled');

  return (
    <>
      <PageHeader
        title={b ? b.label : 'Price batch'}
        description={b ? describe(b) : 'Loading…'}
        actions={
          canEdit &&
          revertable && (
            <Button variant="default" onClick={() => setConfirming(true)} loading={revert.isPending}>
              {b.status === 'scheduled' ? 'Cancel batch' : 'Revert batch'}
            </Button>
          )
        }
      />
      <PricingNav />
      {b && (
        <Stack gap="md" mb="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <div>
              <Text size="xs" c="dimmed">
                Status
              </Text>
              <BatchStatus status={b.status} />
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Variants
              </Text>
              <Text fw={600}>
                {b.variantCount.toLocaleString('en-US')}
                {b.skipped ? ` (${b.skipped} flagged left out)` : ''}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Starts
              </Text>
              <Text fw={600}>{formatMoment(b.startsAt)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Ends
              </Text>
              <Text fw={600}>{b.endsAt ? formatMoment(b.endsAt) : 'Never'}</Text>
            </div>
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            Made by {b.createdBy.name} on {formatMoment(b.createdAt)}
          </Text>
          {b.reports.map((r) => (
            <Paper key={`${r.step}-${r.at}`} withBorder p="sm">
              <Title order={2} size="h5">
                {STEP_LABELS[r.step]} {formatMoment(r.at)}: {r.changed} price{r.changed === 1 ? '' : 's'}{' '}
                {r.step === 'start' ? 'changed' : 'restored'}
              </Title>
              {r.conflicts.length > 0 && (
                <Alert
                  color="yellow"
                  mt="xs"
                  title={`${r.conflicts.length} variant${r.conflicts.length === 1 ? ' was' : 's were'} changed since, and kept`}
                >
                  <List size="sm">
                    {r.conflicts.map((c) => (
                      <List.Item key={c.variantId}>
                        {c.title} ({c.sku}): expected {formatCents(c.expected.price)}, now{' '}
                        {c.current ? formatCents(c.current.price) : 'removed'}.{' '}
                        <AnchorLink to="/pricing/history" search={{ sku: c.sku }} size="sm">
                          See its history
                        </AnchorLink>
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <PagedTable
        label="Batch variants"
        columns={batchItemColumns}
        query={items}
        getRowId={(i) => i.variantId}
        view={{ page: search.page, pageSize: search.pageSize, sort: 'sku' }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, page: view.page, pageSize: view.pageSize }) })}
        emptyText="This batch changes no variant."
      />
      <ConfirmDialog
        opened={confirming}
        title={b?.status === 'scheduled' ? 'Cancel this scheduled batch?' : 'Revert this batch?'}
        confirmLabel={b?.status === 'scheduled' ? 'Cancel batch' : 'Revert'}
        color="orange"
        onConfirm={() =>
          revert.mutate(
            { id: batchId },
            {
              onSuccess: (done) => {
                const report = done.reports.at(-1);
                notifications.show({
                  color: report?.conflicts.length ? 'yellow' : 'green',
                  title: 'Batch reverted',
                  message: `${report?.changed ?? 0} prices restored${report?.conflicts.length ? `; ${report.conflicts.length} changed since were kept` : ''}`,
                });
              },
              onError: (error) => notifications.show({ color: 'red', title: 'Nothing was reverted', message: error.message }),
            },
          )
        }
        onCancel={() => setConfirming(false)}
      >
        {b?.status === 'scheduled'
          ? 'The batch will not start; no price changes.'
          : 'Every variant still at this batch’s price goes back to its price before. Variants changed since keep their price and are listed.'}
      </ConfirmDialog>
    </>
  );
}
