import { doorMachine, doorWorkflow } from '../test/door.fixture';
import { diagramBlock, expectDiagramUpToDate, withDiagram } from './readme-diagram';

describe('README diagrams', () => {
  it('creates a README, appends a block to one without markers, and replaces a stale block', () => {
    const created = withDiagram(undefined, doorWorkflow, 'Door');
    expect(created.startsWith('# Door\n')).toBe(true);
    expect(() => expectDiagramUpToDate(doorWorkflow, created)).not.toThrow();

    const appended = withDiagram('# Door\n\nText.\n', doorMachine, 'Door');
    expect(appended).toBe(`# Door\n\nText.\n\n## State diagram\n\n${diagramBlock(doorMachine)}\n`);

    const stale = appended.replace('Shut', 'Slammed');
    expect(() => expectDiagramUpToDate(doorMachine, stale)).toThrow(/stale: run `npm run diagrams`/);
    expect(withDiagram(stale, doorMachine, 'ignored')).toBe(appended);
  });

  it('fails when the README has no diagram block', () => {
    expect(() => expectDiagramUpToDate(doorMachine, '# Door\n')).toThrow(/no <!-- diagram:start --> block/);
  });
});
