import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * A link to a purchase order's page (/purchase-orders/<id>). That screen is
 * another area's, and its route is not in the typed route table this feature
 * compiles against yet, so this is a plain anchor that the router follows
 * in the page (no reload) on a plain click; a modified click (new tab) is the
 * browser's. Swap for <Link to="/purchase-orders/$id"> once the route exists.
 */
export function PurchaseOrderLink({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  const href = `/purchase-orders/${encodeURIComponent(id)}`;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.history.push(href);
  };
  return (
    <a className={className} href={href} onClick={follow}>
      {children}
    </a>
  );
}
