import { lateEntriesProjection, type AnyProjection } from '@ltc/projections';
import { activityProjection } from './activity/activity.projection';
import { dealIndexProjection } from './deal-index/deal-index.projection';
import { forecastProjection } from './forecasts/forecast.projection';
import { funnelProjection } from './funnel/funnel.projection';
import { gateDecisionsProjection } from './gate-decisions/gate-decisions.projection';
import { incentiveStatementsProjection } from './incentives/statements.projection';
import { winRateProjection } from './win-rate/win-rate.projection';

/**
 * Every read model the api serves and `ltc projections rebuild` rebuilds, and the late-entries index
 * the answers as of a business instant read (`@ltc/projections`).
 */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  funnelProjection,
  winRateProjection,
  activityProjection,
  gateDecisionsProjection,
  dealIndexProjection,
  forecastProjection,
  incentiveStatementsProjection,
  lateEntriesProjection,
] as readonly AnyProjection[];
