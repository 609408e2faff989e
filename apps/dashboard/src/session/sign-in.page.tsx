import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Api, ApiError } from '../api/client';
import type { Session } from '../api/types';
import { forgetKey, storeKey } from './session';

type Props = Readonly<{ storedKey: string | null; onSignedIn: (key: string, me: Session) => void }>;

/** Sign in with an API key (`ltc users add …` prints one); the key is checked against `GET /api/session`. */
export function SignIn({ storedKey, onSignedIn }: Props) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(storedKey !== null);

  const check = async (candidate: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const me = await new Api(candidate).get<Session>('/api/session');
      storeKey(candidate);
      onSignedIn(candidate, me);
    } catch (e) {
      forgetKey();
      setError(e instanceof ApiError && e.status === 401 ? 'This API key is unknown or revoked.' : String(e));
      setBusy(false);
    }
  };

  useEffect(() => {
    if (storedKey !== null) void check(storedKey);
    // once, for the key kept from earlier in this tab
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() === '') setError('Enter your API key.');
    else void check(key.trim());
  };

  return (
    <Center mih="100vh" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Title order={1} size="h2">
            LTC dashboard
          </Title>
          <Text c="dimmed" size="sm">
            Sign in with your API key. An administrator creates one with <code>npm run ltc -- users add</code>
            .
          </Text>
          <PasswordInput
            label="API key"
            name="apiKey"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={error}
            data-autofocus
            autoFocus
          />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          {storedKey !== null && busy && <Alert color="gray">Checking the key of this tab…</Alert>}
        </Stack>
      </Paper>
    </Center>
  );
}
