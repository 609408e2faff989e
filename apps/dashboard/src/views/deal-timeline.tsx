import { Badge, Code, Table, Text, Tooltip } from '@mantine/core';
import type { GateRound, TimelineEntry } from '../api/types';
import { formatDate } from '../format/dates';
import { stageName, words } from '../format/words';

const short = (id: string | null) => (id === null ? '—' : id.slice(0, 8));

/** Every event of the deal: when, what, who (with their roles), which command, caused by which event. */
export function TimelineTable({
  entries,
  upTo,
}: Readonly<{ entries: readonly TimelineEntry[]; upTo: number }>) {
  const ids = new Map(entries.map((e) => [e.id, e]));
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table data-testid="timeline" aria-label="Timeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Actor (roles)</Table.Th>
            <Table.Th>Command</Table.Th>
            <Table.Th>Caused by</Table.Th>
            <Table.Th>State after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e, i) => (
            <Table.Tr
              key={e.id}
              id={`event-${e.id}`}
              opacity={i > upTo ? 0.35 : 1}
              data-revision={e.revision}
            >
              <Table.Td>{e.revision}</Table.Td>
              <Table.Td>{formatDate(e.occurredAt)}</Table.Td>
              <Table.Td>
                <Tooltip label={<Code block>{JSON.stringify(e.data, null, 2)}</Code>} multiline maw={420}>
                  <Text size="sm" span tabIndex={0}>
                    {words(e.type)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {e.actor}{' '}
                <Text span c="dimmed" size="xs">
                  ({e.actorRoles.join(', ') || '—'})
                </Text>
              </Table.Td>
              <Table.Td>{e.commandType ? words(e.commandType) : '—'}</Table.Td>
              <Table.Td>
                {e.causationId === null ? (
                  '—'
                ) : (
                  <Text span size="xs" ff="monospace" title={e.causationId}>
                    {ids.has(e.causationId) ? `#${ids.get(e.causationId)?.revision}` : short(e.causationId)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm">
                  {stageName(e.stateAfter)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const DECISION_COLOR: Record<string, string> = { approve: 'green', reject: 'red' };

/** Each review round of each gate with every vote cast in it. */
export function GateRounds({ rounds }: Readonly<{ rounds: readonly GateRound[] }>) {
  if (rounds.length === 0) return <Text c="dimmed">No gate review yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="gate-rounds" aria-label="Gate rounds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Gate</Table.Th>
            <Table.Th>Round</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Votes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((r) => (
            <Table.Tr key={`${r.gate}-${r.round}`} data-gate={r.gate} data-round={r.round}>
              <Table.Td>{words(r.gate)}</Table.Td>
              <Table.Td>
                {r.round}{' '}
                <Text span c="dimmed" size="xs">
                  requested by {r.requestedBy} {formatDate(r.requestedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={r.outcome === 'passed' ? 'green' : r.outcome === 'open' ? 'blue' : 'red'}>
                  {words(r.outcome)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.votes.map((v) => (
                  <Text
                    key={`${v.role}-${v.voter}`}
                    size="sm"
                    data-vote={`${v.role}:${v.voter}:${v.decision}`}
                  >
                    <Badge size="xs" color={DECISION_COLOR[v.decision] ?? 'gray'} mr={4}>
                      {v.decision}
                    </Badge>
                    {v.role} {v.voter}
                    {v.reason ? ` — ${v.reason}` : ''}
                  </Text>
                ))}
                {r.outcome === 'open' &&
                  r.policy.requiredRoles
                    .filter((role) => !r.votes.some((v) => v.role === role))
                    .map((role) => (
                      <Text key={role} size="sm" c="dimmed">
                        {role}: awaiting vote
                      </Text>
                    ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
