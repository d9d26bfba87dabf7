import { z } from 'zod';
import { ApiError } from '@/api/api-error';
import { inventoryLevelSchema, type InventoryLevel } from '@/contract/stock-schemas';

const conflictSchema = z.object({ levels: z.array(inventoryLevelSchema).min(1) });

/** The fresh numbers a 409 carries (`problem.current.levels`), or null for any other failure. */
export function freshLevelsOf(error: unknown): InventoryLevel[] | null {
  if (!(error instanceof ApiError) || !error.isConflict) return null;
  const parsed = conflictSchema.safeParse(error.problem.current);
  return parsed.success ? parsed.data.levels : null;
}
