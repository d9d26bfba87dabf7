/**
 * The dashboard and reports screens as one lazily loaded chunk, with the charting
 * code (recharts, @mantine/charts) they alone use: the shell never loads it. Only
 * the router imports this module.
 */
export { DashboardPage } from './dashboard-page';
export { ReportsPage } from './reports-page';
export { SummaryPage } from './summary-page';
export { ProfitPage } from './profit-page';
export { SellThroughPage } from './sell-through-page';
export { RefundsPage, SaleLinesPage } from './drill-pages';
