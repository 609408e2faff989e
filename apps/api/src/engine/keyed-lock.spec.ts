import { KeyedLock } from './keyed-lock';

const tick = () => new Promise((done) => setTimeout(done, 1));

describe('KeyedLock', () => {
  it('runs the tasks of one key one at a time, in order, past a failing one; other keys alongside', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name}:start`);
        await tick();
        log.push(`${name}:end`);
        if (fail) throw new Error(name);
        return name;
      };
    const runs = [
      lock.run('ann', task('a1')),
      lock.run('ann', task('a2', true)),
      lock.run('ann', task('a3')),
      lock.run('bob', task('b1')),
    ];
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const ann = log.filter((l) => l.startsWith('a'));
    expect(ann).toEqual(['a1:start', 'a1:end', 'a2:start', 'a2:end', 'a3:start', 'a3:end']);
    // bob's task started before ann's first ended.
    expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'));
  });
});
