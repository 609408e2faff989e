import { lazy } from 'react';

// Each view is its own chunk: the first page loads without the charts and forms of the others.
const loaders = {
  pipeline: () => import('../views/pipeline.page').then((m) => ({ default: m.PipelinePage })),
  'win-rates': () => import('../views/win-rates.page').then((m) => ({ default: m.WinRatesPage })),
  forecast: () => import('../views/forecast.page').then((m) => ({ default: m.ForecastPage })),
  incentives: () => import('../views/incentives.page').then((m) => ({ default: m.IncentivesPage })),
  deals: () => import('../views/deals.page').then((m) => ({ default: m.DealsPage })),
  deal: () => import('../views/deal.page').then((m) => ({ default: m.DealPage })),
  inbox: () => import('../views/gate-inbox.page').then((m) => ({ default: m.GateInboxPage })),
  customers: () => import('../views/customers.page').then((m) => ({ default: m.CustomersPage })),
} as const;

export const PipelinePage = lazy(loaders.pipeline);
export const WinRatesPage = lazy(loaders['win-rates']);
export const ForecastPage = lazy(loaders.forecast);
export const IncentivesPage = lazy(loaders.incentives);
export const DealsPage = lazy(loaders.deals);
export const DealPage = lazy(loaders.deal);
export const GateInboxPage = lazy(loaders.inbox);
export const CustomersPage = lazy(loaders.customers);

/**
 * Starts loading the chunk of the view at `pathname` (`/deals/opportunities/x` is the deal view) while the
 * session is checked, so the page does not wait for the two one after the other.
 */
export function preloadView(pathname: string): void {
  const [first, second] = pathname.split('/').filter(Boolean);
  const name = first === 'deals' && second !== undefined ? 'deal' : (first ?? 'pipeline');
  if (name in loaders) void loaders[name as keyof typeof loaders]();
}
