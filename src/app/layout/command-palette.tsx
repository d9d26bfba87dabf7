import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { productQueries } from '@/features/products/api/product-queries';
import { formatCents } from '@/contract/values/money';
import { PALETTE_ITEMS } from './nav-items';
import { palette, paletteStore } from './palette-store';

/** Ctrl/Cmd+K: jump to a screen, or find a product by title, SKU or barcode (asked of the API). */
export function CommandPalette({ openOnMount }: { openOnMount?: boolean }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const products = useQuery({
    ...productQueries.list({ q: debounced, limit: 8, offset: 0, sort: 'title' }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });

  // Mounted by the shortcut or the search button that asked for it: open straight away.
  useEffect(() => {
    if (openOnMount) palette.open();
  }, [openOnMount]);

  const screens = PALETTE_ITEMS.filter((item) => item.label.toLowerCase().includes(query.trim().toLowerCase()));
  const found = debounced.length >= 2 ? (products.data?.items ?? []) : [];
  const { selected } = useSpotlight(paletteStore);
  const openProduct = (id: string) => void navigate({ to: '/products/$productId', params: { productId: id } });

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      scrollable
      maxHeight={480}
      // The title names the dialog for assistive technology; its header row is not drawn.
      title="Search and jump to"
      styles={{ header: { display: 'none' } }}
    >
      <Spotlight.Search
        placeholder="Search products by title, SKU or barcode; or type a screen"
        aria-label="Search"
        onKeyDown={(event) => {
          // Results that arrive after typing are not selected yet; Enter then takes the first one.
          const first = screens.length === 0 ? found[0] : undefined;
          if (event.key === 'Enter' && selected < 0 && first) {
            palette.close();
            openProduct(first.id);
          }
        }}
      />
      <Spotlight.ActionsList>
        {screens.length > 0 && (
          <Spotlight.ActionsGroup label="Go to">
            {screens.map((item) => (
              <Spotlight.Action key={item.to} label={item.label} onClick={() => void navigate({ to: item.to })} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {found.length > 0 && (
          <Spotlight.ActionsGroup label="Products">
            {found.map((p) => (
              <Spotlight.Action
                key={p.id}
                label={p.title}
                description={`${p.skus.slice(0, 3).join(', ')} · ${formatCents(p.priceMin)}`}
                onClick={() => openProduct(p.id)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {screens.length === 0 && found.length === 0 && (
          <Spotlight.Empty>{debounced.length >= 2 && products.isFetching ? 'Searching…' : 'Nothing found'}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
