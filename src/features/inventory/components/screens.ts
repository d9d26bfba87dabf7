/**
 * The inventory screens as one lazily loaded chunk. They share most of their
 * code (queries, labels, columns, the attempt key), and every chunk a route can
 * load is named in the shell's preload map: one chunk instead of eight keeps
 * the shell inside its 160 KB budget. Only the router imports this module.
 */
export { InventoryPage } from './inventory-page';
export { LedgerPage } from './ledger-page';
export { ReceivePage } from './receive-page';
