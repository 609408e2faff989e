import { LineChart } from '@mantine/charts';
import { Card, Table, Text, Title } from '@mantine/core';
import type { Query } from '../api/client';
import type { FunnelTrend } from '../api/types';
import { formatDate } from '../format/dates';
import { formatAmounts } from '../format/money';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';

const WEEKS = 8;
const WEEK = 7 * 86_400_000;

/**
 * The pipeline by week (`GET /api/funnel/trend?every=week`): open deals and amount as of each point, won
 * and lost in the week before it; the last point is now (or the `asOf` picked). Loaded after the funnel.
 */
export function PipelineTrend({ query, end }: Readonly<{ query: Query; end: string | undefined }>) {
  const { api } = useSigned();
  const { data, error } = useLoad(
    () => {
      const to = end ? new Date(end) : new Date();
      const from = new Date(to.getTime() - (WEEKS - 1) * WEEK);
      return api.get<FunnelTrend>('/api/funnel/trend', {
        ...query,
        from: from.toISOString(),
        to: to.toISOString(),
        every: 'week',
      });
    },
    JSON.stringify([query, end]),
    // Eight samples of the log: not on every live tick; a new filter or moment reloads them.
    false,
  );
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Pipeline by week
      </Title>
      {error && <Text c="red">{error}</Text>}
      {data === undefined ? (
        <Text c="dimmed" size="sm">
          Sampling the last {WEEKS} weeks…
        </Text>
      ) : (
        <>
          <LineChart
            h={180}
            data={data.points.map((p) => ({ week: formatDate(p.asOf.slice(0, 10)), open: p.open }))}
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
                  <Table.Th ta="right">Won in the week</Table.Th>
                  <Table.Th ta="right">Lost in the week</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.points.map((p) => (
                  <Table.Tr key={p.asOf}>
                    <Table.Td>{formatDate(p.asOf)}</Table.Td>
                    <Table.Td ta="right">{p.open}</Table.Td>
                    <Table.Td ta="right">{formatAmounts(p.amount)}</Table.Td>
                    <Table.Td ta="right">{p.won}</Table.Td>
                    <Table.Td ta="right">{p.lost}</Table.Td>
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
