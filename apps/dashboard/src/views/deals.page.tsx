import { Anchor, Badge, SegmentedControl, Stack, Table, TextInput } from '@mantine/core';
import { Link } from 'wouter';
import type { DealList } from '../api/types';
import { formatMoney } from '../format/money';
import { stageName } from '../format/words';
import { useFilters } from '../layout/filters';
import { Failed, Loading, ViewTitle } from '../layout/parts';
import { useSigned } from '../session/api-context';
import { useLoad } from '../session/use-load';

/** The deals this user may see (`GET /api/opportunities` or `/api/contracts`), each linking to its page. */
export function DealsPage() {
  const { api } = useSigned();
  const [values, set] = useFilters();
  const kind = values['kind'] === 'contracts' ? 'contracts' : 'opportunities';
  const person = values['person'] ?? '';
  const { data, error, loading } = useLoad(
    () => api.get<DealList>(`/api/${kind}`, { limit: 500, person }),
    `${kind}/${person}`,
  );
  return (
    <Stack gap="md">
      <ViewTitle title="Deals">
        <Loading when={loading} />
      </ViewTitle>
      <SegmentedControl
        aria-label="Kind"
        w="fit-content"
        value={kind}
        onChange={(v) => set('kind', v)}
        data={[
          { value: 'opportunities', label: 'Opportunities' },
          { value: 'contracts', label: 'Contracts' },
        ]}
      />
      <TextInput
        label="Person (owner or in the triangle)"
        w={260}
        size="xs"
        value={person}
        onChange={(e) => set('person', e.currentTarget.value)}
      />
      <Failed error={error} />
      {data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover data-testid="deal-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Deal</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/deals/${kind}/${d.id}`}>
                      {d.context.name ?? d.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{stageName(d.state)}</Badge>
                  </Table.Td>
                  <Table.Td>{d.context.customerId ?? '—'}</Table.Td>
                  <Table.Td>{d.context.owner ?? '—'}</Table.Td>
                  <Table.Td ta="right">{d.context.amount ? formatMoney(d.context.amount) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
