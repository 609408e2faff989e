import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { incentivePlanWorkflow } from './incentive-plan.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(incentivePlanWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
