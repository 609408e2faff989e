import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { type FormEvent, Fragment, useState } from 'react';
import { words } from '../format/words';
import {
  type CommandForm,
  type Field,
  type Values,
  buildRequest,
  errorsAtFields,
  initialValues,
} from './command-form.model';

export type Send = (path: string, body: Record<string, unknown>) => Promise<void>;

type Props = Readonly<{
  form: CommandForm;
  dealId: string;
  currency: string;
  defaults?: Values;
  send: Send;
  onSent?: () => void;
}>;

/** A command's form generated from its request schema; errors appear at the field they concern. */
export function CommandFormView({ form, dealId, currency, defaults, send, onSent }: Props) {
  const [values, setValues] = useState<Values>(() => initialValues(form, currency, defaults));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  const id = (field: Field) => `${form.command}-${field.name.replace(/[^A-Za-z0-9]/g, '-')}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const built = buildRequest(form, dealId, values);
    if (!built.ok) return setErrors(built.errors);
    setErrors({});
    setBusy(true);
    try {
      await send(built.path, built.body);
      setSent(true);
      onSent?.();
    } catch (error) {
      const body = (error as { body?: object }).body ?? { message: String(error) };
      setErrors(errorsAtFields(form, body));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field) => {
    const common = {
      id: id(field),
      name: field.name,
      label: field.label,
      description: field.description,
      required: field.required,
      error: errors[field.name],
    };
    const value = values[field.name];
    const text = typeof value === 'string' ? value : '';
    switch (field.kind) {
      case 'boolean':
        return (
          <Checkbox
            {...common}
            checked={value === true}
            onChange={(e) => set(field.name, e.currentTarget.checked)}
          />
        );
      case 'select':
        return (
          <NativeSelect
            {...common}
            value={text}
            data={[
              ...(field.required ? [] : [{ value: '', label: '—' }]),
              ...field.options.map((o) => ({ value: o, label: words(o) })),
            ]}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      case 'textarea':
        return (
          <Textarea
            {...common}
            autosize
            minRows={2}
            maxLength={field.maxLength}
            value={text}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      case 'money':
        return (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              {...common}
              inputMode="decimal"
              placeholder="1200.50"
              style={{ flex: 1 }}
              value={text}
              onChange={(e) => set(field.name, e.currentTarget.value)}
            />
            <TextInput
              id={`${id(field)}-currency`}
              name={`${field.name}#currency`}
              label="Currency"
              w={90}
              maxLength={3}
              value={String(values[`${field.name}#currency`] ?? '')}
              onChange={(e) => set(`${field.name}#currency`, e.currentTarget.value.toUpperCase())}
            />
          </Group>
        );
      case 'number':
        return (
          <TextInput
            {...common}
            inputMode="decimal"
            value={text}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      case 'date':
        return (
          <TextInput
            {...common}
            type="date"
            value={text}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      case 'datetime':
        return (
          <TextInput
            {...common}
            type="datetime-local"
            value={text}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      default:
        return (
          <TextInput
            {...common}
            maxLength={field.maxLength}
            value={text}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={words(form.command)}
      data-command={form.command}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {form.summary}
        </Text>
        {[...form.pathFields, ...form.fields].map((field) => (
          <Fragment key={field.name}>{input(field)}</Fragment>
        ))}
        {errors['form'] && (
          <Alert color="red" role="alert" data-testid="form-error">
            {errors['form']}
          </Alert>
        )}
        {sent && (
          <Text size="sm" c="green" role="status">
            Sent.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {words(form.command)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
