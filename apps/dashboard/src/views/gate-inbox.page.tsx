import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import type { DealList } from '../api/types';
import { formatMoney } from '../format/money';
import { words } from '../format/words';
import { Failed, Loading, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { type Awaiting, awaitingMyVote } from './gate-inbox.model';

function VoteCard({ item, onVoted }: Readonly<{ item: Awaiting; onVoted: () => void }>) {
  const { api } = useSigned();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const vote = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.trim() === '') return setError('a reason is required to reject');
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/${item.kind}/${encodeURIComponent(item.deal.id)}/gates/${item.gate}/votes`, {
        role: item.role,
        decision,
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      });
      onVoted();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? (e.body.errors?.map((f) => f.messages.join('; ')).join('; ') ?? e.message)
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  };
  const amount = item.deal.context.amount;
  return (
    <Card withBorder data-testid="inbox-item" data-deal={item.deal.id} data-gate={item.gate}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Anchor component={Link} href={`/deals/${item.kind}/${item.deal.id}`} fw={600}>
          {item.deal.context.name ?? item.deal.id}
        </Anchor>
        <Group gap="xs">
          <Badge>{words(item.gate)}</Badge>
          <Badge variant="light">round {item.round}</Badge>
          <Badge variant="outline">as {item.role}</Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {amount ? formatMoney(amount) : ''} · votes so far:{' '}
        {item.votes.length === 0
          ? 'none'
          : item.votes.map((v) => `${v.role} ${v.voter} ${v.decision}`).join(', ')}
      </Text>
      <Textarea
        label="Reason (required to reject)"
        autosize
        minRows={1}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={error}
      />
      <Group mt="sm">
        <Button color="green" loading={busy} onClick={() => void vote('approve')}>
          Approve
        </Button>
        <Button color="red" variant="light" loading={busy} onClick={() => void vote('reject')}>
          Reject
        </Button>
      </Group>
    </Card>
  );
}

/** Review rounds awaiting my vote: the deals I work on whose open round needs a role I hold. */
export function GateInboxPage() {
  const { api, me } = useSigned();
  const deals = useLoad(async () => {
    const [opportunities, contracts] = await Promise.all([
      api.get<DealList>('/api/opportunities', { person: me.id, limit: 500 }),
      api.get<DealList>('/api/contracts', { person: me.id, limit: 500 }),
    ]);
    return [...opportunities.items, ...contracts.items];
  }, me.id);
  const items = awaitingMyVote(deals.data ?? [], me.id);
  return (
    <Stack gap="md">
      <ViewTitle title="Gate inbox">
        <Loading when={deals.loading} />
      </ViewTitle>
      <Failed error={deals.error} />
      {deals.data && items.length === 0 && <Text c="dimmed">Nothing awaits your vote.</Text>}
      {items.map((item) => (
        <VoteCard
          key={`${item.deal.streamId}-${item.gate}-${item.round}-${item.role}`}
          item={item}
          onVoted={deals.reload}
        />
      ))}
    </Stack>
  );
}
