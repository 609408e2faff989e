import { BarChart } from '@mantine/charts';
import { Card, Grid, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { Losses, Ranked, WinRateGroup, WinRates } from '../api/types';
import { takesParameter, useDocument } from '../api/document';
import { formatRate } from '../format/dates';
import { formatAmounts } from '../format/money';
import { stageName, words } from '../format/words';
import { DealFilters, useFilters } from '../layout/filters';
import { Failed, Loading, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';

const DIMENSIONS = ['rep', 'role', 'team', 'segment', 'customerType', 'sizeBand', 'period'] as const;
const FILTERS = ['team', 'owner', 'segment', 'customerType', 'from', 'to', 'asOf', 'knownAt'] as const;

/** `1 of 3 (33%)`: the count beside every rate. */
export const rateWithCounts = (g: Pick<WinRateGroup, 'won' | 'lost' | 'winRate'>): string =>
  `${formatRate(g.winRate)} (${g.won} of ${g.won + g.lost})`;

function GroupRow({ group, total }: Readonly<{ group: WinRateGroup; total?: boolean }>) {
  const cell = total ? { fw: 700 } : {};
  return (
    <Table.Tr data-key={group.key}>
      <Table.Td {...cell}>{total ? 'All' : group.key}</Table.Td>
      <Table.Td ta="right" {...cell} data-col="rate">
        {rateWithCounts(group)}
      </Table.Td>
      <Table.Td ta="right" {...cell}>
        {group.won}
      </Table.Td>
      <Table.Td ta="right" {...cell}>
        {group.lost}
      </Table.Td>
      <Table.Td ta="right" {...cell}>
        {group.abandoned}
      </Table.Td>
      <Table.Td ta="right">{formatAmounts(group.wonAmount)}</Table.Td>
      <Table.Td ta="right">{formatAmounts(group.lostAmount)}</Table.Td>
    </Table.Tr>
  );
}

function RankedTable({
  title,
  rows,
  label,
  testId,
}: Readonly<{ title: string; rows: readonly Ranked[]; label?: (v: string) => string; testId: string }>) {
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          None.
        </Text>
      ) : (
        <Table data-testid={testId}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.value}>
                <Table.Td>{label ? label(r.value) : r.value}</Table.Td>
                <Table.Td ta="right">{r.count}</Table.Td>
                <Table.Td ta="right">{formatAmounts(r.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** Win rates by a dimension (`GET /api/win-rates?by=`) and losses by reason and competitor. */
export function WinRatesPage() {
  const { api } = useSigned();
  const doc = useDocument();
  const [values, set, clear] = useFilters();
  const by = values['by'] ?? 'rep';
  const periodUnit = values['periodUnit'] ?? 'month';
  const filters = Object.fromEntries(FILTERS.map((name) => [name, values[name]]));
  const live = !values['asOf'];
  const rates = useLoad(
    () => api.get<WinRates>('/api/win-rates', { ...filters, by, ...(by === 'period' ? { periodUnit } : {}) }),
    JSON.stringify([filters, by, periodUnit]),
    live,
  );
  const losses = useLoad(
    () => api.get<Losses>('/api/win-rates/losses', filters),
    JSON.stringify(filters),
    live,
  );
  const groups = rates.data?.groups ?? [];
  return (
    <Stack gap="md">
      <ViewTitle title="Win rates" {...(rates.data ? { asOf: rates.data.asOf } : {})}>
        <Loading when={rates.loading || losses.loading} />
      </ViewTitle>
      <DealFilters
        values={values}
        set={set}
        clear={clear}
        knownAt={takesParameter(doc, '/api/win-rates', 'knownAt')}
      />
      <SegmentedControl
        aria-label="Group by"
        value={by}
        onChange={(v) => set('by', v)}
        data={DIMENSIONS.map((d) => ({ value: d, label: words(d) }))}
        style={{ overflowX: 'auto' }}
      />
      {by === 'period' && (
        <SegmentedControl
          aria-label="Period unit"
          value={periodUnit}
          onChange={(v) => set('periodUnit', v)}
          data={['month', 'quarter'].map((u) => ({ value: u, label: words(u) }))}
          w="fit-content"
        />
      )}
      <Failed error={rates.error ?? losses.error} />
      {rates.data && (
        <>
          {groups.length > 0 && (
            <Card withBorder>
              <BarChart
                h={Math.max(140, groups.length * 32)}
                data={groups.map((g) => ({ key: g.key, rate: Math.round((g.winRate ?? 0) * 100) }))}
                dataKey="key"
                orientation="vertical"
                yAxisProps={{ width: 110 }}
                xAxisProps={{ domain: [0, 100] }}
                valueFormatter={(v) => `${v}%`}
                series={[{ name: 'rate', label: 'Win rate', color: 'teal.6' }]}
                gridAxis="none"
                withBarValueLabel
              />
            </Card>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="win-rate-table" aria-label="Win rates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{words(by)}</Table.Th>
                  <Table.Th ta="right">Win rate (won of decided)</Table.Th>
                  <Table.Th ta="right">Won</Table.Th>
                  <Table.Th ta="right">Lost</Table.Th>
                  <Table.Th ta="right">Abandoned</Table.Th>
                  <Table.Th ta="right">Won amount</Table.Th>
                  <Table.Th ta="right">Lost amount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((g) => (
                  <GroupRow key={g.key} group={g} />
                ))}
                <GroupRow group={rates.data.total} total />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {losses.data && (
        <>
          <Title order={3} size="h4">
            Losses ({losses.data.lost} lost, {losses.data.abandoned.count} abandoned apart)
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <RankedTable title="By reason" rows={losses.data.reasons} testId="loss-reasons" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <RankedTable title="By competitor" rows={losses.data.competitors} testId="loss-competitors" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <RankedTable
                title="Stage lost in"
                rows={losses.data.stages}
                label={stageName}
                testId="loss-stages"
              />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
