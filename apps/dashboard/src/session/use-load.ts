import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useLive } from './live-context';

export type Loaded<T> = Readonly<{
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}>;

/**
 * Loads with `load` whenever `key` changes, and again when the live feed ticks if `live` (a view as of a
 * past moment does not move). Keeps the last answer while reloading, so the page does not flicker.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, live = true): Loaded<T> {
  const { tick } = useLive();
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [again, setAgain] = useState(0);
  const liveTick = live ? tick : 0;
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          loading: false,
          error: error instanceof ApiError ? `${error.status}: ${error.message}` : String(error),
        }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` names what it loads.
  }, [key, liveTick, again]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: () => setAgain((n) => n + 1),
  };
}
