import { ApiError } from '@/api/api-error';
import { purchaseOrderSchema, type PurchaseOrder } from '@/contract/replenishment-schemas';

export type PoFailure = {
  /** On a 409: the purchase order as the server has it now (`problem.current`). */
  fresh: PurchaseOrder | null;
  /** A 422's messages by field path ("lines.0.quantity", "overReason"). */
  fieldErrors: Record<string, string>;
  /** What the API said (a 409's detail names the version seen, the version now and the last change). */
  message: string;
};

/** Reads a refused purchase-order write; anything but an ApiError (a bug) is thrown on. */
export function readPoFailure(error: unknown): PoFailure {
  if (!(error instanceof ApiError)) throw error;
  const parsed = error.isConflict ? purchaseOrderSchema.safeParse(error.problem.current) : null;
  return { fresh: parsed?.success ? parsed.data : null, fieldErrors: error.fieldErrors, message: error.message };
}
