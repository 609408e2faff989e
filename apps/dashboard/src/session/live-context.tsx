import { createContext, useContext, useEffect, useState } from 'react';
import { followFeed } from '../api/live';

export type Live = Readonly<{ tick: number; connected: boolean }>;

export const LiveContext = createContext<Live>({ tick: 0, connected: false });

/** A number that grows when the read models commit a batch (the SSE feed), at most every 1.5 s. */
export function useLiveFeed(headers: Record<string, string>): Live {
  const [live, setLive] = useState<Live>({ tick: 0, connected: false });
  const auth = headers['Authorization'];
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = followFeed(auth === undefined ? {} : { Authorization: auth }, () => {
      setLive((l) => (l.connected ? l : { ...l, connected: true }));
      timer ??= setTimeout(() => {
        timer = undefined;
        setLive((l) => ({ tick: l.tick + 1, connected: true }));
      }, 1500);
    });
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [auth]);
  return live;
}

export const useLive = (): Live => useContext(LiveContext);
