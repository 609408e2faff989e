import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { SqlStatement, SqlWriter } from './sql-writer';

export type ThreadSqlWriterOptions = Readonly<{
  /** The read-model database file (not `:memory:`: a thread cannot share an in-memory database). */
  file: string;
  /** The caller's own connection to that file: statements are prepared there too, to fail at once. */
  db: Database;
  busyTimeoutMs?: number;
  /** How long a commit may take before the thread counts as lost (default: busy timeout + 60 s). */
  answerTimeoutMs?: number;
}>;

/** Statements run so far, flat: statement id, parameter count, the parameters; one message per batch. */
type Ops = unknown[];

type Reply = Readonly<{ seq: number; ok: boolean; message?: string; code?: string }>;

/**
 * The worker thread's whole program: plain JavaScript, so it runs the same from compiled code and from
 * TypeScript under Jest. It opens its own connection to the file and runs what it is sent, in order.
 * After a failed statement it rolls back at once and ignores the rest of that transaction until the
 * caller's commit (answered with that failure) or rollback. Nothing here may throw out of a handler.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const flag = new Int32Array(workerData.signal);
const replies = workerData.replies;
const sqls = [];
const statements = [];
let db;
let failure = null;
try {
  const Database = require(workerData.sqlite);
  db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
} catch (error) {
  failure = error;
}
function fail(error) {
  if (failure === null) failure = error;
  try { if (db !== undefined && db.inTransaction) db.exec('ROLLBACK'); } catch {}
}
function statement(id) {
  let found = statements[id];
  if (found === undefined) found = statements[id] = db.prepare(sqls[id]);
  return found;
}
function reply(seq, error) {
  replies.postMessage(error === null
    ? { seq, ok: true }
    : { seq, ok: false, message: String((error && error.message) || error), code: error && error.code });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
parentPort.on('message', (m) => {
  if (m.t === 'prepare') {
    // Kept even while a transaction has failed: later transactions use it.
    sqls[m.id] = m.sql;
  } else if (m.t === 'ops') {
    if (failure !== null) return;
    try {
      if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
      const ops = m.ops;
      for (let i = 0; i < ops.length; ) {
        const n = ops[i + 1];
        statement(ops[i]).run(ops.slice(i + 2, i + 2 + n));
        i += 2 + n;
      }
    } catch (error) { fail(error); }
  } else if (m.t === 'commit') {
    if (failure === null) {
      try { if (db.inTransaction) db.exec('COMMIT'); } catch (error) { fail(error); }
    }
    const error = failure;
    if (db !== undefined) failure = null;
    reply(m.seq, error);
  } else if (m.t === 'rollback') {
    try { if (db !== undefined && db.inTransaction) db.exec('ROLLBACK'); } catch {}
    if (db !== undefined) failure = null;
    reply(m.seq, null);
  } else if (m.t === 'close') {
    try { if (db !== undefined) { if (db.inTransaction) db.exec('ROLLBACK'); db.close(); } } catch {}
    reply(m.seq, null);
  }
});
`;

/**
 * Runs the read-model writes in a worker thread with its own connection: the caller queues statements
 * and goes on (folding the next batch) while SQLite runs them on the other core. `commit` and `rollback`
 * wait for the thread, so when `commit` returns the rows and checkpoints are durable, and an error of any
 * statement since the last commit is thrown there (and nothing of that transaction is stored).
 *
 * The caller's connection must not write while a transaction is pending here (it would wait for this
 * thread's lock while this thread waits for the caller): commit first.
 *
 * A thread that does not answer in time, or that died, leaves the writer `broken`: every later call
 * throws, and the caller must not start another writer thread on the file while this one may still
 * hold its lock (the runner goes on with its own connection, which waits for that lock).
 */
export class ThreadSqlWriter implements SqlWriter {
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  private readonly flag: Int32Array;
  private readonly timeoutMs: number;
  private ops: Ops = [];
  private statements = 0;
  private seq = 0;
  private open = false;
  private closed = false;
  private ended: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(private readonly options: ThreadSqlWriterOptions) {
    if (options.file === ':memory:') throw new Error('a thread writer needs a database file');
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    this.replies = port1;
    const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    // A commit may wait for another process's write lock: give it that long and a minute more.
    this.timeoutMs = options.answerTimeoutMs ?? busyTimeoutMs + 60_000;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        sqlite: require.resolve('better-sqlite3'),
        file: options.file,
        busyTimeoutMs,
        signal,
        replies: port2,
      },
      transferList: [port2],
    });
    this.worker.unref();
    // Without these an error in the thread would end the whole process; the next call reports it.
    this.worker.on('error', (error) => this.break(error));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.break(new Error(`the read-model writer thread exited (${code})`));
    });
  }

  /** Why this writer can no longer be used, if it cannot. */
  get broken(): Error | undefined {
    return this.failure;
  }

  prepare(sql: string): SqlStatement {
    this.options.db.prepare(sql);
    const id = this.statements++;
    this.post({ t: 'prepare', id, sql });
    return {
      run: (...params: unknown[]) => {
        this.ops.push(id, params.length, ...params);
      },
    };
  }

  begin(): void {
    this.open = true;
  }

  get pending(): boolean {
    return this.open;
  }

  send(): void {
    if (this.ops.length === 0) return;
    this.open = true;
    this.post({ t: 'ops', ops: this.ops });
    this.ops = [];
  }

  commit(): void {
    if (!this.open && this.ops.length === 0) return;
    try {
      this.send();
    } finally {
      this.open = false;
    }
    const reply = this.call('commit');
    if (!reply.ok) throw Object.assign(new Error(reply.message), { code: reply.code });
  }

  rollback(): void {
    this.ops = [];
    if (!this.open) return;
    this.open = false;
    this.call('rollback');
  }

  /** Rolls back what was not committed, closes the thread's connection and ends the thread. */
  close(): Promise<void> {
    if (this.ended !== undefined) return this.ended;
    this.ops = [];
    this.open = false;
    try {
      if (this.failure === undefined) this.call('close');
    } catch {
      // Ending the thread below is all that is left to do.
    } finally {
      this.closed = true;
      this.replies.close();
      this.ended = this.worker.terminate().then(() => undefined);
    }
    return this.ended;
  }

  private post(message: object): void {
    if (this.closed) throw new Error('the read-model writer is closed');
    if (this.failure !== undefined) throw this.failure;
    this.worker.postMessage(message);
  }

  private break(error: Error): void {
    this.failure ??= error;
    this.open = false;
  }

  /** Sends a command and blocks until the thread answers it: statements are in order before it. */
  private call(t: 'commit' | 'rollback' | 'close'): Reply {
    const seq = ++this.seq;
    Atomics.store(this.flag, 0, 0);
    this.post({ t, seq });
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const received = receiveMessageOnPort(this.replies);
      if (received !== undefined) {
        const reply = received.message as Reply;
        if (reply.seq === seq) return reply;
        continue; // an answer to an earlier call (there is none unless a call timed out)
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const error = new Error(`the read-model writer did not answer ${t} in ${this.timeoutMs} ms`);
        this.break(error);
        throw error;
      }
      Atomics.wait(this.flag, 0, 0, Math.min(left, 1000));
      Atomics.store(this.flag, 0, 0);
    }
  }
}
