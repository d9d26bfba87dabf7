import { Group, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, type ReactNode } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import { storeClockQuery } from '@/api/store-clock';
import { useCan } from '@/components/current-user';
import { NotAllowed } from '@/components/not-allowed';
import { PageHeader } from '@/components/page-header';
import { stateName } from '@/contract/values/us-address';
import { reportQueries } from '../api/report-queries';
import type { DrillFilters } from '../drill';
import type { RangeView } from '../search';
import { ClockError } from './clock-error';
import { DefinitionButton } from './definition';
import type { Definition } from './definitions';
import { formatRange } from './labels';
import classes from './analytics.module.css';

type ReportScreenProps = {
  title: string;
  description: string;
  /** "The refunds list", for the not-allowed message. */
  screen: string;
  /** Above the content: the reports' tabs. */
  tabs?: ReactNode;
  /** The screen, once the store's today is known (every range counts from it). */
  children: (today: string) => ReactNode;
};

/** A report screen's frame: its header, the role check, and the store's calendar every range needs. */
export function ReportScreen({ title, description, screen, tabs, children }: ReportScreenProps) {
  // A role that may not see reports is told so, and nothing is asked that the API would refuse.
  const allowed = useCan('reports.view');
  const clock = useQuery({ ...storeClockQuery(), enabled: allowed });
  return (
    <>
      <PageHeader title={title} description={description} />
      {tabs}
      {!allowed ? (
        <NotAllowed action="reports.view" screen={screen} />
      ) : clock.error ? (
        <ClockError error={clock.error} onRetry={() => void clock.refetch()} />
      ) : clock.data ? (
        children(clock.data.today)
      ) : (
        <Skeleton height={36} width={480} mb="md" />
      )}
    </>
  );
}

/** What a report's content gets: its view from the URL, the store's today, and the two ways it changes the URL. */
export type ReportViewProps<S> = {
  search: S;
  today: string;
  /** The range or a filter changed: a paged list goes back to its first page. */
  onChange: (changes: Partial<S>) => void;
  /** The table's page, page size or sort changed. */
  onView: (view: Partial<S>) => void;
};

/** A route's navigate, as far as a report uses it: it replaces the search. */
type SearchNavigate<S> = (options: { search: (prev: S) => S }) => Promise<void>;

/** A report screen whose view lives in the URL: the frame, then the content with its search and its two URL changes. */
export function ReportView<S extends object>({
  search,
  navigate,
  children,
  ...frame
}: Omit<ReportScreenProps, 'children'> & {
  search: S;
  navigate: SearchNavigate<S>;
  children: (props: ReportViewProps<S>) => ReactNode;
}) {
  const changes = useMemo(
    () => ({
      onChange: (c: Partial<S>) => void navigate({ search: (prev) => ({ ...prev, ...c, ...('page' in prev ? { page: 1 } : {}) }) }),
      onView: (view: Partial<S>) => void navigate({ search: (prev) => ({ ...prev, ...view }) }),
    }),
    [navigate],
  );
  return <ReportScreen {...frame}>{(today) => children({ search, today, ...changes })}</ReportScreen>;
}

const TABS = [
  { to: '/reports', label: 'Sales' },
  { to: '/reports/summary', label: 'Sales summary' },
  { to: '/reports/profit', label: 'Profit' },
  { to: '/reports/sell-through', label: 'Sell-through' },
] as const;

/** The reports, as links that keep the range: each is its own address, so a tab opens in a new tab too. */
export function ReportTabs({ view }: { view: RangeView }) {
  const range = { range: view.range, from: view.from, to: view.to };
  return (
    <nav aria-label="Reports">
      <ul className={classes.tabs}>
        {TABS.map((tab) => (
          <li key={tab.to}>
            {/* The router marks the link of the current address aria-current="page"; exactly, so Sales is not current under /reports/… */}
            <Link to={tab.to} search={range} className={classes.tab} activeOptions={{ exact: true, includeSearch: false }}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * What a list behind a figure holds, in words: its kind of record and the days,
 * then each filter by name; a definition beside it says which date it goes by.
 */
export function DrillDescription({
  what,
  filters,
  definition,
  totals,
}: {
  what: string;
  filters: DrillFilters;
  definition: Definition;
  /** The API's totals in words, shown above the table too: the figure that opened the list, in view at once. */
  totals?: string;
}) {
  const categories = useQuery(referenceQueries.categories());
  const product = useQuery({ ...reportQueries.product(filters.productId ?? ''), enabled: filters.productId !== undefined });
  const variant = useQuery({ ...reportQueries.variant(filters.variantId ?? ''), enabled: filters.variantId !== undefined });
  const parts: string[] = [];
  if (filters.categoryId) {
    parts.push(`Category: ${categories.data?.items.find((c) => c.id === filters.categoryId)?.name ?? filters.categoryId}`);
  }
  if (filters.state) parts.push(`State: ${stateName(filters.state) ?? filters.state}`);
  if (filters.productId) parts.push(`Product: ${product.data?.title ?? filters.productId}`);
  if (filters.variantId) {
    const v = variant.data;
    parts.push(`Variant: ${v ? `${v.sku}, ${v.title}${v.variantTitle ? ` · ${v.variantTitle}` : ''}` : filters.variantId}`);
  }
  return (
    <div className={classes.drillHead}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text size="sm">
          <strong>
            {what} {formatRange(filters.from, filters.to)}
          </strong>{' '}
          (store days, New York time){parts.length ? ` · ${parts.join(' · ')}` : ''}
        </Text>
        <DefinitionButton name="This list" definition={definition} />
      </Group>
      <Text size="sm" aria-live="polite">
        {totals ?? '\u00a0'}
      </Text>
    </div>
  );
}
