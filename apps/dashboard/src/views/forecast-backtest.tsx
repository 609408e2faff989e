import { LineChart } from '@mantine/charts';
import { Stack, Table, Text } from '@mantine/core';
import type { Query } from '../api/client';
import type { Backtest } from '../api/types';
import { formatRate } from '../format/dates';
import { words } from '../format/words';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { errorsOverTime, METHOD_LABEL } from './forecast.model';

const WEEKS = 13;
const WEEK = 7 * 86_400_000;

const sourceLabel = (source: string): string =>
  source in METHOD_LABEL ? METHOD_LABEL[source as keyof typeof METHOD_LABEL] : words(source);

/**
 * `GET /api/forecasts/backtest` over the last 13 weeks: each method's (and the calls') MAPE and bias, the
 * error of each week's forecast against what was then won.
 */
export function ForecastBacktest({ query }: Readonly<{ query: Query }>) {
  const { api } = useSigned();
  const { data, error } = useLoad(
    () => {
      const to = new Date();
      const from = new Date(to.getTime() - (WEEKS - 1) * WEEK);
      return api.get<Backtest>('/api/forecasts/backtest', {
        team: query['team'],
        owner: query['owner'],
        from: from.toISOString(),
        to: to.toISOString(),
        every: 'week',
        horizon: 'quarter',
      });
    },
    JSON.stringify([query['team'], query['owner']]),
    false,
  );
  if (error) return <Text c="red">{error}</Text>;
  if (data === undefined)
    return (
      <Text size="sm" c="dimmed">
        Replaying the last {WEEKS} weeks…
      </Text>
    );
  const over = errorsOverTime(data);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={480}>
        <Table
          data-testid="backtest-accuracy"
          aria-label="Backtest accuracy"
          data-from={data.from}
          data-to={data.to}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Source</Table.Th>
              <Table.Th ta="right">MAPE</Table.Th>
              <Table.Th ta="right">Bias</Table.Th>
              <Table.Th ta="right">Weeks scored</Table.Th>
              <Table.Th ta="right">Left out</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.accuracy.map((a) => (
              <Table.Tr key={a.source} data-source={a.source}>
                <Table.Td>{sourceLabel(a.source)}</Table.Td>
                <Table.Td ta="right" data-col="mape">
                  {formatRate(a.mape)}
                </Table.Td>
                <Table.Td ta="right" data-col="bias">
                  {a.bias === null ? '—' : `${a.bias > 0 ? '+' : ''}${formatRate(a.bias)}`}
                </Table.Td>
                <Table.Td ta="right">{a.rows}</Table.Td>
                <Table.Td ta="right">{a.skipped}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {over.points.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="backtest-unsettled">
          No week of these {WEEKS} had a quarter that has ended: nothing to score yet.
        </Text>
      ) : (
        <>
          <Text size="sm" fw={600}>
            Error of each week's forecast, (forecast − won) / won
          </Text>
          <LineChart
            h={200}
            data={over.points}
            dataKey="week"
            series={over.sources.map((s, i) => ({
              name: s,
              label: sourceLabel(s),
              color: ['teal.7', 'orange.7', 'grape.7', 'blue.9', 'red.7', 'gray.7'][i % 6] ?? 'gray.7',
            }))}
            valueFormatter={(v) => formatRate(v)}
            curveType="linear"
            connectNulls={false}
          />
        </>
      )}
      {data.note && (
        <Text size="xs" c="dimmed">
          {data.note}
        </Text>
      )}
    </Stack>
  );
}
