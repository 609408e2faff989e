import { claimed, registered, returnedIdle, touched, transferred } from '../test/customer.fixtures';
import { isIdle, mayWork } from './customer.queries';
import { customerWorkflow } from './customer.workflow';

const fold = customerWorkflow.fold;

describe('isIdle', () => {
  it('measures from the last touch, or from taking the customer over when that is later', () => {
    const state = fold([registered, claimed, touched]);
    expect(isIdle(state, '2026-02-19T09:59:59.000Z', 30)).toBe(false);
    expect(isIdle(state, '2026-02-19T10:00:00.000Z', 30)).toBe(true);
    const handedOver = fold([registered, claimed, touched, transferred]);
    expect(isIdle(handedOver, '2026-02-19T10:00:00.000Z', 30)).toBe(false);
    expect(isIdle(handedOver, '2026-03-03T09:00:00.000Z', 30)).toBe(true);
  });

  it('measures an untouched customer from its claim', () => {
    expect(isIdle(fold([registered, claimed]), '2026-02-04T09:00:00.000Z', 30)).toBe(true);
  });

  it('never calls a public-pool customer idle: there is no one to take it from', () => {
    expect(isIdle(fold([registered]), '2030-01-01T00:00:00.000Z', 30)).toBe(false);
    expect(isIdle(fold([registered, claimed, returnedIdle]), '2030-01-01T00:00:00.000Z', 30)).toBe(false);
  });
});

describe('mayWork', () => {
  const owned = fold([registered, claimed]);

  it('lets the owner and the owner’s team work the customer, and nobody else', () => {
    expect(mayWork(owned, 'rep-a')).toBe(true);
    expect(mayWork(owned, 'rep-b')).toBe(false);
    expect(mayWork(owned, 'sr-1', ['sr-1', 'fr-1'])).toBe(true);
  });

  it('lets nobody work a public-pool customer before claiming it', () => {
    expect(mayWork(fold([registered]), 'rep-a', ['rep-a'])).toBe(false);
  });
});
