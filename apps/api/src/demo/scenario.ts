import { customersActivity } from './activities/customers.activity';
import { forecastsActivity } from './activities/forecasts.activity';
import { incentivesActivity } from './activities/incentives.activity';
import { leadsActivity } from './activities/leads.activity';
import { peopleActivity } from './activities/people.activity';
import type { DemoActivity } from './demo-context';

/**
 * The activities of the demo company, started in this order at the first simulated instant. Deals and
 * contracts are not listed: converted leads start them. A new kind of activity (incentive plans, period
 * closes, forecast calls) is one more module here (see the README, "Adding an activity").
 */
export const DEMO_ACTIVITIES: readonly DemoActivity[] = [
  customersActivity,
  leadsActivity,
  peopleActivity,
  incentivesActivity,
  forecastsActivity,
];
