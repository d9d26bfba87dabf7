import { VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { targetName, type DrillTarget } from '../drill';
import classes from './analytics.module.css';

/** A figure that opens the records behind it; a screen reader hears where it goes. */
export function FigureLink({ target, children }: { target: DrillTarget; children: ReactNode }) {
  return (
    <Link className={classes.link} {...target}>
      {children}
      <VisuallyHidden>: open {targetName(target)}</VisuallyHidden>
    </Link>
  );
}
