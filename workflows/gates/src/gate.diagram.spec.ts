import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { exampleGateWorkflow } from '../test/gate.example';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(exampleGateWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
