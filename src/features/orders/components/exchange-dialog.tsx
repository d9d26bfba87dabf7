import { Alert, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueries } from '@tanstack/react-query';
import { Controller, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import type { ExchangeInput, Order, Return } from '@/contract/order-schemas';
import { canRefund } from '@/contract/permissions';
import type { Product } from '@/contract/schemas';
import { formatCents } from '@/contract/values/money';
import { useCurrentUser } from '@/components/current-user';
import { useExchangeReturn } from '../api/order-mutations';
import { orderQueries } from '../api/order-queries';
import { LineName, OrderActionModal, useOrderForm, useOrderSubmit } from './order-action-dialog';
import { formatUnits } from './order-labels';
import { lineOf, quoteExchange, quoteReturn, type ExchangeQuote, type ExchangeVariant } from './return-money';
import { SupportLimitHint } from './support-limit-hint';
import classes from './orders.module.css';
import stacked from '@/components/stacked-table/stacked-table.module.css';

type ExchangeForm = { lines: { lineId: string; variantId: string }[] };

const schema = z.object({
  lines: z.array(z.object({ lineId: z.string(), variantId: z.string().min(1, 'Choose the variant to send') })),
});

type Props = { order: Order; ret: Return; label: string; onClose: () => void };

/**
 * Exchanges a received return for another variant of the same product (another colour, or the same one again
 * for a faulty unit): a new order ships it, paid by a credit of what the returned units were paid. The dialog
 * shows each variant's price and what it means: no money moving, the difference refunded, or owed.
 */
export function ExchangeDialog({ order, ret, label, onClose }: Props) {
  const role = useCurrentUser()?.role;
  const quote = quoteReturn(order, ret);
  const productIds = [...new Set(ret.lines.flatMap((r) => lineOf(order, r.lineId)?.productId ?? []))];
  const products = useQueries({ queries: productIds.map((id) => ({ ...orderQueries.product(id), staleTime: 60_000 })) });
  const productOf = (productId: string): Product | undefined => products[productIds.indexOf(productId)]?.data;
  const { form, server } = useOrderForm<ExchangeForm>(order, () => schema, {
    lines: ret.lines.map((r) => ({ lineId: r.lineId, variantId: '' })),
  });
  const { control, handleSubmit, formState } = form;
  const chosenIds = useWatch({ control, name: 'lines' });
  const chosen = new Map<string, ExchangeVariant>();
  for (const { lineId, variantId } of chosenIds) {
    const line = lineOf(order, lineId);
    const variant = line && productOf(line.productId)?.variants.find((v) => v.id === variantId);
    if (variant) chosen.set(lineId, { id: variant.id, price: variant.price });
  }
  const exchange = quote.refused ? null : quoteExchange(order, quote, chosen);
  const overLimit = exchange !== null && exchange.refund > 0 && !canRefund(role, exchange.refund);
  const { send, conflict, formError, pending } = useOrderSubmit({ mutation: useExchangeReturn(order.id, ret.id), form, server });
  const failed = products.find((p) => p.error)?.error;

  async function submit(values: ExchangeForm) {
    const input: ExchangeInput = { version: order.version, lines: values.lines };
    const updated = await send(input, (path) => (/^lines\.\d+\.variantId$/.test(path) ? (path as Path<ExchangeForm>) : null));
    if (!updated) return;
    const placed = updated.returns.find((r) => r.id === ret.id)?.exchangeOrder;
    notifications.show({
      color: 'green',
      title: 'Exchange placed',
      message: `#${updated.number}: the replacement ships as order #${placed?.number ?? '…'}${exchange ? `; ${outcome(exchange)}` : ''}`,
    });
    onClose();
  }

  return (
    <OrderActionModal
      title={`Exchange ${label.toLowerCase()} of order #${order.number}`}
      refusedTitle="Nothing was exchanged"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={handleSubmit(submit)}
      submitLabel="Place the exchange"
      pending={pending || formState.isSubmitting}
      disabled={quote.refused !== null || overLimit}
      size="xl"
    >
      {quote.refused && (
        <Alert color="yellow" title="This return cannot be exchanged">
          {quote.refused}
        </Alert>
      )}
      {failed && (
        <Alert color="red" title="The product could not be read">
          {failed.message}
        </Alert>
      )}
      <Text size="sm">
        A new order ships the replacement from this order’s warehouse, paid by a credit of {formatCents(quote.credit)}: what the returned
        units were paid.
      </Text>
      <Table aria-label="Replacement" verticalSpacing={4} className={stacked.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Returned</Table.Th>
            <Table.Th className={classes.right}>Credit</Table.Th>
            <Table.Th>Send instead</Table.Th>
            <Table.Th className={classes.right}>Replacement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ret.lines.map((r, i) => {
            const line = lineOf(order, r.lineId);
            const product = line ? productOf(line.productId) : undefined;
            const parts = quote.lines.find((q) => q.line.id === r.lineId)?.parts;
            const priced = exchange?.lines.find((l) => l.lineId === r.lineId);
            const variant = product?.variants.find((v) => v.id === chosenIds[i]?.variantId);
            return (
              <Table.Tr key={r.lineId}>
                <Table.Td className={stacked.lead}>
                  {line ? <LineName line={line} /> : r.lineId}
                  <Text size="xs" c="dimmed">
                    {formatUnits(r.quantity)} × {line ? formatCents(line.unitPrice) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td className={classes.right} data-label="Credit">
                  {parts ? formatCents(parts.amount) : '—'}
                </Table.Td>
                <Table.Td data-label="Send instead">
                  <Controller
                    control={control}
                    name={`lines.${i}.variantId`}
                    render={({ field, fieldState }) => (
                      <Select
                        aria-label={`Variant to send instead of ${line?.sku ?? r.lineId}`}
                        placeholder={product ? 'Choose a variant' : 'Loading variants…'}
                        w={300}
                        maw="100%"
                        disabled={!product}
                        allowDeselect={false}
                        data={(product?.variants ?? []).map((v) => ({
                          value: v.id,
                          label: `${v.optionValues.join(' / ') || product?.title} · ${formatCents(v.price)}${v.id === line?.variantId ? ' (as returned)' : ''} · ${v.sku}`,
                        }))}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                        onBlur={field.onBlur}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                </Table.Td>
                <Table.Td className={classes.right} data-label="Replacement">
                  {variant && priced ? (
                    <>
                      <div>{formatCents(priced.value)}</div>
                      <div className={classes.dimmed}>
                        {formatUnits(r.quantity)} × {formatCents(variant.price)}
                        {priced.discount > 0 && ` − ${formatCents(priced.discount)}`}
                        {priced.tax > 0 && ` + ${formatCents(priced.tax)} tax`}
                      </div>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Stack gap={2} aria-live="polite" data-testid="exchange-summary">
        {exchange ? (
          <>
            <Text size="sm">
              Replacement {formatCents(exchange.value)} · credit {formatCents(exchange.credit)}
            </Text>
            <Text size="sm" fw={600}>
              {outcome(exchange)}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Choose what to send for every line to see what it costs.
          </Text>
        )}
      </Stack>
      {exchange && exchange.refund > 0 && <SupportLimitHint role={role} over={overLimit} />}
    </OrderActionModal>
  );
}

/** What the exchange does with money, in words. */
function outcome(q: ExchangeQuote): string {
  if (q.refund > 0) return `${formatCents(q.refund)} is refunded to the customer`;
  if (q.balanceDue > 0) return `${formatCents(q.balanceDue)} is owed by the customer (due on the new order)`;
  return 'No money moves';
}
