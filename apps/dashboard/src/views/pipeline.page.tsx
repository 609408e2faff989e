import { BarChart } from '@mantine/charts';
import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link } from 'wouter';
import type { Funnel } from '../api/types';
import { takesParameter, useDocument } from '../api/document';
import { formatDate, formatDays, formatRate } from '../format/dates';
import { formatAmounts, formatMoney, formatReporting } from '../format/money';
import { stageName } from '../format/words';
import { DealFilters, useFilters } from '../layout/filters';
import { Failed, Loading, Stat, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { PipelineTrend } from './pipeline-trend';
import { pipelineQuery } from './pipeline.query';

/**
 * A Performance API mark set once per page load when the funnel's figures are first on screen: the first
 * meaningful render of the pipeline, read by the browser test and `npm run bench -- dashboard`.
 */
export const PIPELINE_RENDERED = 'ltc:pipeline-rendered';

/** The funnel by stage as `GET /api/funnel` answers it, with filters and time travel. */
export function PipelinePage() {
  const { api } = useSigned();
  const doc = useDocument();
  const [values, set, clear] = useFilters();
  const query = pipelineQuery(values);
  const key = JSON.stringify(query);
  const { data, error, loading } = useLoad(() => api.get<Funnel>('/api/funnel', query), key, !values['asOf']);
  useEffect(() => {
    if (data && performance.getEntriesByName(PIPELINE_RENDERED).length === 0)
      performance.mark(PIPELINE_RENDERED);
  }, [data]);
  const open = data?.stages.filter((s) => s.stage.startsWith('open.')) ?? [];
  return (
    <Stack gap="md">
      <ViewTitle title="Pipeline" {...(data ? { asOf: data.asOf } : {})}>
        <Loading when={loading} />
      </ViewTitle>
      <DealFilters
        values={values}
        set={set}
        clear={clear}
        knownAt={takesParameter(doc, '/api/funnel', 'knownAt')}
      />
      <Failed error={error} />
      {data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label="Open deals" value={data.totals.open} testId="total-open" />
            <Stat
              label={`Open amount (${data.currency})`}
              value={
                <>
                  <span data-testid="total-reporting">{formatReporting(data.totals.reporting)}</span>
                  <Text size="xs" c="dimmed" fw={400} data-testid="total-amount">
                    {formatAmounts(data.totals.amount)}
                  </Text>
                </>
              }
            />
            <Stat label="Won" value={data.totals.won} testId="total-won" />
            <Stat label="Lost" value={data.totals.lost} testId="total-lost" />
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Open deals by stage
            </Title>
            <BarChart
              h={Math.max(160, open.length * 28)}
              data={open.map((s) => ({ stage: stageName(s.stage), deals: s.deals }))}
              dataKey="stage"
              orientation="vertical"
              yAxisProps={{ width: 130 }}
              xAxisProps={{ allowDecimals: false }}
              series={[{ name: 'deals', label: 'Deals', color: 'blue.6' }]}
              gridAxis="none"
              withBarValueLabel
            />
          </Card>
          <Table.ScrollContainer minWidth={880}>
            <Table striped highlightOnHover data-testid="funnel-table" aria-label="Funnel by stage">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th ta="right">Deals</Table.Th>
                  <Table.Th ta="right">Amount ({data.currency})</Table.Th>
                  <Table.Th ta="right">By currency</Table.Th>
                  <Table.Th ta="right">Entered</Table.Th>
                  <Table.Th ta="right">Exited</Table.Th>
                  <Table.Th ta="right">Conversion</Table.Th>
                  <Table.Th ta="right">Median time</Table.Th>
                  <Table.Th ta="right">P90 time</Table.Th>
                  <Table.Th ta="right">Stalled</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.stages.map((s) => (
                  <Table.Tr key={s.stage} data-stage={s.stage}>
                    <Table.Td>{stageName(s.stage)}</Table.Td>
                    <Table.Td ta="right" data-col="deals">
                      {s.deals}
                    </Table.Td>
                    <Table.Td ta="right" data-col="reporting">
                      {formatReporting(s.reporting)}
                    </Table.Td>
                    <Table.Td ta="right" data-col="amount">
                      {formatAmounts(s.amount)}
                    </Table.Td>
                    <Table.Td ta="right">{s.entered}</Table.Td>
                    <Table.Td ta="right">{s.exited}</Table.Td>
                    <Table.Td ta="right" data-col="conversion">
                      {formatRate(s.conversion)}
                    </Table.Td>
                    <Table.Td ta="right">{formatDays(s.timeInStage.medianDays)}</Table.Td>
                    <Table.Td ta="right">{formatDays(s.timeInStage.p90Days)}</Table.Td>
                    <Table.Td ta="right">{s.stalled}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PipelineTrend
            query={Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'asOf'))}
            end={values['asOf']}
          />
          <Title order={3} size="h4">
            Stalled deals
          </Title>
          {data.stalled.length === 0 ? (
            <Text c="dimmed">No deal has stayed in one stage past the stalled threshold.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="stalled-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Deal</Table.Th>
                    <Table.Th>Stage</Table.Th>
                    <Table.Th>Since</Table.Th>
                    <Table.Th ta="right">Days</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.stalled.map((d) => (
                    <Table.Tr key={d.opportunityId}>
                      <Table.Td>
                        <Anchor component={Link} href={`/deals/opportunities/${d.opportunityId}`}>
                          {d.opportunityId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{stageName(d.stage)}</Table.Td>
                      <Table.Td>{formatDate(d.since)}</Table.Td>
                      <Table.Td ta="right">{d.days}</Table.Td>
                      <Table.Td>{d.owner}</Table.Td>
                      <Table.Td ta="right">{formatMoney(d.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
