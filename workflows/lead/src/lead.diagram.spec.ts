import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { leadWorkflow } from './lead.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(leadWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
