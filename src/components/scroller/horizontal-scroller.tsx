/**
 * A wide table's frame: it scrolls sideways inside its card rather than
 * pushing the page wider, shows a shade on the side where more columns wait,
 * and can be scrolled from the keyboard (it takes focus only while it has
 * somewhere to scroll).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import classes from './horizontal-scroller.module.css';

type Edges = { left: boolean; right: boolean };

type Props = {
  label: string;
  minWidth?: number;
  /** False when the content keeps its own first column in view (a sticky column draws its own edge). */
  shadeStart?: boolean;
  children: ReactNode;
};

export function HorizontalScroller({ label, minWidth, shadeStart = true, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState<Edges>({ left: false, right: false });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const left = element.scrollLeft > 1;
      const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
      setMore((was) => (was.left === left && was.right === right ? was : { left, right }));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    // Columns shown or hidden, rows loaded, the window resized: any of them can change what overflows.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, []);

  const scrolls = more.left || more.right;
  return (
    <div
      className={classes.frame}
      data-more-left={more.left || undefined}
      data-more-right={more.right || undefined}
      data-shade-start={shadeStart || undefined}
    >
      <div
        ref={ref}
        className={classes.scroller}
        style={minWidth === undefined ? undefined : { ['--scroller-min-width' as string]: `${minWidth}px` }}
        // Scrollable content must be reachable from the keyboard; a frame with nothing to scroll is no tab stop.
        tabIndex={scrolls ? 0 : undefined}
        role={scrolls ? 'region' : undefined}
        aria-label={scrolls ? `${label}, scrolls sideways` : undefined}
      >
        {children}
      </div>
    </div>
  );
}
