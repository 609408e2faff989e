import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VARIABLES } from './variables';

const plain = (cell: string) => cell.replace(/`/g, '').trim();

// Keeps the root README's Configuration table true: one row per variable, with the schema's bounds.
describe("the README's Configuration table", () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration\n'), readme.indexOf('### Command line'));
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, -1).map(plain));

  it('lists every variable the schema reads, and no other', () => {
    expect(rows.map(([name]) => name)).toEqual(Object.keys(VARIABLES));
  });

  it.each(Object.entries(VARIABLES))('says what %s accepts, its default and who reads it', (name, v) => {
    const row = rows.find(([n]) => n === name);
    expect(row).toEqual([name, v.readBy, plain(v.default), plain(v.expected), plain(v.meaning)]);
  });
});
