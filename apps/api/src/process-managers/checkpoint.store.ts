import { asPosition, type Position } from '@ltc/event-store';
import { readJsonFile, writeJsonFile } from './json-file';

/** Where a subscriber resumes after a restart. */
export interface CheckpointStore {
  read(): Position | undefined;
  write(position: Position): void;
}

/** For the memory store: its log starts empty at every start, so must its checkpoint. */
export class MemoryCheckpointStore implements CheckpointStore {
  private position: Position | undefined;
  read(): Position | undefined {
    return this.position;
  }
  write(position: Position): void {
    this.position = position;
  }
}

/**
 * A checkpoint in a small JSON file beside the data, replaced atomically. Reactions are idempotent by
 * command id, so a crash between a reaction and its checkpoint repeats the reaction harmlessly.
 */
export class FileCheckpointStore implements CheckpointStore {
  constructor(private readonly file: string) {}

  read(): Position | undefined {
    const position = readJsonFile<{ position?: string }>(this.file)?.position;
    return position === undefined ? undefined : asPosition(position);
  }

  write(position: Position): void {
    writeJsonFile(this.file, { position });
  }
}
