import { Button, Grid, Group, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { ApiError } from '../api/client';
import type { IncentivePlanView, IncentiveStatement, People } from '../api/types';
import { formatMoney } from '../format/money';
import { useFilters } from '../layout/filters';
import { Failed, Loading, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { IncentivePeriods } from './incentive-periods';
import { StatementCard } from './incentive-statement';
import { IncentiveWhatIf } from './incentive-what-if';
import { periodOf, statementPeople, stepPeriod } from './incentives.model';

/**
 * Incentive statements for a period: mine, and my reports' for a manager (every rep's for sales
 * operations), each with its lines, adjustments and their causes; the plan's periods with _Close_; what-if.
 */
export function IncentivesPage() {
  const { api, me } = useSigned();
  const [values, set] = useFilters();
  const period = values['period'] || periodOf(new Date(), 'month');
  const { data, error, loading, reload } = useLoad(async () => {
    const people = await api.get<People>('/api/people');
    const answers = await Promise.all(
      statementPeople(me, people.people).map((person) =>
        api
          .get<IncentiveStatement>(`/api/incentives/statements/${encodeURIComponent(person)}/${period}`)
          .catch((e: unknown) => {
            // In no plan (404) or not theirs to read (403): not on this page.
            if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
            throw e;
          }),
      ),
    );
    return answers.filter((s): s is IncentiveStatement => s !== null);
  }, `${me.id}:${period}`);
  const statements = data ?? [];
  const planId = statements[0]?.planId;
  const chosen =
    statements.find((s) => s.personId === values['person']) ??
    statements.find((s) => s.personId === me.id) ??
    statements[0];
  const manages = me.roles.some((r) => r === 'manager' || r === 'ops' || r === 'admin');
  return (
    <Stack gap="md">
      <ViewTitle title="Incentives">
        <Loading when={loading} />
      </ViewTitle>
      <Group gap="xs" align="flex-end" role="search" aria-label="Period">
        <Button
          variant="default"
          size="xs"
          onClick={() => set('period', stepPeriod(period, -1))}
          aria-label="Previous period"
        >
          ‹
        </Button>
        <TextInput
          label="Period"
          name="period"
          size="xs"
          w={110}
          defaultValue={period}
          key={period}
          onBlur={(e) =>
            /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(e.currentTarget.value) &&
            set('period', e.currentTarget.value)
          }
          onKeyDown={(e) => e.key === 'Enter' && set('period', e.currentTarget.value)}
        />
        <Button
          variant="default"
          size="xs"
          onClick={() => set('period', stepPeriod(period, 1))}
          aria-label="Next period"
        >
          ›
        </Button>
      </Group>
      <Failed error={error} />
      {data && statements.length === 0 && (
        <Text c="dimmed">
          No incentive plan pays you{manages ? ' or the people you see' : ''} in {period}.
        </Text>
      )}
      {statements.length > 1 && (
        <TeamTable statements={statements} chosen={chosen?.personId} onChoose={(p) => set('person', p)} />
      )}
      {chosen && <StatementCard key={`${chosen.personId}${chosen.period}`} statement={chosen} />}
      {manages && planId && <PlanTools planId={planId} period={period} onChange={reload} />}
    </Stack>
  );
}

/** The team's statements side by side; choosing a row shows that person's statement below. */
function TeamTable({
  statements,
  chosen,
  onChoose,
}: Readonly<{
  statements: readonly IncentiveStatement[];
  chosen: string | undefined;
  onChoose: (person: string) => void;
}>) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover data-testid="team-statements" aria-label="The team's statements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Earned</Table.Th>
            <Table.Th ta="right">Adjustments</Table.Th>
            <Table.Th ta="right">Period total</Table.Th>
            <Table.Th ta="right">Carried in</Table.Th>
            <Table.Th ta="right">Payable</Table.Th>
            <Table.Th ta="right">Carried out</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {statements.map((s) => {
            const money = (amountMinor: number) => formatMoney({ amountMinor, currency: s.currency });
            return (
              <Table.Tr
                key={s.personId}
                data-person={s.personId}
                bg={s.personId === chosen ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onChoose(s.personId)}
                    aria-pressed={s.personId === chosen}
                    td="underline"
                  >
                    {s.personId}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{s.status}</Table.Td>
                <Table.Td ta="right">{money(s.totals.earnedMinor)}</Table.Td>
                <Table.Td ta="right" data-col="adjustments">
                  {money(s.totals.adjustmentsMinor)}
                </Table.Td>
                <Table.Td ta="right">{money(s.totals.periodTotalMinor)}</Table.Td>
                <Table.Td ta="right">{money(s.totals.carriedInMinor)}</Table.Td>
                <Table.Td ta="right" data-col="payable">
                  {money(s.totals.payableMinor)}
                </Table.Td>
                <Table.Td ta="right">{money(s.totals.carriedOutMinor)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** For managers and sales operations: the plan's periods (close one) and the what-if editor. */
function PlanTools({
  planId,
  period,
  onChange,
}: Readonly<{ planId: string; period: string; onChange: () => void }>) {
  const { api } = useSigned();
  const { data: plan, error } = useLoad(
    () => api.get<IncentivePlanView>(`/api/incentives/plans/${encodeURIComponent(planId)}`),
    planId,
    false,
  );
  if (error) return <Failed error={error} />;
  if (plan === undefined) return null;
  const first = plan.context.effectiveFrom;
  const last = stepPeriod(period, 1);
  return (
    <>
      <Title order={3} size="h4">
        The plan
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <IncentivePeriods
            planId={planId}
            from={first.length === last.length && first <= last ? first : period}
            to={last}
            onClosed={onChange}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {plan.context.terms ? (
            <IncentiveWhatIf
              planId={planId}
              terms={plan.context.terms}
              from={first <= period ? first : period}
              to={period}
            />
          ) : (
            <Text c="dimmed">The api did not send the plan's terms.</Text>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
