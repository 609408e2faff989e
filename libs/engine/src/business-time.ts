import { FACT_DATES, InvalidValueError, type FactDate, type LateEntryRecord } from '@ltc/domain';
import { BusinessTimeRefusedError } from './engine.errors';

const DAY_MS = 86_400_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Who may back-date what. Anyone may state a business time up to `futureSkewMs` after the server's clock
 * (clocks drift) and never earlier than the stream's previous event. Reps and managers may back-date by
 * at most `repWindowDays`; the roles in `unlimitedRoles` (ops, admin and the system actor of the process
 * managers) and imported commands may go back any distance.
 */
export type LateEntryPolicy = Readonly<{
  futureSkewMs: number;
  repWindowDays: number;
  unlimitedRoles: readonly string[];
}>;

export const defaultLateEntryPolicy: LateEntryPolicy = {
  futureSkewMs: 5 * 60_000,
  repWindowDays: 14,
  unlimitedRoles: ['ops', 'admin', 'system'],
};

/**
 * `exact`: the business time asked for, or refused. `clamp` (process managers): the causing event's
 * business time, moved up to the target stream's last one; never refused for business time.
 */
export type OccurredAtMode = 'exact' | 'clamp';

export type BusinessTimeRequest = Readonly<{
  commandType: string;
  data: unknown;
  asked: string | undefined;
  mode: OccurredAtMode;
  recordedAt: string;
  /** The `occurredAt` of the stream's last event; null for a new stream. */
  streamLast: string | null;
  roles: readonly string[];
  imported: boolean;
}>;

export type BusinessTime = Readonly<{ occurredAt: string; lateEntry?: LateEntryRecord }>;

/** An ISO-8601 instant with a zone, as UTC with milliseconds; refused with `field` named otherwise. */
export function normalizeInstant(field: string, value: unknown): string {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidValueError(field, 'must be an ISO-8601 instant with a zone, e.g. 2026-11-20T10:00:00Z');
  }
  return new Date(value).toISOString();
}

/**
 * The business instant of a command's own fact date: an instant as it is; a day as its last millisecond,
 * or now when that is earlier (a payment received today counts from when it was booked), or the stream's
 * last business time when that is later but still on the same day. Undefined when the command has no
 * fact date or it is malformed (the machine refuses it then).
 */
function factInstant(
  fact: FactDate | undefined,
  data: unknown,
  recordedAt: string,
  streamLast: string | null,
): string | undefined {
  if (fact === undefined) return undefined;
  const value = (data as Record<string, unknown> | null)?.[fact.field];
  if (typeof value !== 'string') return undefined;
  if (fact.kind === 'instant') {
    return INSTANT.test(value) && !Number.isNaN(Date.parse(value))
      ? new Date(value).toISOString()
      : undefined;
  }
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) return undefined;
  const endOfDay = Date.parse(`${value}T00:00:00.000Z`) + DAY_MS - 1;
  const last = streamLast === null ? -Infinity : Date.parse(streamLast);
  const bound = Math.min(endOfDay, Date.parse(recordedAt));
  return new Date(last > bound && last <= endOfDay ? last : bound).toISOString();
}

function agrees(fact: FactDate, data: unknown, occurredAt: string, derived: string): boolean {
  if (fact.kind === 'instant') return occurredAt === derived;
  return occurredAt.slice(0, 10) === String((data as Record<string, unknown>)[fact.field]);
}

/** The business time of one command: the rules of the policy applied, or a refusal naming its rule. */
export function businessTime(
  request: BusinessTimeRequest,
  policy: LateEntryPolicy,
  factDates: Readonly<Record<string, FactDate>> = FACT_DATES,
): BusinessTime {
  const { recordedAt, streamLast, mode } = request;
  const asked = request.asked === undefined ? undefined : normalizeInstant('occurredAt', request.asked);
  const fact = mode === 'clamp' ? undefined : factDates[request.commandType];
  const derived = factInstant(fact, request.data, recordedAt, streamLast);
  if (asked !== undefined && fact !== undefined && derived !== undefined) {
    if (!agrees(fact, request.data, asked, derived)) {
      throw new BusinessTimeRefusedError(
        'occurredAt.factDate',
        `occurredAt ${asked} disagrees with ${fact.field} ${String((request.data as Record<string, unknown>)[fact.field])}: one business time per fact (omit occurredAt, or send the same instant)`,
      );
    }
  }
  let occurredAt = asked ?? derived;
  if (occurredAt === undefined) {
    // Nothing asked: now, kept monotonic on a stream whose last event was stated slightly ahead.
    return { occurredAt: streamLast !== null && streamLast > recordedAt ? streamLast : recordedAt };
  }
  const now = Date.parse(recordedAt);
  if (Date.parse(occurredAt) > now + policy.futureSkewMs) {
    throw new BusinessTimeRefusedError(
      'occurredAt.notInFuture',
      `occurredAt ${occurredAt} is in the future (now ${recordedAt}, allowed skew ${policy.futureSkewMs} ms)`,
    );
  }
  if (streamLast !== null && occurredAt < streamLast) {
    if (mode !== 'clamp') {
      throw new BusinessTimeRefusedError(
        'occurredAt.notBeforeStream',
        `occurredAt ${occurredAt} is before the stream's previous event (${streamLast}); business time on a stream never goes back`,
      );
    }
    occurredAt = streamLast;
  }
  const lagMs = now - Date.parse(occurredAt);
  if (lagMs <= policy.futureSkewMs) return { occurredAt };
  const unlimited =
    mode === 'clamp' || request.imported || request.roles.some((r) => policy.unlimitedRoles.includes(r));
  if (!unlimited && lagMs > policy.repWindowDays * DAY_MS) {
    throw new BusinessTimeRefusedError(
      'occurredAt.backdateWindow',
      `occurredAt ${occurredAt} is more than ${policy.repWindowDays} days before now (${recordedAt}); only ${policy.unlimitedRoles.join(', ')} may back-date further`,
    );
  }
  return {
    occurredAt,
    lateEntry: {
      rule: 'backdate',
      lagMs,
      allowance: unlimited ? 'unlimited' : 'window',
      policy: { futureSkewMs: policy.futureSkewMs, repWindowDays: policy.repWindowDays },
    },
  };
}
