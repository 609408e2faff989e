import type { SimulatedClock } from './simulated-clock';

/**
 * A journey is a story told in order: it sends its commands and yields the instant (ms) at which it
 * wants to go on. The agenda resumes every journey at its instant, one at a time, earliest first.
 */
export type Journey = AsyncGenerator<number, void, void> | Generator<number, void, void>;

type Entry = { at: number; seq: number; name: string; journey: Journey };

export type JourneyFailure = Readonly<{ journey: string; at: string; error: string }>;

/**
 * The calendar of the simulated history: a priority queue of journeys by instant (ties in the order
 * they were scheduled, so a run is deterministic). Before the clock moves forward it waits for the
 * engine to settle, so process managers react at the same simulated instant as the fact they follow.
 */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;
  readonly failures: JourneyFailure[] = [];
  private resumed = 0;

  constructor(private readonly clock: SimulatedClock) {}

  /** Starts `journey` at `at` (not before now). */
  spawn(name: string, at: number, journey: Journey): void {
    this.push({ at: Math.max(at, this.clock.ms), seq: this.seq++, name, journey });
  }

  get steps(): number {
    return this.resumed;
  }

  /** Runs every journey step due before `until`; what is due later stays undone (deals in flight). */
  async run(
    until: number,
    beforeTimeMoves: () => Promise<void>,
    onDay?: (day: number) => void,
  ): Promise<void> {
    let day = Math.floor(this.clock.ms / 86_400_000);
    for (let next = this.pop(); next !== undefined && next.at < until; next = this.pop()) {
      if (next.at > this.clock.ms) {
        await beforeTimeMoves();
        this.clock.moveTo(next.at);
        const today = Math.floor(next.at / 86_400_000);
        if (today !== day) onDay?.((day = today));
      }
      this.resumed++;
      let step: IteratorResult<number, void>;
      try {
        step = await next.journey.next();
      } catch (error) {
        this.failures.push({
          journey: next.name,
          at: this.clock.now(),
          error: error instanceof Error ? error.message : String(error),
        });
        continue;
      }
      if (step.done !== true)
        this.push({ ...next, at: Math.max(step.value, this.clock.ms), seq: this.seq++ });
    }
    await beforeTimeMoves();
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
    return top;
  }
}

const before = (a: Entry, b: Entry): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
