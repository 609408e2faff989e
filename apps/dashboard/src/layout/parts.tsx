import { Alert, Badge, Card, Group, Loader, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AsOf } from '../api/types';
import { formatDate } from '../format/dates';

/** A view's title with what moment its numbers are as of. */
export function ViewTitle({
  title,
  asOf,
  children,
}: Readonly<{ title: string; asOf?: AsOf; children?: ReactNode }>) {
  return (
    <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
      <Title order={2}>{title}</Title>
      <Group gap="xs">
        {children}
        {asOf && (
          <Badge variant="light" color={asOf.live ? 'green' : 'grape'} size="lg" data-testid="as-of">
            {asOf.live ? 'live' : 'as of'} {formatDate(asOf.instant)}
          </Badge>
        )}
      </Group>
    </Group>
  );
}

export function Failed({ error }: Readonly<{ error: string | undefined }>) {
  return error === undefined ? null : (
    <Alert color="red" title="The api refused" my="sm" role="alert">
      {error}
    </Alert>
  );
}

export function Loading({ when }: Readonly<{ when: boolean }>) {
  return when ? <Loader size="sm" aria-label="loading" /> : null;
}

/** A headline number. */
export function Stat({
  label,
  value,
  testId,
}: Readonly<{ label: string; value: ReactNode; testId?: string }>) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
