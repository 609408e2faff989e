import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Forecast, ForecastMethod, MethodForecast } from '../api/types';
import { useDocument } from '../api/document';
import { formatDate, formatRate } from '../format/dates';
import { formatMoney } from '../format/money';
import { stageName, words } from '../format/words';
import { DealFilters, useFilters } from '../layout/filters';
import { Failed, Loading, Stat, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { ForecastBacktest } from './forecast-backtest';
import { ForecastFan } from './forecast-fan';
import { fanPoints, METHOD_LABEL, nextQuarter, quarterOf, quantilesOf } from './forecast.model';

const FILTERS = ['team', 'owner', 'asOf', 'knownAt'] as const;

/** `GET /api/forecasts` for this and the next quarter: the fan, every method's figures, each deal's share. */
export function ForecastPage() {
  const { api } = useSigned();
  const doc = useDocument();
  const [values, set, clear] = useFilters();
  const query = Object.fromEntries(FILTERS.map((name) => [name, values[name]]));
  const now = quarterOf(values['asOf'] ? new Date(values['asOf']) : new Date());
  const periods = [now, nextQuarter(now)] as const;
  const { data, error, loading } = useLoad(
    () => Promise.all(periods.map((horizon) => api.get<Forecast>('/api/forecasts', { ...query, horizon }))),
    JSON.stringify([query, periods]),
    !values['asOf'] && !values['knownAt'],
  );
  const backtest = doc?.paths['/api/forecasts/backtest'] !== undefined;
  return (
    <Stack gap="md">
      <ViewTitle title="Forecast">
        <Loading when={loading} />
        {data?.[0] && (
          <Badge variant="light" size="lg" color={values['asOf'] || values['knownAt'] ? 'grape' : 'green'}>
            {data[0].currency} · as of {new Date(data[0].asOf).toLocaleString()}
          </Badge>
        )}
      </ViewTitle>
      <DealFilters values={values} set={set} clear={clear} knownAt only={FILTERS} />
      <Failed error={error} />
      {data && (
        <>
          <ForecastFan
            currency={data[0]?.currency ?? 'EUR'}
            points={fanPoints(
              data.map((f) => ({ period: f.horizon.period, currency: f.currency, methods: f.methods })),
            )}
          />
          <ForecastCalls forecasts={data} />
          <MethodTable forecasts={data} />
          {data.some((f) => f.excluded.length > 0) && (
            <Alert
              color="yellow"
              title="Left out: open deals in another currency"
              data-testid="forecast-excluded"
            >
              {data.map((f) =>
                f.excluded.map((x) => (
                  <Text key={`${f.horizon.period}${x.currency}`} size="sm">
                    {f.horizon.period}: {x.deals} deal{x.deals === 1 ? '' : 's'},{' '}
                    {formatMoney({ amountMinor: x.amountMinor, currency: x.currency })} (no exchange rate to{' '}
                    {f.currency})
                  </Text>
                )),
              )}
            </Alert>
          )}
          <Contributions forecasts={data} />
        </>
      )}
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Backtest accuracy
        </Title>
        {backtest ? (
          <ForecastBacktest query={query} />
        ) : (
          <Text size="sm" c="dimmed" data-testid="backtest-missing">
            The api does not answer <code>GET /api/forecasts/backtest</code> yet: the calls and the accuracy
            of each method (MAPE and bias over time) appear here once it does.
          </Text>
        )}
      </Card>
    </Stack>
  );
}

const money = (f: Forecast) => (amountMinor: number | null | undefined) =>
  amountMinor === null || amountMinor === undefined
    ? '—'
    : formatMoney({ amountMinor, currency: f.currency });

/** Every method's figures side by side, a column per quarter. */
function MethodTable({ forecasts }: Readonly<{ forecasts: readonly Forecast[] }>) {
  const row = (label: string, testId: string, pick: (f: Forecast) => string) => (
    <Table.Tr data-row={testId}>
      <Table.Th scope="row">{label}</Table.Th>
      {forecasts.map((f) => (
        <Table.Td key={f.horizon.period} ta="right" data-horizon={f.horizon.period} data-testid={testId}>
          {pick(f)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  const method = (f: Forecast, m: ForecastMethod): MethodForecast | undefined =>
    f.methods.find((x) => x.method === m);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder padding="xs">
        <Table.ScrollContainer minWidth={300}>
          <Table data-testid="forecast-methods" aria-label="Forecast per method">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Expected won</Table.Th>
                {forecasts.map((f) => (
                  <Table.Th key={f.horizon.period} ta="right">
                    {f.horizon.period}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(Object.keys(METHOD_LABEL) as ForecastMethod[]).map((m) =>
                row(METHOD_LABEL[m], `expected-${m}`, (f) => money(f)(method(f, m)?.expectedMinor)),
              )}
              {row('P10 (Monte Carlo)', 'p10', (f) => money(f)(quantilesOf(f.methods)?.p10Minor))}
              {row('P50 (Monte Carlo)', 'p50', (f) => money(f)(quantilesOf(f.methods)?.p50Minor))}
              {row('P90 (Monte Carlo)', 'p90', (f) => money(f)(quantilesOf(f.methods)?.p90Minor))}
              {row('Won already', 'already-won', (f) => money(f)(f.methods[0]?.alreadyWonMinor))}
              {row('Open deals', 'open-deals', (f) => String(f.openDeals))}
              {row('Coverage', 'coverage', (f) =>
                f.coverage.coverage === null ? 'no target' : `${f.coverage.coverage.toFixed(2)}×`,
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder padding="xs">
        <MethodInputs forecast={forecasts[0]} />
      </Card>
    </SimpleGrid>
  );
}

/** What the weighted methods multiplied by: the configured stage and category probabilities, the learned rates. */
function MethodInputs({ forecast }: Readonly<{ forecast: Forecast | undefined }>) {
  if (forecast === undefined) return null;
  const cells: { label: string; value: string; note?: string }[] = [];
  for (const m of forecast.methods) {
    if (m.method === 'stage-weighted')
      for (const [stage, p] of Object.entries(m.probabilities))
        cells.push({ label: `Stage · ${stageName(stage)}`, value: formatRate(p) });
    if (m.method === 'category-weighted')
      for (const [category, p] of Object.entries(m.probabilities))
        cells.push({ label: `Category · ${words(category)}`, value: formatRate(p) });
    if (m.method === 'historical')
      for (const r of m.rates.filter((x) => x.segment === null))
        cells.push({
          label: `Historical · ${stageName(r.stage)}`,
          value: formatRate(r.probability),
          note: `${r.won} of ${r.closed} won`,
        });
  }
  const historical = forecast.methods.find((m) => m.method === 'historical');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Probabilities applied
        {historical?.method === 'historical' &&
          ` (historical: learned from ${historical.learnedFrom} closed deals, cells under ${historical.minDeals} use the stage's pooled rate)`}
      </Text>
      <Table.ScrollContainer minWidth={300} mah={300}>
        <Table data-testid="forecast-inputs" fz="xs" verticalSpacing={2}>
          <Table.Tbody>
            {cells.map((c) => (
              <Table.Tr key={c.label}>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td ta="right">{c.value}</Table.Td>
                <Table.Td c="dimmed">{c.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Each open deal's share of one method's forecast for one quarter, with why. */
function Contributions({ forecasts }: Readonly<{ forecasts: readonly Forecast[] }>) {
  const [period, setPeriod] = useState(
    (forecasts.find((f) => f.methods.some((m) => m.contributions.length > 0)) ?? forecasts[0])?.horizon
      .period ?? '',
  );
  const [method, setMethod] = useState<ForecastMethod>('stage-weighted');
  const forecast = forecasts.find((f) => f.horizon.period === period) ?? forecasts[0];
  const answer = forecast?.methods.find((m) => m.method === method);
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={3} size="h5">
          Per deal
        </Title>
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label="Quarter"
            value={forecast?.horizon.period ?? ''}
            onChange={setPeriod}
            data={forecasts.map((f) => f.horizon.period)}
          />
          <NativeSelect
            size="xs"
            aria-label="Method"
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as ForecastMethod)}
            data={(Object.keys(METHOD_LABEL) as ForecastMethod[]).map((m) => ({
              value: m,
              label: METHOD_LABEL[m],
            }))}
          />
        </Group>
      </Group>
      {forecast === undefined || answer === undefined || answer.contributions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open deal is expected to close in this quarter.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped data-testid="contributions" aria-label="Contributions per deal">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Deal</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Call</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th ta="right">Probability</Table.Th>
                <Table.Th ta="right">Expected</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.contributions.map((c) => (
                <Table.Tr key={c.dealId} data-deal={c.dealId}>
                  <Table.Td>
                    <Anchor component={Link} href={`/deals/opportunities/${c.dealId}`}>
                      {c.dealId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.owner}</Table.Td>
                  <Table.Td>{stageName(c.stage)}</Table.Td>
                  <Table.Td>{words(c.category)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(c.amount)}</Table.Td>
                  <Table.Td ta="right">{formatRate(c.probability)}</Table.Td>
                  <Table.Td ta="right" data-col="expected">
                    {money(forecast)(c.expectedMinor)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{c.why}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {forecast && answer && (
        <Group gap="md" mt="xs">
          <Stat label="Won already" value={money(forecast)(answer.alreadyWonMinor)} />
          <Stat label="Expected from open deals" value={money(forecast)(answer.expectedOpenMinor)} />
          <Stat label="Expected won" value={money(forecast)(answer.expectedMinor)} />
        </Group>
      )}
    </Card>
  );
}

/** The rep and manager calls in force for each quarter (as of the forecast's moment), in their own currency. */
function ForecastCalls({ forecasts }: Readonly<{ forecasts: readonly Forecast[] }>) {
  const calls = forecasts.flatMap((f) => f.calls.map((c) => ({ ...c, horizon: f.horizon.period })));
  return (
    <Card withBorder padding="xs">
      <Title order={3} size="h5" mb="xs" px="xs">
        Calls in force
      </Title>
      {calls.length === 0 ? (
        <Text size="sm" c="dimmed" px="xs">
          No rep or manager has made a call for these quarters.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="forecast-calls" aria-label="Rep and manager calls">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quarter</Table.Th>
                <Table.Th>Call</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th ta="right">Commit</Table.Th>
                <Table.Th ta="right">Best case</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>Made</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.map((c) => (
                <Table.Tr key={`${c.horizon}${c.callId}`} data-call={c.callId} data-horizon={c.horizon}>
                  <Table.Td>{c.horizon}</Table.Td>
                  <Table.Td>
                    {c.scope === 'team' ? `manager: team ${c.team ?? ''}` : `rep: ${c.personId ?? c.by}`}
                  </Table.Td>
                  <Table.Td>{c.by}</Table.Td>
                  <Table.Td ta="right" data-col="commit">
                    {formatMoney({ amountMinor: c.commitMinor, currency: c.currency })}
                  </Table.Td>
                  <Table.Td ta="right" data-col="best-case">
                    {formatMoney({ amountMinor: c.bestCaseMinor, currency: c.currency })}
                  </Table.Td>
                  <Table.Td>{c.note}</Table.Td>
                  <Table.Td>{formatDate(c.occurredAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
