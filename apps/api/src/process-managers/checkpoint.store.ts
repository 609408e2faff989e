import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { asPosition, type Position } from '@ltc/event-store';

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
    if (!existsSync(this.file)) return undefined;
    const { position } = JSON.parse(readFileSync(this.file, 'utf8')) as { position?: string };
    return position === undefined ? undefined : asPosition(position);
  }

  write(position: Position): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ position }));
    renameSync(temp, this.file);
  }
}
