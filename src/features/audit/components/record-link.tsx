import { Link } from '@tanstack/react-router';
import type { AuditEntry } from '@/contract/schemas';
import { recordPage } from '../audit-changes';

/** An entry's record by its name, as a link to its page where it has one (a product, an order, a batch, a variant's ledger, a discount, a customer, staff, a purchase order, the suppliers). */
export function RecordLink({ entry, className }: { entry: AuditEntry; className?: string }) {
  const target = recordPage(entry);
  const label = entry.entityLabel;
  if (!target) return <span className={className}>{label}</span>;
  switch (target.page) {
    case 'product':
      return (
        <Link className={className} to="/products/$productId" params={{ productId: target.productId }}>
          {label}
        </Link>
      );
    case 'price batch':
      return (
        <Link className={className} to="/pricing/batches/$batchId" params={{ batchId: target.batchId }}>
          {label}
        </Link>
      );
    case 'stock ledger':
      return (
        <Link className={className} to="/inventory/ledger/$variantId" params={{ variantId: target.variantId }}>
          {label}
        </Link>
      );
    case 'order':
      return (
        <Link className={className} to="/orders/$orderId" params={{ orderId: target.orderId }}>
          {label}
        </Link>
      );
    case 'discount':
      return (
        <Link className={className} to="/discounts/$discountId" params={{ discountId: target.discountId }}>
          {label}
        </Link>
      );
    case 'customer':
      return (
        <Link className={className} to="/customers/$customerId" params={{ customerId: target.customerId }}>
          {label}
        </Link>
      );
    case 'staff':
      return (
        <Link className={className} to="/settings">
          {label}
        </Link>
      );
    case 'purchase order':
      return (
        <Link className={className} to="/purchase-orders/$purchaseOrderId" params={{ purchaseOrderId: target.purchaseOrderId }}>
          {label}
        </Link>
      );
    case 'suppliers':
      return (
        <Link className={className} to="/suppliers">
          {label}
        </Link>
      );
  }
}
