import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { personWorkflow } from './person.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(personWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
