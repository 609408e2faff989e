import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { contractWorkflow } from './contract.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(contractWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
