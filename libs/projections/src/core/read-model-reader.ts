import { DomainError } from '@ltc/domain';
import type { Database } from 'better-sqlite3';
import { Generations, type Generation } from '../store/generations';
import type { ReadModelStore } from '../store/read-model-store';
import { tableNames, type Projection, type TableNames } from './projection';

/** No generation of this projection serves yet (the first build is still running). */
export class ProjectionNotReadyError extends DomainError {
  readonly code = 'PROJECTION_NOT_READY';
  constructor(
    readonly projection: string,
    reason: string,
  ) {
    super(`read model ${projection} is not ready: ${reason}; try again shortly`);
  }
}

/** The serving tables of one projection, for its queries (live file or as-of replay alike). */
export type OpenReadModel<T extends string> = Readonly<{
  db: Database;
  t: TableNames<T>;
  generation: Generation;
}>;

export function openReadModel<T extends string>(
  readModels: ReadModelStore,
  projection: Projection<T, unknown>,
): OpenReadModel<T> {
  const serving = new Generations(readModels.db).serving(projection.name);
  if (serving === undefined) throw new ProjectionNotReadyError(projection.name, 'its first build is running');
  if (
    serving.version !== projection.version &&
    !(projection.compatibleWith ?? []).includes(serving.version)
  ) {
    throw new ProjectionNotReadyError(
      projection.name,
      `version ${serving.version} serves and version ${projection.version} is still being built`,
    );
  }
  return { db: readModels.db, t: tableNames(projection, serving.generation), generation: serving };
}
