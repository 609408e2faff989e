import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { opportunityWorkflow } from './opportunity.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(opportunityWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
