import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { customerWorkflow } from './customer.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(customerWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
