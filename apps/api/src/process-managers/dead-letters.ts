import type { Position } from '@ltc/event-store';
import { readJsonFile, writeJsonFile } from './json-file';

/** A reaction that failed on an event, kept until a retry succeeds. */
export type DeadLetter = Readonly<{
  /** `<reaction>:<event id>`: one letter per reaction and event. */
  id: string;
  reaction: string;
  event: Readonly<{ id: string; type: string; streamId: string; revision: number; position: Position }>;
  /** Attempts so far, the in-line retries of each run included. */
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  /** The last failure: the error's code (a refusal's rule) and message. */
  error: string;
}>;

export const deadLetterId = (reaction: string, eventId: string): string => `${reaction}:${eventId}`;

/** The dead letters of the process managers, oldest first; they outlive a restart. */
export interface DeadLetterStore {
  all(): readonly DeadLetter[];
  put(letter: DeadLetter): void;
  remove(id: string): void;
}

/** For the memory event store, whose log starts empty at every start. */
export class MemoryDeadLetterStore implements DeadLetterStore {
  protected letters: DeadLetter[] = [];

  all(): readonly DeadLetter[] {
    return this.letters;
  }

  put(letter: DeadLetter): void {
    const at = this.letters.findIndex((l) => l.id === letter.id);
    this.letters = at < 0 ? [...this.letters, letter] : this.letters.with(at, letter);
    this.saved();
  }

  remove(id: string): void {
    const kept = this.letters.filter((l) => l.id !== id);
    if (kept.length === this.letters.length) return;
    this.letters = kept;
    this.saved();
  }

  protected saved(): void {}
}

/** The letters in a JSON file beside the process managers' checkpoint, replaced atomically on each change. */
export class FileDeadLetterStore extends MemoryDeadLetterStore {
  constructor(private readonly file: string) {
    super();
    this.letters = readJsonFile<{ letters: DeadLetter[] }>(file)?.letters ?? [];
  }

  protected override saved(): void {
    writeJsonFile(this.file, { letters: this.letters });
  }
}
