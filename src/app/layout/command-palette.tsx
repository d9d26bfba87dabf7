import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { CustomerSummary } from '@/contract/customer-schemas';
import type { OrderSummary } from '@/contract/order-schemas';
import type { ProductSummary } from '@/contract/schemas';
import { formatCents } from '@/contract/values/money';
import { orderIdOf, orderNumberIn } from '@/domain/order-rules';
import { useCan, useCurrentUser } from '@/components/current-user';
import { can } from '@/contract/permissions';
import { ORDER_STATUS_LABELS, FULFILMENT_STATUS_LABELS } from '@/lib/status-labels';
import { customerQueries } from '@/features/customers/api/customer-queries';
import { orderQueries } from '@/features/orders/api/order-queries';
import { productQueries } from '@/features/products/api/product-queries';
import { PALETTE_ITEMS } from './nav-items';
import { palette, paletteStore } from './palette-store';

/** A few of each kind: the palette jumps to a record, the lists are where one browses. */
const LIMIT = 5;
const count = new Intl.NumberFormat('en-US');

/** One record the palette offers: what it is called, a second line that tells it apart, and where it opens. */
type Found = { key: string; label: string; description: string; open: () => void };

const orderLine = (o: OrderSummary) =>
  `${o.customerName} · ${formatCents(o.total)} · ${ORDER_STATUS_LABELS[o.status]}, ${FULFILMENT_STATUS_LABELS[o.fulfilmentStatus].toLowerCase()}`;
const customerLine = (c: CustomerSummary) => `${c.email} · ${count.format(c.orders)} ${c.orders === 1 ? 'order' : 'orders'}`;
const productLine = (p: ProductSummary) =>
  p.variantCount === 1
    ? `${p.skus[0] ?? ''} · ${formatCents(p.priceMin)}`
    : `${count.format(p.variantCount)} variants · ${p.priceMin === p.priceMax ? formatCents(p.priceMin) : `${formatCents(p.priceMin)}–${formatCents(p.priceMax)}`}`;

/**
 * Ctrl/Cmd+K: jump to a screen, or find an order by its number (#1042 or 1042), a customer by name, email or
 * phone, and a product by title, SKU or barcode; each asked of the API as the person pauses typing.
 */
export function CommandPalette({ openOnMount }: { openOnMount?: boolean }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const mayViewOrders = useCan('orders.view');
  const mayViewProducts = useCan('products.view');
  const number = orderNumberIn(debounced);
  const searching = debounced.length >= 2;
  const orders = useQuery({
    ...orderQueries.list({ q: debounced, limit: LIMIT, offset: 0 }),
    enabled: number !== null && mayViewOrders,
    placeholderData: keepPreviousData,
  });
  const customers = useQuery({
    ...customerQueries.list({ q: debounced, limit: LIMIT, offset: 0, sort: '-lastOrderAt' }),
    enabled: searching && mayViewOrders,
    placeholderData: keepPreviousData,
  });
  const products = useQuery({
    ...productQueries.list({ q: debounced, limit: LIMIT, offset: 0, sort: 'title' }),
    enabled: searching && mayViewProducts,
    placeholderData: keepPreviousData,
  });

  // Mounted by the shortcut or the search button that asked for it: open straight away.
  useEffect(() => {
    if (openOnMount) palette.open();
  }, [openOnMount]);

  // A disabled query keeps its last answer as a placeholder: only what was asked for the current text is shown.
  const groups: { label: string; items: Found[] }[] = [
    {
      label: 'Orders',
      items: (number !== null && mayViewOrders && !orders.isPlaceholderData ? (orders.data?.items ?? []) : []).map((o) => ({
        key: o.id,
        label: `Order #${o.number}`,
        description: orderLine(o),
        open: () => void navigate({ to: '/orders/$orderId', params: { orderId: o.id } }),
      })),
    },
    {
      label: 'Customers',
      items: (searching && mayViewOrders && !customers.isPlaceholderData ? (customers.data?.items ?? []) : []).map((c) => ({
        key: c.id,
        label: c.name,
        description: customerLine(c),
        open: () => void navigate({ to: '/customers/$customerId', params: { customerId: c.id } }),
      })),
    },
    {
      label: 'Products',
      items: (searching && mayViewProducts && !products.isPlaceholderData ? (products.data?.items ?? []) : []).map((p) => ({
        key: p.id,
        label: p.title,
        description: productLine(p),
        open: () => void navigate({ to: '/products/$productId', params: { productId: p.id } }),
      })),
    },
  ];
  const found = groups.flatMap((g) => g.items);
  // Only the screens this person may use, as the navigation shows them.
  const role = useCurrentUser()?.role;
  const screens = PALETTE_ITEMS.filter(
    (item) => (item.permission === null || can(role, item.permission)) && item.label.toLowerCase().includes(query.trim().toLowerCase()),
  );
  const pending = searching && [orders, customers, products].some((q) => q.isFetching);
  const { selected } = useSpotlight(paletteStore);
  // Enter pressed on the search box while the search had not caught up with the typing: the first result opens once
  // the answers are for the text as typed.
  const enterWaiting = useRef(false);
  const list = useRef<HTMLDivElement | null>(null);
  const caughtUp = debounced === query.trim() && !pending;
  const first = caughtUp ? found[0] : undefined;
  const openFirst = (result: Found) => {
    enterWaiting.current = false;
    palette.close();
    result.open();
  };
  useEffect(() => {
    if (!enterWaiting.current || !caughtUp) return;
    if (first) openFirst(first);
    else enterWaiting.current = false;
  });

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={(next) => {
        setQuery(next);
        // Typing on after Enter asks for something else: the Enter is spent.
        enterWaiting.current = false;
      }}
      shortcut={['mod + K']}
      scrollable
      maxHeight={480}
      // The title names the dialog for assistive technology; its header row is not drawn.
      title="Search and jump to"
      styles={{ header: { display: 'none' } }}
    >
      <Spotlight.Search
        placeholder="Order number, customer, product, or a screen"
        aria-label="Search"
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || screens.length > 0) return;
          // An action marked as chosen (the first as the text changed, or one the arrows moved to) opens by Spotlight's own
          // Enter, while it is still on screen: results drawn since are new elements, without the mark, and Enter then
          // opened nothing.
          if (selected >= 0 && list.current?.querySelector('[data-selected]')) return;
          // An order number typed and Enter: that order, without waiting for the search (its id is its number's).
          const typed = orderNumberIn(query);
          if (typed !== null && mayViewOrders) {
            palette.close();
            void navigate({ to: '/orders/$orderId', params: { orderId: orderIdOf(typed) } });
            return;
          }
          // Otherwise the first result for what is typed now, as soon as the search has caught up with the typing
          // (results for a keystroke ago may be on screen meanwhile; Enter never opens one of those).
          if (first) openFirst(first);
          else enterWaiting.current = true;
        }}
      />
      <Spotlight.ActionsList
        // The list scrolls once there are more screens and results than fit; arrows move through it from the search box,
        // and its scrolling region takes focus too, so it can be scrolled from the keyboard like any other (axe: scrollable-region-focusable).
        ref={(node: HTMLDivElement | null) => {
          list.current = node;
          node?.querySelector('[data-scrollarea-viewport]')?.setAttribute('tabindex', '0');
        }}
      >
        {screens.length > 0 && (
          <Spotlight.ActionsGroup label="Go to">
            {screens.map((item) => (
              <Spotlight.Action key={item.to} label={item.label} onClick={() => void navigate({ to: item.to })} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {groups.map(
          (group) =>
            group.items.length > 0 && (
              <Spotlight.ActionsGroup key={group.label} label={group.label}>
                {group.items.map((item) => (
                  <Spotlight.Action key={item.key} label={item.label} description={item.description} onClick={item.open} />
                ))}
              </Spotlight.ActionsGroup>
            ),
        )}
        {screens.length === 0 && found.length === 0 && <Spotlight.Empty>{pending ? 'Searching…' : 'Nothing found'}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
