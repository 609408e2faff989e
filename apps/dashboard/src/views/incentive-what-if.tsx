import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { PlanTerms, WhatIfAnswer } from '../api/types';
import { formatMoney } from '../format/money';
import { useSigned } from '../session/api-context';
import { bpToPercent, percentToBp, splitError } from './incentives.model';

type Props = Readonly<{ planId: string; terms: PlanTerms; from: string; to: string }>;
type Tier = PlanTerms['attainment']['tiers'][number];

/**
 * A draft of the plan's terms (split, pool rates, tier table) over a period range, sent to
 * `POST /api/incentives/what-if`: live against what-if per person and period, with the difference.
 * Nothing is written; the api checks the draft as it checks a published plan and names the field it refuses.
 */
export function IncentiveWhatIf({ planId, terms, from: initialFrom, to: initialTo }: Props) {
  const { api } = useSigned();
  const [draft, setDraft] = useState<PlanTerms>(terms);
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [answer, setAnswer] = useState<WhatIfAnswer | null>(null);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [sending, setSending] = useState(false);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const money = (amountMinor: number) =>
    formatMoney({ amountMinor, currency: answer?.currency ?? terms.currency });

  /** A percentage input bound to basis points somewhere in the draft; a bad entry stays typed and marked. */
  const percent = (key: string, label: string, bp: number, put: (bp: number) => void, width = 90) => {
    const text = typed[key] ?? bpToPercent(bp);
    const parsed = percentToBp(text);
    return (
      <TextInput
        key={key}
        label={label}
        name={key}
        size="xs"
        w={width}
        rightSection={<Text size="xs">%</Text>}
        value={text}
        error={'error' in parsed ? parsed.error : undefined}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setTyped((t) => ({ ...t, [key]: value }));
          const next = percentToBp(value);
          if ('bp' in next) put(next.bp);
        }}
      />
    );
  };
  const setTier = (i: number, change: Partial<Tier>) =>
    setDraft((d) => ({
      ...d,
      attainment: {
        ...d.attainment,
        tiers: d.attainment.tiers.map((t, j) => (j === i ? { ...t, ...change } : t)),
      },
    }));
  const split = splitError(draft.split);
  // An empty "to" is the open-ended last tier, not a bad percentage.
  const invalid =
    Object.entries(typed).some(([k, t]) => !(k.endsWith('.toBp') && t === '') && 'error' in percentToBp(t)) ||
    split !== null;

  const run = async () => {
    setSending(true);
    setRefused(null);
    try {
      setAnswer(await api.post<WhatIfAnswer>('/api/incentives/what-if', { planId, terms: draft, from, to }));
    } catch (error) {
      setAnswer(null);
      setRefused(
        error instanceof ApiError
          ? [
              `${error.status}: ${error.message}`,
              ...(error.body.errors ?? []).map((e) => `${e.field}: ${e.messages.join('; ')}`),
            ]
          : [String(error)],
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Card withBorder data-testid="what-if">
      <Title order={3} size="h5" mb="xs">
        What if: a draft of {planId}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
        aria-label="What-if draft"
      >
        <Stack gap="xs">
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label="From"
              name="from"
              size="xs"
              w={100}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              label="To"
              name="to"
              size="xs"
              w={100}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
            {(['AR', 'SR', 'FR'] as const).map((role) =>
              percent(`split.${role}`, `Split ${role}`, draft.split[role], (bp) =>
                setDraft((d) => ({ ...d, split: { ...d.split, [role]: bp } })),
              ),
            )}
            {percent('pool.signedRateBp', 'Signed rate', draft.pool.signedRateBp, (bp) =>
              setDraft((d) => ({ ...d, pool: { ...d.pool, signedRateBp: bp } })),
            )}
            {percent('pool.collectedRateBp', 'Collected rate', draft.pool.collectedRateBp, (bp) =>
              setDraft((d) => ({ ...d, pool: { ...d.pool, collectedRateBp: bp } })),
            )}
            <NativeSelect
              label="Tiers"
              name="attainment.mode"
              size="xs"
              w={110}
              value={draft.attainment.mode}
              data={['marginal', 'cliff']}
              onChange={(e) => {
                const mode = e.currentTarget.value === 'cliff' ? 'cliff' : 'marginal';
                setDraft((d) => ({ ...d, attainment: { ...d.attainment, mode } }));
              }}
            />
          </Group>
          {split && (
            <Text size="xs" c="red" role="alert">
              {split}
            </Text>
          )}
          <Text size="xs" fw={600}>
            Attainment tiers (of target; the last one open-ended)
          </Text>
          {draft.attainment.tiers.map((tier, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-tier={i}>
              {percent(`tier.${i}.fromBp`, 'From', tier.fromBp, (bp) => setTier(i, { fromBp: bp }))}
              <TextInput
                label="To"
                name={`tier.${i}.toBp`}
                size="xs"
                w={90}
                placeholder="open"
                rightSection={<Text size="xs">%</Text>}
                value={typed[`tier.${i}.toBp`] ?? (tier.toBp === null ? '' : bpToPercent(tier.toBp))}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setTyped((t) => ({ ...t, [`tier.${i}.toBp`]: value }));
                  const next = percentToBp(value);
                  if (value === '') setTier(i, { toBp: null });
                  else if ('bp' in next) setTier(i, { toBp: next.bp });
                }}
              />
              {percent(`tier.${i}.rateBp`, 'Pays', tier.rateBp, (bp) => setTier(i, { rateBp: bp }))}
              <ActionIcon
                variant="subtle"
                color="red"
                mt={22}
                aria-label={`Remove tier ${i + 1}`}
                disabled={draft.attainment.tiers.length === 1}
                onClick={() =>
                  setDraft((d) => ({
                    ...d,
                    attainment: { ...d.attainment, tiers: d.attainment.tiers.filter((_, j) => j !== i) },
                  }))
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                setDraft((d) => {
                  const last = d.attainment.tiers.at(-1);
                  const start = last?.toBp ?? (last ? last.fromBp + 10000 : 0);
                  return {
                    ...d,
                    attainment: {
                      ...d.attainment,
                      tiers: [
                        ...d.attainment.tiers,
                        { fromBp: start, toBp: null, rateBp: last?.rateBp ?? 10000 },
                      ],
                    },
                  };
                })
              }
            >
              Add a tier
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setDraft(terms);
                setTyped({});
              }}
            >
              Back to the plan's terms
            </Button>
            <Button size="xs" type="submit" loading={sending} disabled={invalid}>
              Compute what-if
            </Button>
          </Group>
        </Stack>
      </form>
      {refused && (
        <Alert
          color="red"
          title="The api refused the draft"
          role="alert"
          mt="sm"
          data-testid="what-if-refused"
        >
          {refused.map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Alert>
      )}
      {answer && (
        <Stack gap="xs" mt="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Text size="sm">Live {money(answer.totals.liveMinor)}</Text>
            <Text size="sm">What-if {money(answer.totals.whatIfMinor)}</Text>
            <Text size="sm" fw={700} data-testid="what-if-total-difference">
              Difference {answer.totals.differenceMinor > 0 ? '+' : ''}
              {money(answer.totals.differenceMinor)}
            </Text>
          </SimpleGrid>
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="what-if-rows" aria-label="Live against what-if">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Period</Table.Th>
                  <Table.Th ta="right">Live</Table.Th>
                  <Table.Th ta="right">What-if</Table.Th>
                  <Table.Th ta="right">Difference</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.rows.map((r) => (
                  <Table.Tr key={`${r.personId}${r.period}`} data-person={r.personId} data-period={r.period}>
                    <Table.Td>{r.personId}</Table.Td>
                    <Table.Td>{r.period}</Table.Td>
                    <Table.Td ta="right">{money(r.liveMinor)}</Table.Td>
                    <Table.Td ta="right">{money(r.whatIfMinor)}</Table.Td>
                    <Table.Td ta="right" data-col="difference" c={r.differenceMinor < 0 ? 'red' : undefined}>
                      {r.differenceMinor > 0 ? '+' : ''}
                      {money(r.differenceMinor)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            Nothing was written: a replay of the log with the draft terms.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
