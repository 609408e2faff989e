import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useSearchParams } from 'wouter';

/** A view's filters live in the URL query, so a link shows the same numbers. */
export function useFilters(): [Record<string, string>, (name: string, value: string) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(params.entries());
  const set = (name: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === '') next.delete(name);
      else next.set(name, value);
      return next;
    });
  return [values, set, () => setParams(new URLSearchParams())];
}

/** `datetime-local` text (local time) to the ISO instant the api takes, and back. */
export const localToIso = (local: string): string => (local === '' ? '' : new Date(local).toISOString());
export const isoToLocal = (iso: string | undefined): string => {
  if (iso === undefined || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

type Props = Readonly<{
  values: Record<string, string>;
  set: (name: string, value: string) => void;
  clear: () => void;
  /** The api's read models answer `knownAt` (what was known then) once the document lists it. */
  knownAt: boolean;
  /** The filters the view's api takes (default all of them). */
  only?: readonly string[];
}>;

/** Team, owner, segment, customer type, period, and the time travel pickers (as of, known at). */
export function DealFilters({ values, set, clear, knownAt, only }: Props) {
  const shown = (name: string) => only === undefined || only.includes(name);
  const text = (name: string, label: string, type = 'text') =>
    shown(name) && (
      <TextInput
        label={label}
        name={name}
        type={type}
        size="xs"
        w={type === 'datetime-local' ? 190 : 140}
        value={type === 'datetime-local' ? isoToLocal(values[name]) : (values[name] ?? '')}
        onChange={(e) =>
          set(name, type === 'datetime-local' ? localToIso(e.currentTarget.value) : e.currentTarget.value)
        }
      />
    );
  const select = (name: string, label: string, options: string[]) =>
    shown(name) && (
      <NativeSelect
        label={label}
        name={name}
        size="xs"
        w={130}
        value={values[name] ?? ''}
        data={[{ value: '', label: 'all' }, ...options.map((o) => ({ value: o, label: o }))]}
        onChange={(e) => set(name, e.currentTarget.value)}
      />
    );
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label="Filters">
      {text('team', 'Team')}
      {text('owner', 'Owner')}
      {select('segment', 'Segment', ['strategic', 'ordinary'])}
      {select('customerType', 'Customer type', ['new', 'existing'])}
      {text('from', 'From', 'date')}
      {text('to', 'To (excl.)', 'date')}
      {text('asOf', 'As of', 'datetime-local')}
      {knownAt && text('knownAt', 'Known at', 'datetime-local')}
      <Button variant="default" size="xs" onClick={clear}>
        Reset
      </Button>
    </Group>
  );
}
