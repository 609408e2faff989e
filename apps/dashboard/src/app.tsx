import { useCallback, useMemo, useState } from 'react';
import { Api } from './api/client';
import type { Session } from './api/types';
import { Shell } from './layout/shell';
import { SignedContext } from './session/api-context';
import { forgetKey, storedKey } from './session/session';
import { SignIn } from './session/sign-in.page';

/** Signed in (a key in session storage that the api knows) or the sign-in page. */
export function App() {
  const [signed, setSigned] = useState<{ key: string; me: Session } | null>(null);
  const [key, setKey] = useState(storedKey);
  const signOut = useCallback(() => {
    forgetKey();
    setKey(null);
    setSigned(null);
  }, []);
  const value = useMemo(
    () => (signed === null ? null : { api: new Api(signed.key, signOut), me: signed.me, signOut }),
    [signed, signOut],
  );
  if (value === null) return <SignIn storedKey={key} onSignedIn={(k, me) => setSigned({ key: k, me })} />;
  return (
    <SignedContext.Provider value={value}>
      <Shell />
    </SignedContext.Provider>
  );
}
