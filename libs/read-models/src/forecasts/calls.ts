import type { KnownAt } from '@ltc/projections';
import { knownBy, laterFact, type LoggedFact } from './known';
import type { ForecastCallInForce } from './types';

/**
 * A forecast call as the log holds it: the call, its line (its stream), where it sits in the log, and
 * whether the history import appended it (its knowledge before the import is reconstructed).
 */
export type RecordedForecastCall = ForecastCallInForce &
  LoggedFact &
  Readonly<{ line: string; imported: boolean }>;

/** Which calls a reader may see (undefined: all): their own and their reps' lines, their team's line. */
export type CallVisibility = Readonly<{ people: readonly string[]; teams: readonly string[] }> | undefined;

export type CallsQuery = Readonly<{
  /** The business instant: calls made by then. */
  at: string;
  /** The knowledge bound: calls the log held then (none: known now). */
  knownAt?: KnownAt;
  /** Only calls for this period (`2026-Q4`, `2026-11`). */
  period?: string;
  visibleTo?: CallVisibility;
  /**
   * A backtest's knowledge at each week: an imported call counts as known when it occurred (the importer
   * recorded it later), as `sampleAt` treats every imported event; only with an instant `knownAt`.
   */
  importedKnownWhenOccurred?: boolean;
}>;

const visible = (call: ForecastCallInForce, to: CallVisibility): boolean =>
  to === undefined ||
  (call.scope === 'own'
    ? call.personId !== null && to.people.includes(call.personId)
    : call.team !== null && to.teams.includes(call.team));

function known(call: RecordedForecastCall, query: CallsQuery): boolean {
  if (knownBy(call, query.knownAt)) return true;
  const bound = query.knownAt;
  return (
    query.importedKnownWhenOccurred === true &&
    call.imported &&
    bound !== undefined &&
    'instant' in bound &&
    call.occurredAt <= bound.instant
  );
}

/**
 * The calls in force at `at` as known at `knownAt`: per line (a rep's or a team's, for one period) the
 * latest call made by `at` that the log held at `knownAt` (business time, then log order), so a call
 * recorded after W never shows in W's answer and a newer call supersedes an older one. Ordered by line.
 */
export function callsInForce(
  calls: readonly RecordedForecastCall[],
  query: CallsQuery,
): RecordedForecastCall[] {
  const byLine = new Map<string, RecordedForecastCall>();
  for (const call of calls) {
    if (call.occurredAt > query.at || !known(call, query)) continue;
    if (query.period !== undefined && call.period !== query.period) continue;
    if (!visible(call, query.visibleTo)) continue;
    const held = byLine.get(call.line);
    if (held === undefined || laterFact(held, call) < 0) byLine.set(call.line, call);
  }
  return [...byLine.values()].sort((a, b) => (a.line < b.line ? -1 : 1));
}

/** The call as an answer shows it (without the log bookkeeping). */
export function callShown(call: RecordedForecastCall): ForecastCallInForce {
  const { eventId: _eventId, position: _position, line: _line, imported: _imported, ...shown } = call;
  return shown;
}
