import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Grid, Group, Paper, SimpleGrid, Switch, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { newIdempotencyKey } from '@/api/client';
import type { PriceSelection } from '@/contract/pricing-schemas';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { formatPermille } from '@/contract/values/money';
import { request } from '@/api/client';
import { pricePreviewSchema } from '@/contract/pricing-schemas';
import { formatMoment } from '@/lib/date-format';
import { useCreatePriceBatch } from '../api/pricing-mutations';
import { pricingQueries } from '../api/pricing-queries';
import { formToBatch, formToChange, PRICE_FORM_DEFAULTS, priceFormSchema, searchToSelection, type PriceFormValues } from '../schemas';
import { toPage } from '../search';
import { PriceChangeForm } from './price-change-form';
import { previewColumns, previewCsvColumns } from './preview-columns';
import { PagedTable } from './paged-table';
import { PricingNav } from './pricing-nav';
import { SelectionFilters } from './selection-filters';
import classes from './pricing.module.css';

/** The form on the left; its submit button stands by the preview on the right. */
const FORM_ID = 'bulk-price-change';

const route = getRouteApi('/pricing');

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className={classes.stat}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}

const margin = (m: number | null) => (m === null ? '—' : formatPermille(m));

export function BulkPricePage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const selection = useMemo(() => searchToSelection(search), [search]);
  const form = useForm<PriceFormValues>({ resolver: zodResolver(priceFormSchema), defaultValues: PRICE_FORM_DEFAULTS, mode: 'onChange' });
  const values = useWatch({ control: form.control }) as PriceFormValues;
  const change = formToChange({ ...PRICE_FORM_DEFAULTS, ...values });
  // Typing "2" then "25" should not ask for the preview of a 2 % change first.
  const [debounced] = useDebouncedValue(change, 250);
  const page = toPage(search);
  const preview = useQuery({
    ...pricingQueries.preview({ selection, change: debounced ?? PLACEHOLDER_CHANGE, ...page, flaggedOnly: search.flagged }),
    enabled: debounced !== null,
  });
  const [confirming, setConfirming] = useState(false);
  const create = useCreatePriceBatch();
  // One key per intent: a retry after a failure sends the same key, a changed form a new one.
  const intent = useRef<{ body: string; key: string } | null>(null);

  const totals = preview.data?.totals;
  const batch = formToBatch({ ...PRICE_FORM_DEFAULTS, ...values }, selection);
  const scheduled = batch?.startsAt != null;

  const submit = form.handleSubmit(() => setConfirming(true));
  const apply = () => {
    if (!batch) return;
    const body = JSON.stringify(batch);
    if (intent.current?.body !== body) intent.current = { body, key: newIdempotencyKey() };
    create.mutate(
      { input: batch, idempotencyKey: intent.current.key },
      {
        onSuccess: (made) => {
          intent.current = null;
          notifications.show({
            color: 'green',
            title: made.status === 'scheduled' ? 'Price change scheduled' : 'Prices changed',
            message:
              made.status === 'scheduled'
                ? `${made.variantCount} variants from ${formatMoment(made.startsAt)}`
                : `${made.variantCount} variants now have their new prices`,
          });
          void navigate({ to: '/pricing/batches/$batchId', params: { batchId: made.id }, search: {} });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 422 && error.problem.errors) {
            for (const [path, message] of Object.entries(error.problem.errors)) {
              const field = SERVER_FIELDS[path];
              if (field) form.setError(field, { type: 'server', message });
            }
          }
          notifications.show({ color: 'red', title: 'Nothing was changed', message: error.message });
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Pricing" description="Change many prices at once: see every new price first, apply now or on a schedule" />
      <PricingNav />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md" component="form" id={FORM_ID} onSubmit={submit} noValidate aria-label="Bulk price change">
            <Title order={2} size="h4" mb="sm">
              1. Which variants
            </Title>
            <SelectionFilters
              search={search}
              onChange={(changes) => void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: true })}
            />
            <Title order={2} size="h4" mt="lg" mb="sm">
              2. The change
            </Title>
            <PriceChangeForm control={form.control} register={form.register} errors={form.formState.errors} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {/* Apply sits by the preview it applies, in view beside the totals (it submits the form on the left). */}
          <Group justify="space-between" align="center" mb="sm" wrap="wrap">
            <Title order={2} size="h4">
              3. Preview
            </Title>
            <Button type="submit" form={FORM_ID} disabled={!totals || totals.changed === 0} loading={create.isPending}>
              {scheduled ? 'Schedule' : 'Apply'}{' '}
              {totals ? `${(totals.changed - (values.skipFlagged ? totals.flagged : 0)).toLocaleString('en-US')} changes` : ''}
            </Button>
          </Group>
          {change === null ? (
            <Alert color="gray" title="Describe the change to see the new prices">
              Choose a price change or a sale action; every affected variant is listed here before anything happens.
            </Alert>
          ) : (
            <>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm" aria-live="polite">
                <Stat label="Variants selected" value={totals ? totals.variants.toLocaleString('en-US') : '…'} />
                <Stat label="Prices that change" value={totals ? totals.changed.toLocaleString('en-US') : '…'} />
                <Stat label="Flagged" value={totals ? totals.flagged.toLocaleString('en-US') : '…'} />
                <Stat label="Average margin" value={totals ? `${margin(totals.marginBefore)} → ${margin(totals.marginAfter)}` : '…'} />
              </SimpleGrid>
              {totals && totals.flagged > 0 && (
                <Alert color={values.skipFlagged ? 'yellow' : 'red'} mb="sm" title={`${totals.flagged} variants break a price rule`}>
                  {values.skipFlagged
                    ? 'They will be left as they are.'
                    : 'As it stands the change would be refused as a whole. Adjust it, or tick “Leave flagged variants out”.'}
                </Alert>
              )}
              <PagedTable
                label="Preview"
                columns={previewColumns}
                query={preview}
                getRowId={(r) => r.variantId}
                view={{ page: search.page, pageSize: search.pageSize, sort: 'title' }}
                onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, page: view.page, pageSize: view.pageSize }) })}
                emptyText="No variants match this selection."
                actions={
                  <>
                    <Switch
                      label="Flagged only"
                      checked={search.flagged}
                      onChange={(e) => void navigate({ search: (prev) => ({ ...prev, flagged: e.currentTarget.checked, page: 1 }) })}
                    />
                    {debounced && <PreviewExport selection={selection} change={debounced} />}
                  </>
                }
              />
            </>
          )}
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={confirming}
        title={scheduled ? 'Schedule this price change?' : 'Change these prices now?'}
        confirmLabel={scheduled ? 'Schedule' : 'Apply'}
        color="blue"
        onConfirm={apply}
        onCancel={() => setConfirming(false)}
      >
        {totals && `${totals.changed - (values.skipFlagged ? totals.flagged : 0)} variants change`}
        {batch?.startsAt ? `, from ${formatMoment(batch.startsAt)}` : ', now'}
        {batch?.endsAt ? ` until ${formatMoment(batch.endsAt)}` : ''}. All of them change or none does; you can revert the batch later.
      </ConfirmDialog>
    </>
  );
}

/** The API's field paths as the form names them. */
const SERVER_FIELDS: Record<string, keyof PriceFormValues> = {
  label: 'label',
  'change.value': 'amount',
  'change.op': 'op',
  'change.minMarginBp': 'floor',
  startsAt: 'startDate',
  endsAt: 'endDate',
};

/** Never sent: the preview query is disabled until the form describes a change. */
const PLACEHOLDER_CHANGE = { op: 'keep', unit: 'amount', value: 0, ending: 'none', compareAt: 'end-sale', minMarginBp: null } as const;

function PreviewExport({ selection, change }: { selection: PriceSelection; change: NonNullable<ReturnType<typeof formToChange>> }) {
  return (
    <ExportCsvButton
      filename="price-preview.csv"
      columns={previewCsvColumns}
      fetchPage={(offset, limit) =>
        request('POST', '/pricing/preview', { schema: pricePreviewSchema, body: { selection, change, offset, limit } })
      }
    />
  );
}
