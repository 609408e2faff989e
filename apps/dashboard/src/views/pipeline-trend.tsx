import { LineChart } from '@mantine/charts';
import { Card, Table, Text, Title } from '@mantine/core';
import type { Query } from '../api/client';
import type { Funnel } from '../api/types';
import { formatDate } from '../format/dates';
import { formatAmounts } from '../format/money';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { weekEnds } from './weekly-trend';

const WEEKS = 8;

/**
 * The pipeline by week: the funnel's totals as of each week's end (`GET /api/funnel?asOf=`, one replay a
 * week), loaded after the funnel itself so the page shows first.
 */
export function PipelineTrend({ query, end }: Readonly<{ query: Query; end: string | undefined }>) {
  const { api } = useSigned();
  const { data, error } = useLoad(
    () => {
      const ends = weekEnds(end ? new Date(end) : new Date(), WEEKS);
      return Promise.all(
        ends.map(async (at) => ({
          at,
          funnel: await api.get<Funnel>('/api/funnel', { ...query, asOf: at.toISOString() }),
        })),
      );
    },
    JSON.stringify([query, end]),
    // Eight replays: not on every live tick; a new filter or moment reloads them.
    false,
  );
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Pipeline by week (as of each week's end)
      </Title>
      {error && <Text c="red">{error}</Text>}
      {data === undefined ? (
        <Text c="dimmed" size="sm">
          Replaying the last {WEEKS} weeks…
        </Text>
      ) : (
        <>
          <LineChart
            h={180}
            data={data.map((w) => ({
              week: formatDate(w.at.toISOString().slice(0, 10)),
              open: w.funnel.totals.open,
            }))}
            dataKey="week"
            series={[{ name: 'open', label: 'Open deals', color: 'blue.6' }]}
            yAxisProps={{ allowDecimals: false }}
            curveType="linear"
          />
          <Table.ScrollContainer minWidth={480}>
            <Table data-testid="trend-table" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>As of</Table.Th>
                  <Table.Th ta="right">Open deals</Table.Th>
                  <Table.Th ta="right">Open amount</Table.Th>
                  <Table.Th ta="right">Won</Table.Th>
                  <Table.Th ta="right">Lost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((w) => (
                  <Table.Tr key={w.at.toISOString()}>
                    <Table.Td>{formatDate(w.at.toISOString())}</Table.Td>
                    <Table.Td ta="right">{w.funnel.totals.open}</Table.Td>
                    <Table.Td ta="right">{formatAmounts(w.funnel.totals.amount)}</Table.Td>
                    <Table.Td ta="right">{w.funnel.totals.won}</Table.Td>
                    <Table.Td ta="right">{w.funnel.totals.lost}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
