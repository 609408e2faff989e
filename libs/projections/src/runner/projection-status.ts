import type { Position } from '@ltc/event-store';
import type { GenerationStatus } from '../store/generations';

/** One generation as `/health`, `/api/projections` and `ltc projections status` show it. */
export type ProjectionStatus = Readonly<{
  name: string;
  version: number;
  generation: number;
  status: GenerationStatus;
  position: Position | null;
  head: Position | null;
  /** Positions behind the head (events, for SQLite and memory); null where the store cannot count them. */
  lag: number | null;
  caughtUp: boolean;
  events: number;
  /** Events the machine refused while folding (a log it did not write): counted, state left unchanged. */
  errors: number;
  owner: string | null;
}>;

/** What the live feed sends after each committed batch or promotion. */
export type ProjectionUpdate = Readonly<{
  kind: 'batch' | 'promoted';
  name: string;
  version: number;
  generation: number;
  status: GenerationStatus;
  position: Position | null;
  /** Events of this batch the projection handled. */
  events: number;
  at: string;
}>;
