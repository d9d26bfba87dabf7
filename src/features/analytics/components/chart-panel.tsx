import { Alert, Box, Button, Group, Paper, Skeleton, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDeferredValue, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { PanelBoundary } from './panel-boundary';
import classes from './analytics.module.css';

type ChartPanelProps = {
  title: string;
  /** What the chart shows, for its accessible name ("Revenue by day, Oct 27 – Nov 25, 2026"). */
  summary: string;
  query: { isPending: boolean; error: Error | null; refetch: () => unknown; data?: unknown };
  /** Nothing to draw (a range without sales). */
  empty?: boolean;
  /** The chart; drawn only with data. */
  chart: ReactNode;
  /**
   * The same figures as a table: visible on request, and always there for screen readers.
   * `links`: shown, so its rows may link to their records (a hidden table holds no tab stops).
   */
  renderTable: (links: boolean) => ReactNode;
  /** Said under the title when a bar or point opens its records ("Click a bar…"). */
  hint?: string;
  controls?: ReactNode;
  height?: number;
  /**
   * Drawn in the same frame as its data arrives (when on screen). Without it, a chart is drawn in a background render
   * right after (React yields to the browser meanwhile): a screen of several charts shows its first one without waiting
   * for the rest.
   */
  drawFirst?: boolean;
};

/**
 * A chart with its own title, loading and error states, error boundary and a table of
 * the same figures ("Show as table"). The drawing is an image to assistive technology,
 * named by `summary`; the table beside it carries the numbers.
 */
export function ChartPanel(props: ChartPanelProps) {
  return (
    <Paper withBorder p="md" className={classes.panel}>
      <PanelBoundary name={props.title}>
        <ChartPanelBody {...props} />
      </PanelBoundary>
    </Paper>
  );
}

/** How far below (or above) the screen a chart is drawn ahead of being scrolled to. */
const DRAW_AHEAD_PX = 200;

/**
 * Whether the element is on screen or within DRAW_AHEAD_PX of it; once true, it stays true. Where it is on mounting
 * is read before the first paint, so a chart on screen draws with its data rather than a frame later. Without
 * IntersectionObserver (jsdom), always true.
 */
function useNearScreen(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useLayoutEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const box = element.getBoundingClientRect();
    if (box.top < innerHeight + DRAW_AHEAD_PX && box.bottom > -DRAW_AHEAD_PX) return setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: `${DRAW_AHEAD_PX}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}

/**
 * The figures' table for assistive technology, beside the chart: mounted by a background render right after the one
 * that drew the chart (React yields to the browser meanwhile), so its rows (a cell per figure) do not hold the chart back.
 */
function HiddenTable({ children }: { children: ReactNode }) {
  const mounted = useDeferredValue(true, false);
  return mounted ? <VisuallyHidden>{children}</VisuallyHidden> : null;
}

function ChartPanelBody({ title, summary, query, empty, chart, renderTable, controls, hint, height = 260, drawFirst }: ChartPanelProps) {
  const [asTable, setAsTable] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // A chart off screen (a phone's dashboard shows one at a time) is drawn as it comes near; the others in a background
  // render after the first, so neither holds the page. Its table is there for assistive technology all along.
  const near = useNearScreen(titleRef);
  const deferred = useDeferredValue(near, false);
  const drawn = drawFirst ? near : deferred;
  const titleId = useId();
  let body: ReactNode;
  if (query.error && !query.data) {
    body = (
      <Alert color="red" title={`${title} could not be loaded`} role="alert">
        <Text size="sm">{query.error.message}</Text>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else if (query.isPending) {
    body = (
      <Box component="output" display="block" aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`}>
        <Skeleton height={height} />
      </Box>
    );
  } else if (empty) {
    body = (
      <Text c="dimmed" ta="center" py="xl">
        No sales in this range.
      </Text>
    );
  } else if (asTable) {
    body = (
      // Focusable, so a keyboard can scroll a long or wide table.
      <Box component="section" tabIndex={0} aria-label={`${title}, as a table`} className={classes.tableScroll}>
        {renderTable(true)}
      </Box>
    );
  } else {
    body = (
      <>
        {/* One image to assistive technology: its SVG parts (ticks, bars) would read as noise; the table carries the figures. */}
        {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- an <img> cannot hold the SVG chart */}
        <div role="img" aria-label={summary} style={{ height }} className={hint ? classes.clickable : undefined}>
          {drawn ? chart : <Skeleton height={height} />}
        </div>
        <HiddenTable>{renderTable(false)}</HiddenTable>
      </>
    );
  }
  return (
    <section aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm" gap="xs" wrap="wrap">
        <Title order={2} size="h4" id={titleId} ref={titleRef}>
          {title}
        </Title>
        <Group gap="sm">
          {controls}
          <Switch size="sm" label="Show as table" checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} />
        </Group>
      </Group>
      {hint && !asTable && !empty && !query.isPending && (
        <Text size="xs" c="dimmed" mt={-6} mb={6}>
          {hint}
        </Text>
      )}
      {body}
    </section>
  );
}
