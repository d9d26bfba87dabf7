import { Anchor, VisuallyHidden } from '@mantine/core';
import type { Carrier } from '@/contract/constants';
import { trackingUrl } from '@/domain/tracking';

/** "UPS 1Z…" as a link to the carrier's own tracking page, in a new tab (which a screen reader is told). */
export function TrackingLink({ carrier, number }: { carrier: Carrier; number: string }) {
  return (
    <Anchor href={trackingUrl(carrier, number)} target="_blank" rel="noopener noreferrer" inherit>
      {carrier} {number}
      <VisuallyHidden> (opens the carrier’s tracking page in a new tab)</VisuallyHidden>
    </Anchor>
  );
}
