import type { CSSProperties } from 'react';
import classes from './status-dot.module.css';

/**
 * A status as text with a coloured dot that only repeats it, for a list's rows. A plain span, not a Mantine
 * badge: a page has several per row, and paging should not pay for dozens of styled components.
 */
export function StatusDot({ color, label }: { color: string; label: string }) {
  return (
    <span className={classes.status} style={{ '--dot': `var(--mantine-color-${color}-6)` } as CSSProperties}>
      {label}
    </span>
  );
}
