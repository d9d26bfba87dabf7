import { Text } from '@mantine/core';
import type { Address } from '@/contract/order-schemas';
import { stateName } from '@/contract/values/us-address';

/** A US shipping address as a label prints it: name, street lines, then city, state (its name on hover) and ZIP. */
export function PostalAddress({ address: a }: { address: Address }) {
  return (
    <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
      {a.name}
      <br />
      {a.line1}
      {a.line2 && (
        <>
          <br />
          {a.line2}
        </>
      )}
      <br />
      {a.city}, <abbr title={stateName(a.state)}>{a.state}</abbr> {a.zip}
    </Text>
  );
}
