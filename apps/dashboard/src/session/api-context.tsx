import { createContext, useContext } from 'react';
import type { Api } from '../api/client';
import type { Session } from '../api/types';

export type Signed = Readonly<{ api: Api; me: Session; signOut: () => void }>;

export const SignedContext = createContext<Signed | null>(null);

/** The signed-in user's api client and session (only inside the signed-in shell). */
export function useSigned(): Signed {
  const signed = useContext(SignedContext);
  if (signed === null) throw new Error('useSigned outside the signed-in shell');
  return signed;
}
