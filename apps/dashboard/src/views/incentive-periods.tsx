import { Alert, Badge, Button, Card, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { IncentivePeriodView } from '../api/types';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';
import { periodsBetween } from './incentives.model';

type Props = Readonly<{ planId: string; from: string; to: string; onClosed: () => void }>;

/**
 * The plan's periods from its first to the one after the period shown, each open, closed or not opened;
 * _Close_ (for those who may: `allowed` names it) asks to confirm, then sends `CloseIncentivePeriod` and
 * shows the api's refusal if it refuses.
 */
export function IncentivePeriods({ planId, from, to, onClosed }: Props) {
  const { api } = useSigned();
  const periods = periodsBetween(from, to);
  const { data, reload } = useLoad(
    () =>
      Promise.all(
        periods.map((period) =>
          api
            .get<IncentivePeriodView>(`/api/incentives/periods/${encodeURIComponent(`${planId}.${period}`)}`)
            .catch((error: unknown) => {
              if (error instanceof ApiError && error.status === 404)
                return { period, notOpened: true as const };
              throw error;
            }),
        ),
      ),
    `${planId}:${from}:${to}`,
  );
  const [confirm, setConfirm] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const close = async (period: string) => {
    setSending(true);
    try {
      await api.post(`/api/incentives/periods/${encodeURIComponent(`${planId}.${period}`)}/close`, {});
      setResult({ ok: true, text: `${period} closed: its statements are frozen.` });
      onClosed();
    } catch (error) {
      setResult({
        ok: false,
        text: error instanceof ApiError ? `${period}: ${error.status} ${error.message}` : String(error),
      });
    } finally {
      setSending(false);
      setConfirm(null);
      reload();
    }
  };
  return (
    <Card withBorder data-testid="periods">
      <Title order={3} size="h5" mb="xs">
        Periods of {planId}
      </Title>
      {result && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          title={result.ok ? 'Closed' : 'The api refused'}
          role={result.ok ? 'status' : 'alert'}
          mb="xs"
          withCloseButton
          onClose={() => setResult(null)}
          data-testid="close-result"
        >
          {result.text}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={260}>
        <Table aria-label="Periods">
          <Table.Tbody>
            {(data ?? []).map((p) =>
              'notOpened' in p ? (
                <Table.Tr key={p.period} data-period={p.period}>
                  <Table.Td>{p.period}</Table.Td>
                  <Table.Td>
                    <Badge color="gray" variant="outline">
                      not opened
                    </Badge>
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              ) : (
                <Table.Tr key={p.id} data-period={p.context.period}>
                  <Table.Td>{p.context.period}</Table.Td>
                  <Table.Td>
                    <Badge color={p.state === 'open' ? 'green' : 'gray'}>
                      {p.state}
                      {p.context.closedBy ? ` by ${p.context.closedBy}` : ''}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {p.state === 'open' && (
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="light"
                        disabled={!p.allowed.includes('CloseIncentivePeriod')}
                        title={
                          p.allowed.includes('CloseIncentivePeriod')
                            ? undefined
                            : 'sales operations or a manager of the plan’s people close periods'
                        }
                        onClick={() => setConfirm(p.context.period)}
                        aria-label={`Close ${p.context.period}`}
                      >
                        Close
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={`Close ${confirm ?? ''}?`}>
        <Text size="sm" mb="md">
          Closing freezes every statement of {confirm} in {planId} at this moment of the log; it cannot be
          reopened. Later changes to it are paid as adjustments in the next open period.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(null)}>
            Cancel
          </Button>
          <Button color="red" loading={sending} onClick={() => confirm && void close(confirm)}>
            Close the period
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
