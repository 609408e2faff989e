import { deciderSpec } from '@ltc/workflow-kit';
import type { SetForecastCategory } from './opportunity.commands';
import { ctx, opened } from '../test/opportunity.fixtures';
import { opportunityWorkflow as opportunity } from './opportunity.workflow';

const given = deciderSpec(opportunity, ctx);
// `category` is a string: the decider checks what the type cannot (the importer and the CLI send text).
const set = (category: string, note?: string): SetForecastCategory =>
  ({
    type: 'SetForecastCategory',
    data: { category, ...(note === undefined ? {} : { note }) },
  }) as SetForecastCategory;

describe('SetForecastCategory', () => {
  it('records the call and the one it replaces (a new deal starts in pipeline)', () => {
    const { state } = given([opened])
      .when(set('commit', 'PO promised for the 12th'))
      .then([
        {
          type: 'ForecastCategorySet',
          data: { category: 'commit', previousCategory: 'pipeline', note: 'PO promised for the 12th' },
        },
      ]);
    expect(state.context.forecastCategory).toBe('commit');
  });

  it('moves between categories in any open stage, and refuses the category it already has', () => {
    const committed = {
      type: 'ForecastCategorySet',
      data: { category: 'commit', previousCategory: 'pipeline', note: '' },
    } as const;
    given([opened, committed])
      .when(set('omitted'))
      .then([
        { type: 'ForecastCategorySet', data: { category: 'omitted', previousCategory: 'commit', note: '' } },
      ]);
    given([opened, committed]).when(set('commit')).thenRefuses('categoryDiffers');
  });

  it('names an unknown category', () => {
    given([opened]).when(set('closed')).thenInvalid('category');
  });

  it('is not a command of a deal that has not been opened', () => {
    given([]).when(set('commit')).thenRefuses('transitionNotAllowed');
  });
});
