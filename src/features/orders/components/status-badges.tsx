import { Badge, Group } from '@mantine/core';
import type { FulfilmentStatus, OrderStatus, PaymentStatus } from '@/contract/constants';
import { FULFILMENT_STATUS_COLORS, ORDER_STATUS_COLORS, PAYMENT_STATUS_COLORS } from './order-labels';
import { FULFILMENT_STATUS_LABELS, ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS } from '@/lib/status-labels';

/** A dot badge: the text says the status, the dot's colour only repeats it. */
function StatusBadge({ color, label, kind }: { color: string; label: string; kind: string }) {
  return (
    <Badge variant="dot" color={color} tt="none" fw={500} title={`${kind}: ${label}`}>
      {label}
    </Badge>
  );
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <StatusBadge kind="Status" color={ORDER_STATUS_COLORS[status]} label={ORDER_STATUS_LABELS[status]} />;
}

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return <StatusBadge kind="Payment" color={PAYMENT_STATUS_COLORS[status]} label={PAYMENT_STATUS_LABELS[status]} />;
}

export function FulfilmentStatusBadge({ status }: { status: FulfilmentStatus }) {
  return <StatusBadge kind="Fulfilment" color={FULFILMENT_STATUS_COLORS[status]} label={FULFILMENT_STATUS_LABELS[status]} />;
}

export function OrderBadges({
  status,
  paymentStatus,
  fulfilmentStatus,
}: {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfilmentStatus: FulfilmentStatus;
}) {
  return (
    <Group gap={6}>
      <OrderStatusBadge status={status} />
      <PaymentStatusBadge status={paymentStatus} />
      <FulfilmentStatusBadge status={fulfilmentStatus} />
    </Group>
  );
}
