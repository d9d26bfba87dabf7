/**
 * The demo shop's suppliers, and who supplies each seeded variant: one
 * supplier per category, their SKU made from ours. The mock and the server's
 * seed both read it, so the two backends start with the same suppliers.
 * Variants made later have no supplier until someone chooses one.
 */
import type { CategoryId } from '../contract/constants';
import type { Supplier } from '../contract/replenishment-schemas';

export type SeededSupplier = Omit<Supplier, 'variantCount'>;

const supplier = (
  id: string,
  name: string,
  contactName: string,
  email: string,
  phone: string,
  leadTimeDays: number,
  minimumOrder: number,
): SeededSupplier => ({ id, name, contactName, email, phone, leadTimeDays, minimumOrder, currency: 'USD', version: 1 });

export const SEEDED_SUPPLIERS: readonly SeededSupplier[] = [
  supplier('sup_soundwave', 'Soundwave Acoustics', 'Mei Lin', 'orders@soundwave-acoustics.example', '+1 408 555 0142', 21, 250_000),
  supplier('sup_pulsefit', 'PulseFit Devices', 'Daniel Ortiz', 'purchasing@pulsefit.example', '+1 512 555 0177', 18, 150_000),
  supplier('sup_ampere', 'Ampere Power Co.', 'Priya Raman', 'sales@ampere-power.example', '+1 669 555 0110', 14, 100_000),
  supplier('sup_braidline', 'Braidline Cables', 'Tom Becker', 'orders@braidline.example', '+1 973 555 0193', 7, 50_000),
  supplier('sup_shellguard', 'Shellguard Cases', 'Ana Souza', 'wholesale@shellguard.example', '+1 214 555 0128', 10, 40_000),
  supplier('sup_nestlink', 'Nestlink Home', 'Chris Walker', 'b2b@nestlink.example', '+1 206 555 0166', 25, 200_000),
];

const BY_CATEGORY: Record<CategoryId, string> = {
  audio: 'sup_soundwave',
  wearables: 'sup_pulsefit',
  power: 'sup_ampere',
  'cables-chargers': 'sup_braidline',
  'cases-protection': 'sup_shellguard',
  'smart-home': 'sup_nestlink',
};

/** Who supplies the seeded variants of this category. */
export function seededSupplierId(categoryId: string): string | null {
  return BY_CATEGORY[categoryId as CategoryId] ?? null;
}

/** Who supplies a seeded variant of this category, and their SKU for it. */
export function seededSupply(categoryId: string, sku: string): { supplierId: string | null; supplierSku: string } {
  const supplierId = seededSupplierId(categoryId);
  if (!supplierId) return { supplierId: null, supplierSku: '' };
  return { supplierId, supplierSku: `${supplierId.slice(4, 7).toUpperCase()}-${sku}` };
}
