import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { incentivePeriodWorkflow } from './incentive-period.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(incentivePeriodWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
