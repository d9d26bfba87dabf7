import { Group } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';

const LINKS = [
  { to: '/pricing', label: 'Change prices' },
  { to: '/pricing/batches', label: 'Batches' },
  { to: '/pricing/history', label: 'Price history' },
] as const;

/** The pricing screens, one link each; the current one is marked for assistive technology too. */
export function PricingNav() {
  return (
    <Group component="nav" aria-label="Pricing" gap="lg" mb="md">
      {LINKS.map((link) => (
        <AnchorLink
          key={link.to}
          to={link.to}
          activeOptions={{ exact: true, includeSearch: false }}
          activeProps={{ 'aria-current': 'page', fw: 700 }}
          size="sm"
        >
          {link.label}
        </AnchorLink>
      ))}
    </Group>
  );
}
