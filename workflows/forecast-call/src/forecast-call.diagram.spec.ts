import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { forecastCallWorkflow } from './forecast-call.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(forecastCallWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
