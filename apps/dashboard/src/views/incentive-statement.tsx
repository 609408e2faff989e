import { Accordion, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CausingEvent, EarningLine, IncentiveStatement, LineExplanation } from '../api/types';
import { formatDate } from '../format/dates';
import { formatMoney } from '../format/money';
import { words } from '../format/words';
import { Failed, Stat } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';

type Props = Readonly<{ statement: IncentiveStatement }>;

/** One person's statement for one period: totals, the lines with their inputs, the adjustments and their causes. */
export function StatementCard({ statement: s }: Props) {
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: s.currency });
  return (
    <Card withBorder data-testid="statement" data-person={s.personId} data-period={s.period}>
      <Group justify="space-between" wrap="wrap" mb="sm">
        <Title order={3} size="h4">
          {s.personId} · {s.period} · {s.planId}
        </Title>
        <Badge color={s.status === 'closed' ? 'gray' : 'green'} size="lg" data-testid="statement-status">
          {s.status === 'closed' && s.frozenAt ? `closed by ${s.frozenAt.closedBy}` : s.status}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="sm">
        <Stat label="Earned" value={money(s.totals.earnedMinor)} testId="total-earned" />
        <Stat label="Adjustments" value={money(s.totals.adjustmentsMinor)} testId="total-adjustments" />
        <Stat label="Period total" value={money(s.totals.periodTotalMinor)} testId="total-period" />
        <Stat label="Carried in" value={money(s.totals.carriedInMinor)} testId="total-carried-in" />
        <Stat label="Payable" value={money(s.totals.payableMinor)} testId="total-payable" />
        <Stat label="Carried out" value={money(s.totals.carriedOutMinor)} testId="total-carried-out" />
      </SimpleGrid>
      <Stack gap="sm">
        <Title order={4} size="h5">
          Lines
        </Title>
        {s.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing earned in this period.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="statement-lines" aria-label="Statement lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Deal</Table.Th>
                  <Table.Th>Formula</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.lines.map((line) => (
                  <EarningRow key={line.lineId} statement={s} line={line} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Title order={4} size="h5">
          Adjustments
        </Title>
        {s.adjustments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No closed period was corrected into this one.
          </Text>
        ) : (
          <Accordion variant="separated" multiple data-testid="adjustments">
            {s.adjustments.map((a) => (
              <Accordion.Item key={a.lineId} value={a.lineId} data-line={a.lineId}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="sm">
                      {words(a.corrects.kind)} of {a.corrects.period}
                      {a.corrects.dealId ? ` · ${a.corrects.dealId}` : ''} — {a.reason}
                    </Text>
                    <Text size="sm" fw={700} data-col="delta">
                      {a.deltaMinor > 0 ? '+' : ''}
                      {money(a.deltaMinor)}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" mb="xs" data-testid="adjustment-arithmetic">
                    paid {money(a.beforeMinor)}, now {money(a.afterMinor)}: {a.deltaMinor >= 0 ? '+' : ''}
                    {money(a.deltaMinor)} in {a.period}
                  </Text>
                  <Text size="xs" fw={600}>
                    Caused by
                  </Text>
                  <CausingEvents events={a.causes} testId="adjustment-causes" />
                  <Explain statement={s} lineId={a.lineId} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
        {s.unconverted.length > 0 && (
          <Text size="sm" c="orange">
            Not converted to {s.currency}:{' '}
            {s.unconverted.map((u) => `${u.dealId} ${formatMoney(u)} (${u.reason})`).join('; ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function EarningRow({ statement, line }: Readonly<{ statement: IncentiveStatement; line: EarningLine }>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr data-line={line.lineId}>
        <Table.Td>{words(line.kind)}</Table.Td>
        <Table.Td>{line.dealId ?? '—'}</Table.Td>
        <Table.Td>
          <Text size="xs">{line.formula}</Text>
        </Table.Td>
        <Table.Td ta="right" data-col="amount">
          {formatMoney({ amountMinor: line.amountMinor, currency: statement.currency })}
        </Table.Td>
        <Table.Td>
          <Button size="compact-xs" variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide' : 'Explain'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <LineInputs line={line} />
            <Explain statement={statement} lineId={line.lineId} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** The inputs a line was computed from (those that apply to its kind). */
function LineInputs({ line }: Readonly<{ line: EarningLine }>) {
  const shown = Object.entries(line.inputs).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === 'string' || typeof entry[1] === 'number',
  );
  return (
    <Group gap="xs" mb="xs" data-testid="line-inputs">
      {shown.map(([name, value]) => (
        <Badge key={name} variant="outline" color="gray" tt="none">
          {words(name)}: {String(value)}
        </Badge>
      ))}
    </Group>
  );
}

/** `GET …/lines/{lineId}/explain`: the formula step by step and the events it came from. */
function Explain({ statement, lineId }: Readonly<{ statement: IncentiveStatement; lineId: string }>) {
  const [asked, setAsked] = useState(false);
  if (!asked)
    return (
      <Button size="compact-xs" variant="subtle" mt="xs" onClick={() => setAsked(true)}>
        Explain step by step
      </Button>
    );
  return <Explanation statement={statement} lineId={lineId} />;
}

function Explanation({ statement: s, lineId }: Readonly<{ statement: IncentiveStatement; lineId: string }>) {
  const { api } = useSigned();
  const { data, error } = useLoad(
    () =>
      api.get<LineExplanation>(
        `/api/incentives/statements/${encodeURIComponent(s.personId)}/${s.period}/lines/${encodeURIComponent(lineId)}/explain`,
        { planId: s.planId, knownAt: s.knownAt ?? undefined },
      ),
    `${s.planId}/${s.personId}/${s.period}/${lineId}`,
    false,
  );
  if (error) return <Failed error={error} />;
  if (data === undefined) return <Text size="xs">Explaining…</Text>;
  return (
    <Stack gap={4} mt="xs" data-testid="explanation">
      <Text size="sm" ff="monospace">
        {data.formula}
      </Text>
      <Table fz="xs" verticalSpacing={2} data-testid="explanation-steps">
        <Table.Tbody>
          {data.steps.map((step, i) => (
            <Table.Tr key={`${i}${step.label}`}>
              <Table.Td>{step.label}</Table.Td>
              <Table.Td ta="right">{step.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CausingEvents events={data.events} testId="explanation-events" />
    </Stack>
  );
}

/** Events a number came from: id, type, who, when it happened and when the log learnt it. */
export function CausingEvents({
  events,
  testId,
}: Readonly<{ events: readonly CausingEvent[]; testId: string }>) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table fz="xs" data-testid={testId} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Occurred</Table.Th>
            <Table.Th>Recorded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-event={e.id}>
              <Table.Td ff="monospace" title={`${e.streamId} @ ${e.position}`}>
                {e.id}
              </Table.Td>
              <Table.Td data-col="type">{words(e.type)}</Table.Td>
              <Table.Td data-col="actor">{e.actor}</Table.Td>
              <Table.Td data-col="occurredAt">{formatDate(e.occurredAt)}</Table.Td>
              <Table.Td data-col="recordedAt">{formatDate(e.recordedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
