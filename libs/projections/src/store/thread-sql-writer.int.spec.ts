import BetterSqlite3, { type Database } from 'better-sqlite3';
import { tempDir } from '../testing/temp-dir';
import { ThreadSqlWriter } from './thread-sql-writer';

describe('ThreadSqlWriter: read-model statements run in a worker thread', () => {
  const dir = tempDir('ltc-thread-writer-');
  let file: string;
  let db: Database;
  let reader: Database;
  let writer: ThreadSqlWriter;
  const rows = () => reader.prepare('SELECT k, v FROM kv ORDER BY k').all();

  beforeEach(() => {
    file = dir.path(`rm-${Math.random().toString(36).slice(2)}.sqlite`);
    db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL CHECK (v >= 0))');
    reader = new BetterSqlite3(file, { readonly: true });
    writer = new ThreadSqlWriter({ file, db });
  });
  afterEach(async () => {
    await writer.close();
    reader.close();
    db.close();
  });
  afterAll(() => dir.remove());

  it('runs statements in order in one transaction, visible to other connections only once committed', () => {
    const put = writer.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
    const add = writer.prepare('UPDATE kv SET v = v + ? WHERE k = ?');
    writer.begin();
    put.run('a', 1);
    put.run('b', 2);
    writer.send();
    add.run(10, 'a'); // after the insert it follows: 11, not 10
    writer.send();
    expect(writer.pending).toBe(true);
    expect(rows()).toEqual([]);
    writer.commit();
    expect(writer.pending).toBe(false);
    expect(rows()).toEqual([
      { k: 'a', v: 11 },
      { k: 'b', v: 2 },
    ]);
  });

  it('a failing statement fails the commit with its SQLite error; nothing of that transaction is stored', () => {
    const put = writer.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
    writer.begin();
    put.run('kept', 1);
    writer.commit();

    writer.begin();
    put.run('x', 1);
    writer.send();
    put.run('y', -1); // violates the CHECK
    put.run('z', 3); // after the failure: ignored
    expect(() => writer.commit()).toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK', message: expect.stringMatching(/CHECK/) }),
    );
    expect(rows()).toEqual([{ k: 'kept', v: 1 }]);

    // The writer goes on with the next transaction.
    writer.begin();
    put.run('x', 5);
    writer.commit();
    expect(rows()).toEqual([
      { k: 'kept', v: 1 },
      { k: 'x', v: 5 },
    ]);
  });

  it('a duplicate key reported by the commit is the constraint SQLite names', () => {
    const put = writer.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
    writer.begin();
    put.run('a', 1);
    put.run('a', 2);
    expect(() => writer.commit()).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }));
    expect(rows()).toEqual([]);
  });

  it('a statement first prepared in a failing transaction still works in the next one', () => {
    const put = writer.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
    writer.begin();
    put.run('y', -1); // fails in the thread
    writer.send();
    const upsert = writer.prepare('INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)'); // prepared after it
    upsert.run('z', 1);
    expect(() => writer.commit()).toThrow(/CHECK/);
    writer.begin();
    upsert.run('w', 2);
    writer.commit();
    expect(rows()).toEqual([{ k: 'w', v: 2 }]);
  });

  it('a thread that does not answer in time breaks the writer, which then refuses work at once', async () => {
    const slow = new ThreadSqlWriter({ file, db, busyTimeoutMs: 5_000, answerTimeoutMs: 300 });
    const put = slow.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
    const holder = new BetterSqlite3(file);
    holder.exec('BEGIN IMMEDIATE'); // another writer holds the lock: the thread waits for it
    slow.begin();
    put.run('late', 1);
    expect(() => slow.commit()).toThrow(/did not answer commit in 300 ms/);
    expect(slow.broken?.message).toMatch(/did not answer/);
    expect(slow.pending).toBe(false);
    slow.begin();
    put.run('later', 2);
    const started = Date.now();
    expect(() => slow.commit()).toThrow(/did not answer/);
    expect(Date.now() - started).toBeLessThan(100);
    holder.exec('ROLLBACK');
    holder.close();
    await slow.close();
  });

  it('rollback drops what was sent and what was not', () => {
    const put = writer.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
    writer.begin();
    put.run('sent', 1);
    writer.send();
    put.run('unsent', 2);
    writer.rollback();
    expect(writer.pending).toBe(false);
    writer.commit(); // nothing open: a no-op
    expect(rows()).toEqual([]);
  });

  it('rejects bad SQL at prepare, on the caller thread', () => {
    expect(() => writer.prepare('INSERT INTO nowhere (k) VALUES (?)')).toThrow(/no such table: nowhere/);
  });

  it('close rolls back what was not committed; a closed writer refuses work', async () => {
    const put = writer.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
    writer.begin();
    put.run('lost', 1);
    writer.send();
    await writer.close();
    await writer.close(); // twice is fine
    expect(rows()).toEqual([]);
    writer.begin();
    put.run('late', 1);
    expect(() => writer.commit()).toThrow(/closed/);
    expect(rows()).toEqual([]);
  });

  it('needs a file: a thread cannot share an in-memory database', () => {
    const memory = new BetterSqlite3(':memory:');
    expect(() => new ThreadSqlWriter({ file: ':memory:', db: memory })).toThrow(/file/);
    memory.close();
  });
});
