import { createContext, useContext } from 'react';

/**
 * What else an order's fulfilment, cancellation or refund changes: stock levels,
 * the ledger, products' stock. Those caches belong to other features, which this
 * one may not import; the app composes the screen and says how to refresh them.
 */
export type StockEffects = () => Promise<unknown>;

const StockEffectsContext = createContext<StockEffects>(() => Promise.resolve());

export const StockEffectsProvider = StockEffectsContext.Provider;

export function useStockEffects(): StockEffects {
  return useContext(StockEffectsContext);
}
