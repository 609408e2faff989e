import { Badge, Button, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { DealList, DealView } from '../api/types';
import { daysSince, formatDate } from '../format/dates';
import { Failed, Loading, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';

/** How warm a customer is: days since the last touch (or since it became ours, if never touched). */
export function temperature(customer: DealView, now: Date): { days: number | null; color: string } {
  const since = customer.context.lastTouchAt ?? customer.context.ownedSince ?? null;
  if (since === null) return { days: null, color: 'gray' };
  const days = daysSince(since, now);
  return { days, color: days <= 7 ? 'green' : days <= 21 ? 'yellow' : 'red' };
}

/** My private pool with the temperature of each customer, and the public pool to claim from. */
export function CustomersPage() {
  const { api, me } = useSigned();
  const mine = useLoad(
    () => api.get<DealList>('/api/customers', { state: 'owned', person: me.id, limit: 500 }),
    `owned/${me.id}`,
  );
  const pool = useLoad(
    () => api.get<DealList>('/api/customers', { state: 'publicPool', limit: 500 }),
    'publicPool',
  );
  const [claimError, setClaimError] = useState<string>();
  const now = new Date();
  const claim = async (id: string) => {
    setClaimError(undefined);
    try {
      await api.post(`/api/customers/${encodeURIComponent(id)}/claim`, {});
      mine.reload();
      pool.reload();
    } catch (e) {
      setClaimError(e instanceof ApiError ? `${id}: ${e.message}` : String(e));
    }
  };
  const sorted = [...(mine.data?.items ?? [])].sort(
    (a, b) => (temperature(b, now).days ?? -1) - (temperature(a, now).days ?? -1),
  );
  return (
    <Stack gap="md">
      <ViewTitle title="Customers">
        <Loading when={mine.loading || pool.loading} />
      </ViewTitle>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Title order={3} size="h4" mb="xs">
            My private pool ({mine.data?.total ?? '…'})
          </Title>
          <Failed error={mine.error} />
          {mine.data?.items.length === 0 && <Text c="dimmed">No customer in your private pool.</Text>}
          <Table.ScrollContainer minWidth={480}>
            <Table data-testid="private-pool" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Segment</Table.Th>
                  <Table.Th>Last touch</Table.Th>
                  <Table.Th ta="right">Days since</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((c) => {
                  const t = temperature(c, now);
                  return (
                    <Table.Tr key={c.id} data-customer={c.id}>
                      <Table.Td>{String(c.context.name ?? c.id)}</Table.Td>
                      <Table.Td>{c.context.segment ?? '—'}</Table.Td>
                      <Table.Td>
                        {c.context.lastTouchAt ? formatDate(c.context.lastTouchAt) : 'never'}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Badge color={t.color} variant="light" tt="none" data-testid="days-since">
                          {t.days === null ? '—' : `${t.days} d`}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Title order={3} size="h4" mb="xs">
            Public pool ({pool.data?.total ?? '…'})
          </Title>
          <Failed error={pool.error ?? claimError} />
          {pool.data?.items.length === 0 && <Text c="dimmed">The public pool is empty.</Text>}
          <Table data-testid="public-pool">
            <Table.Tbody>
              {(pool.data?.items ?? []).map((c) => (
                <Table.Tr key={c.id} data-customer={c.id}>
                  <Table.Td>{String(c.context.name ?? c.id)}</Table.Td>
                  <Table.Td>{c.context.segment ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      onClick={() => void claim(c.id)}
                      disabled={!c.allowed.includes('ClaimCustomer')}
                    >
                      Claim
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
