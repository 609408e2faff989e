import { AppShell, Badge, Burger, Button, Group, Loader, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { Suspense } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { useSigned } from '../session/api-context';
import { LiveContext, useLiveFeed } from '../session/live-context';
import {
  CustomersPage,
  DealPage,
  DealsPage,
  ForecastPage,
  GateInboxPage,
  IncentivesPage,
  PipelinePage,
  WinRatesPage,
} from './views';

// A new top-level route also goes into CLIENT_ROUTES of apps/api/src/dashboard/dashboard.module.ts (reloads of it).
const VIEWS = [
  { path: '/pipeline', label: 'Pipeline' },
  { path: '/win-rates', label: 'Win rates' },
  { path: '/forecast', label: 'Forecast' },
  { path: '/incentives', label: 'Incentives' },
  { path: '/deals', label: 'Deals' },
  { path: '/inbox', label: 'Gate inbox' },
  { path: '/customers', label: 'Customers' },
] as const;

/** The signed-in frame: header (who, live, sign out), navigation (a drawer at phone width), the views. */
export function Shell() {
  const { api, me, signOut } = useSigned();
  const [opened, { toggle, close }] = useDisclosure();
  const [location] = useLocation();
  const live = useLiveFeed(api.headers());
  return (
    <LiveContext.Provider value={live}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Toggle navigation"
              />
              <Title order={1} size="h4">
                LTC
              </Title>
              <Tooltip label={live.connected ? 'following the read models (SSE)' : 'live feed not connected'}>
                <Badge variant="dot" color={live.connected ? 'green' : 'gray'} aria-label="live feed">
                  live
                </Badge>
              </Tooltip>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" data-testid="signed-in-as" visibleFrom="xs">
                {me.id} · {me.roles.join(', ')}
                {me.team ? ` · ${me.team}` : ''}
              </Text>
              <Button variant="subtle" size="compact-sm" onClick={signOut}>
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Views">
          {VIEWS.map((view) => (
            <NavLink
              key={view.path}
              component={Link}
              href={view.path}
              label={view.label}
              active={location === view.path || location.startsWith(`${view.path}/`)}
              onClick={close}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense fallback={<Loader size="sm" aria-label="loading" />}>
            <Switch>
              <Route path="/pipeline" component={PipelinePage} />
              <Route path="/win-rates" component={WinRatesPage} />
              <Route path="/forecast" component={ForecastPage} />
              <Route path="/incentives" component={IncentivesPage} />
              <Route path="/deals" component={DealsPage} />
              <Route path="/deals/:kind/:id" component={DealPage} />
              <Route path="/inbox" component={GateInboxPage} />
              <Route path="/customers" component={CustomersPage} />
              <Route path="/">
                <Redirect to="/pipeline" />
              </Route>
              <Route>
                <Text>No such view. Choose one on the left.</Text>
              </Route>
            </Switch>
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </LiveContext.Provider>
  );
}
