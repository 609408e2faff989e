import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { SqlStatement, SqlWriter } from './sql-writer';

export type ThreadSqlWriterOptions = Readonly<{
  /** The read-model database file (not `:memory:`: a thread cannot share an in-memory database). */
  file: string;
  /** The caller's own connection to that file: statements are prepared there too, to fail at once. */
  db: Database;
  busyTimeoutMs?: number;
}>;

/** Statements run so far, flat: statement id, parameter count, the parameters; one message per batch. */
type Ops = unknown[];

type Reply = Readonly<{ ok: true }> | Readonly<{ ok: false; message: string; code?: string }>;

/**
 * The worker thread's whole program: plain JavaScript, so it runs the same from compiled code and from
 * TypeScript under Jest. It opens its own connection to the file and runs what it is sent, in order.
 * After a failed statement it rolls back at once and ignores the rest until the caller's commit or
 * rollback, which it answers with that failure.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const flag = new Int32Array(workerData.signal);
const replies = workerData.replies;
const statements = [];
let db;
let failure = null;
try {
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
function reply(message) {
  replies.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
function answer() {
  if (failure === null) return reply({ ok: true });
  const error = failure;
  failure = db === undefined ? error : null;
  reply({ ok: false, message: String(error && error.message || error), code: error && error.code });
}
parentPort.on('message', (m) => {
  if (m.t === 'prepare') {
    if (failure !== null) return;
    try { statements[m.id] = db.prepare(m.sql); } catch (error) { fail(error); }
  } else if (m.t === 'ops') {
    if (failure !== null) return;
    try {
      if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
      const ops = m.ops;
      for (let i = 0; i < ops.length; ) {
        const n = ops[i + 1];
        statements[ops[i]].run(ops.slice(i + 2, i + 2 + n));
        i += 2 + n;
      }
    } catch (error) { fail(error); }
  } else if (m.t === 'commit') {
    if (failure === null) {
      try { if (db.inTransaction) db.exec('COMMIT'); } catch (error) { fail(error); }
    }
    answer();
  } else if (m.t === 'rollback') {
    try { if (db !== undefined && db.inTransaction) db.exec('ROLLBACK'); } catch {}
    if (db !== undefined) failure = null;
    reply({ ok: true });
  } else if (m.t === 'close') {
    try { if (db !== undefined) { if (db.inTransaction) db.exec('ROLLBACK'); db.close(); } } catch {}
    reply({ ok: true });
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
 */
export class ThreadSqlWriter implements SqlWriter {
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  private readonly flag: Int32Array;
  private readonly timeoutMs: number;
  private ops: Ops = [];
  private statements = 0;
  private open = false;
  private closed = false;

  constructor(private readonly options: ThreadSqlWriterOptions) {
    if (options.file === ':memory:') throw new Error('a thread writer needs a database file');
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    this.replies = port1;
    const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    // A commit may wait for another process's write lock: give it that long and a minute more.
    this.timeoutMs = busyTimeoutMs + 60_000;
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
  }

  prepare(sql: string): SqlStatement {
    this.options.db.prepare(sql);
    const id = this.statements++;
    this.worker.postMessage({ t: 'prepare', id, sql });
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
    if (this.closed) throw new Error('the read-model writer is closed');
    this.open = true;
    this.worker.postMessage({ t: 'ops', ops: this.ops });
    this.ops = [];
  }

  commit(): void {
    if (!this.open && this.ops.length === 0) return;
    this.send();
    this.open = false;
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
  close(): void {
    if (this.closed) return;
    this.ops = [];
    this.open = false;
    this.call('close');
    this.closed = true;
    this.replies.close();
    void this.worker.terminate();
  }

  /** Sends a command and blocks until the thread answers it: statements are in order before it. */
  private call(t: 'commit' | 'rollback' | 'close'): Reply {
    if (this.closed) throw new Error('the read-model writer is closed');
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage({ t });
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const received = receiveMessageOnPort(this.replies);
      if (received !== undefined) return received.message as Reply;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the read-model writer did not answer ${t} in ${this.timeoutMs} ms`);
      Atomics.wait(this.flag, 0, 0, Math.min(left, 1000));
      Atomics.store(this.flag, 0, 0);
    }
  }
}
