import {
  Accordion,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Slider,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { loadDocument, useDocument } from '../api/document';
import type { ChainVerification, DealView, GateDecisions, Timeline } from '../api/types';
import { formatDate } from '../format/dates';
import { formatMoney, type Money } from '../format/money';
import { stageName, words } from '../format/words';
import { type CommandForm, commandForms } from '../forms/command-form.model';
import { CommandFormView } from '../forms/command-form';
import { Failed, Loading, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { GateRounds, TimelineTable } from './deal-timeline';

const KINDS = ['opportunities', 'contracts'] as const;
const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Money).amountMinor === 'number' &&
  typeof (v as Money).currency === 'string';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** One deal: state, triangle, the commands allowed now as forms, the timeline with an as-of slider, gates. */
export function DealPage() {
  const { api, me } = useSigned();
  const params = useParams<{ kind: string; id: string }>();
  const kind = KINDS.find((k) => k === params.kind) ?? 'opportunities';
  const id = params.id;
  const doc = useDocument();
  const deal = useLoad(() => api.get<DealView>(`/api/${kind}/${encodeURIComponent(id)}`), `${kind}/${id}`);
  const stream = deal.data?.streamId;
  const timeline = useLoad(
    () => (stream ? api.get<Timeline>(`/api/audit/${stream}/timeline`) : Promise.resolve(undefined)),
    `${stream}/timeline`,
  );
  const verify = useLoad(
    () => (stream ? api.get<ChainVerification>(`/api/audit/${stream}/verify`) : Promise.resolve(undefined)),
    `${stream}/verify`,
  );
  const gates = useLoad(
    () => (stream ? api.get<GateDecisions>('/api/gate-decisions', { stream }) : Promise.resolve(undefined)),
    `${stream}/gates`,
  );
  const entries = timeline.data?.entries ?? [];
  const last = Math.max(0, entries.length - 1);
  const [at, setAt] = useState<number | null>(null);
  const index = at === null ? last : Math.min(at, last);
  const past = at !== null && index < last ? entries[index] : undefined;
  const asOf = useLoad(
    () =>
      stream && past
        ? api.get<Timeline>(`/api/audit/${stream}/timeline`, { knownAt: past.position })
        : Promise.resolve(undefined),
    `${stream}/asOf/${past?.position}`,
    false,
  );
  useEffect(() => setAt(null), [stream]);

  const shown = past ? asOf.data : undefined;
  const state = shown?.state ?? deal.data?.state ?? '';
  const context = shown?.context ?? deal.data?.context;
  const triangle = context?.triangle ?? null;
  const forms = doc ? commandForms(doc, `/api/${kind}`) : new Map<string, CommandForm>();
  const myRole = triangle ? (Object.entries(triangle).find(([, who]) => who === me.id)?.[0] ?? '') : '';
  const openGate = deal.data?.context.gates?.open?.gate ?? '';
  const currency = deal.data?.context.amount?.currency ?? 'EUR';
  const refresh = () => {
    deal.reload();
    timeline.reload();
    gates.reload();
    verify.reload();
  };

  const exportAs = async (format: 'json' | 'csv') => {
    if (!stream) return;
    const text = await api.text(`/api/audit/${stream}/export`, { format });
    download(`${stream}.${format}`, format === 'csv' ? 'text/csv' : 'application/json', text);
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} href={`/deals?kind=${kind}`} size="sm">
        ← Deals
      </Anchor>
      <ViewTitle title={String(context?.name ?? id)}>
        <Loading when={deal.loading} />
        {verify.data && (
          <Badge
            color={verify.data.ok ? 'green' : 'red'}
            size="lg"
            data-testid="chain-badge"
            title="the audit route recomputed the hash chain"
          >
            {verify.data.ok ? `hash chain verified (${verify.data.events} events)` : 'hash chain BROKEN'}
          </Badge>
        )}
      </ViewTitle>
      <Failed error={deal.error} />
      {deal.data && context && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h5">
                  {past ? `As of ${formatDate(past.occurredAt)}` : 'Now'}
                </Title>
                <Badge size="lg" data-testid="deal-state">
                  {stageName(state)}
                </Badge>
              </Group>
              <Table>
                <Table.Tbody>
                  {Object.entries(context)
                    .filter(([, v]) => typeof v !== 'object' || v === null || isMoney(v))
                    .map(([k, v]) => (
                      <Table.Tr key={k}>
                        <Table.Th w="40%">{words(k)}</Table.Th>
                        <Table.Td data-field={k}>
                          {isMoney(v)
                            ? formatMoney(v)
                            : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
                              ? String(v)
                              : '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  Iron triangle
                </Title>
                {triangle ? (
                  (['AR', 'SR', 'FR'] as const).map((role) => (
                    <Text key={role} size="sm" data-role={role}>
                      {words(role)}: <b>{triangle[role]}</b>
                    </Text>
                  ))
                ) : (
                  <Text c="dimmed" size="sm">
                    Not assigned yet.
                  </Text>
                )}
              </Card>
              <Card withBorder>
                <Group justify="space-between">
                  <Title order={3} size="h5">
                    Export
                  </Title>
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={() => void exportAs('json')}>
                      JSON
                    </Button>
                    <Button size="xs" variant="default" onClick={() => void exportAs('csv')}>
                      CSV
                    </Button>
                  </Group>
                </Group>
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {entries.length > 1 && (
        <Card withBorder>
          <Text size="sm" mb="xs" id="as-of-label">
            As of event #{entries[index]?.revision} — {formatDate(entries[index]?.occurredAt)} (
            {words(entries[index]?.type ?? '')})
          </Text>
          <Slider
            aria-labelledby="as-of-label"
            data-testid="as-of-slider"
            min={0}
            max={last}
            step={1}
            value={index}
            onChange={setAt}
            label={(i) => `#${i}`}
            marks={entries.map((_, i) => ({ value: i }))}
            mb="sm"
          />
          {past && (
            <Button size="xs" variant="light" onClick={() => setAt(null)}>
              Back to now
            </Button>
          )}
        </Card>
      )}
      {deal.data && !past && (
        <>
          <Title order={3} size="h4">
            Commands allowed now
          </Title>
          {deal.data.allowed.length === 0 ? (
            <Text c="dimmed">Nothing you may send in this state.</Text>
          ) : (
            <Accordion variant="separated" data-testid="commands">
              {deal.data.allowed.map((command) => {
                const form = forms.get(command);
                return (
                  <Accordion.Item key={command} value={command}>
                    <Accordion.Control>{words(command)}</Accordion.Control>
                    <Accordion.Panel>
                      {form ? (
                        <CommandFormView
                          form={form}
                          dealId={id}
                          currency={currency}
                          defaults={{
                            ...(openGate ? { ':gate': openGate } : {}),
                            ...(myRole ? { role: myRole } : {}),
                          }}
                          send={async (path, body) => {
                            await api.post(path, body);
                          }}
                          onSent={refresh}
                        />
                      ) : (
                        <Text c="dimmed" size="sm">
                          {doc ? 'The api document has no form for this command.' : 'Loading forms…'}
                        </Text>
                      )}
                    </Accordion.Panel>
                  </Accordion.Item>
                );
              })}
            </Accordion>
          )}
        </>
      )}
      <Title order={3} size="h4">
        Gate rounds
      </Title>
      <Failed error={gates.error} />
      {gates.data && <GateRounds rounds={gates.data.rounds} />}
      <Title order={3} size="h4">
        Timeline
      </Title>
      <Failed error={timeline.error} />
      <TimelineTable entries={entries} upTo={index} />
    </Stack>
  );
}

// Forms need the document; start fetching it as soon as this module loads.
void loadDocument().catch(() => undefined);
