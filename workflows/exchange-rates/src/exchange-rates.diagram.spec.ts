import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectDiagramUpToDate } from '@ltc/workflow-kit';
import { exchangeRatesWorkflow } from './exchange-rates.workflow';

it('README shows the current state diagram', () =>
  expectDiagramUpToDate(exchangeRatesWorkflow, readFileSync(join(__dirname, '..', 'README.md'), 'utf8')));
