import { ApiError } from '@/api/api-error';
import { variantSupplySchema, type VariantSupply } from '@/contract/replenishment-schemas';

/** Who supplies the variant now, as a 409 on its supply carries it (`problem.current`), or null for any other failure. */
export function freshSupplyOf(error: unknown): VariantSupply | null {
  if (!(error instanceof ApiError) || !error.isConflict) return null;
  const parsed = variantSupplySchema.safeParse(error.problem.current);
  return parsed.success ? parsed.data : null;
}
