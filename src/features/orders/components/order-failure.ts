import { ApiError } from '@/api/api-error';
import { orderSchema, type Order } from '@/contract/order-schemas';

export type OrderFailure = {
  /** On a 409: the order as the server has it now (`problem.current`). */
  fresh: Order | null;
  /** A 422's messages by field path ("trackingNumber", "lines.0.quantity"). */
  fieldErrors: Record<string, string>;
  /** What to say when no field carries it. */
  message: string;
};

/** Reads a failed order action; anything but an ApiError (a bug) is thrown on. */
export function readOrderFailure(error: unknown): OrderFailure {
  if (!(error instanceof ApiError)) throw error;
  const parsed = error.isConflict ? orderSchema.safeParse(error.problem.current) : null;
  return { fresh: parsed?.success ? parsed.data : null, fieldErrors: error.fieldErrors, message: error.message };
}

/**
 * The body sends only the lines with units; the API's "lines.1.quantity" then
 * names the second line sent, which is `sent[1]` of the form's lines.
 */
export function formLinePath(path: string, sentIndexes: readonly number[]): string | null {
  const match = /^lines\.(\d+)\.(\w+)$/.exec(path);
  if (!match) return null;
  const index = sentIndexes[Number(match[1])];
  return index === undefined ? null : `lines.${index}.${match[2]}`;
}
