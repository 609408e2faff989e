import { createHash } from 'node:crypto';
import { ID_PATTERN, canonicalJson } from '@ltc/workflow-kit';
import { normalizeInstant } from '@ltc/engine';

/** One line of an import file, checked: a command to one stream, by one actor, at one business time. */
export type ImportCommand = Readonly<{
  line: number;
  type: string;
  /** The workflow (stream category) that serves the command. */
  kind: string;
  target: string;
  streamId: string;
  body: Readonly<Record<string, unknown>>;
  actor: string;
  occurredAt: string;
  /** The idempotency key: the line's `id`, else derived from its number and content. */
  commandId: string;
}>;

/** Why a line was refused before it ran (or, with `rule`, by the pipeline or the machine). */
export type LineRefusal = Readonly<{
  line: number;
  code: string;
  reason: string;
  rule?: string;
  /** Every invalid field of the line (`INVALID_INPUT`), as a 400 answer names them. */
  errors?: readonly Readonly<{ field: string; messages: readonly string[] }>[];
}>;

export type Checked = { ok: true; command: ImportCommand } | { ok: false; refusal: LineRefusal };

/** Where each command type is sent, by workflow kind (two workflows serve the gate commands). */
export type CommandTypes = ReadonlyMap<string, ReadonlyMap<string, (target: string) => string>>;

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The idempotency key of a line without an `id`: a digest of its number and its content, so re-running
 * the same file appends nothing, and a line fixed after a refusal runs as a new command. Lines that move
 * (a line inserted above them) get new keys: give such files an `id` per line.
 */
export function lineCommandId(line: number, content: unknown): string {
  const digest = createHash('sha256')
    .update(`${line}\0${canonicalJson(content, 0)}`)
    .digest('hex');
  return `import:${digest.slice(0, 32)}`;
}

/**
 * Checks the lines of one import before anything runs, in file order: the JSON, the shape, a known
 * command type, an id-shaped target, an ISO instant not in the future, and business time that does not
 * go back on a stream within the file (the pipeline checks it again against the log).
 */
export class ImportChecker {
  private readonly lastByStream = new Map<string, { occurredAt: string; line: number }>();

  constructor(
    private readonly types: CommandTypes,
    private readonly now: () => string,
    private readonly futureSkewMs: number,
  ) {}

  check(text: string, line: number): Checked {
    const refuse = (code: string, reason: string, rule?: string): Checked => ({
      ok: false,
      refusal: { line, code, reason, ...(rule === undefined ? {} : { rule }) },
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return refuse('MALFORMED_LINE', `not JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return refuse('MALFORMED_LINE', 'a line must be one JSON object');
    }
    const { type, kind, target, body, actor, occurredAt, id } = parsed as Record<string, unknown>;
    const unknownKeys = Object.keys(parsed).filter(
      (k) => !['line', 'type', 'kind', 'target', 'body', 'actor', 'occurredAt', 'id'].includes(k),
    );
    if (unknownKeys.length > 0) return refuse('INVALID_LINE', `unknown field(s): ${unknownKeys.join(', ')}`);
    if (typeof type !== 'string') return refuse('INVALID_LINE', 'type must be a command type');
    const kinds = this.types.get(type);
    if (kinds === undefined) return refuse('UNKNOWN_COMMAND', `unknown command type "${type}"`);
    const served = [...kinds.keys()];
    const chosen = kind ?? (served.length === 1 ? served[0] : undefined);
    const streamOf = typeof chosen === 'string' ? kinds.get(chosen) : undefined;
    if (typeof chosen !== 'string' || streamOf === undefined) {
      return refuse('INVALID_LINE', `${type} is served by ${served.join(' and ')}: give kind, one of them`);
    }
    if (typeof target !== 'string' || !ID_PATTERN.test(target)) {
      return refuse('INVALID_LINE', `target must be an id matching ${ID_PATTERN.source}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return refuse('INVALID_LINE', 'body must be a JSON object (the command data)');
    }
    if (typeof actor !== 'string' || !ID_PATTERN.test(actor)) {
      return refuse('INVALID_LINE', `actor must be a person id matching ${ID_PATTERN.source}`);
    }
    if (id !== undefined && (typeof id !== 'string' || !KEY.test(id))) {
      return refuse('INVALID_LINE', `id must match ${KEY.source}`);
    }
    let at: string;
    try {
      at = normalizeInstant('occurredAt', occurredAt);
    } catch (error) {
      return refuse('INVALID_VALUE', (error as Error).message);
    }
    const now = this.now();
    if (Date.parse(at) > Date.parse(now) + this.futureSkewMs) {
      return refuse(
        'OCCURRED_AT_IN_FUTURE',
        `occurredAt ${at} is in the future (now ${now})`,
        'occurredAt.notInFuture',
      );
    }
    const streamId = streamOf(target);
    const previous = this.lastByStream.get(streamId);
    if (previous !== undefined && at < previous.occurredAt) {
      return refuse(
        'OCCURRED_AT_BEFORE_STREAM',
        `occurredAt ${at} is before line ${previous.line} on ${streamId} (${previous.occurredAt}): ` +
          'lines of one stream must be in business-time order',
        'occurredAt.notBeforeStream',
      );
    }
    this.lastByStream.set(streamId, { occurredAt: at, line });
    const content = { type, ...(kind === undefined ? {} : { kind }), target, body, actor, occurredAt: at };
    return {
      ok: true,
      command: {
        line,
        type,
        kind: chosen,
        target,
        streamId,
        body: body as Record<string, unknown>,
        actor,
        occurredAt: at,
        commandId: typeof id === 'string' ? id : lineCommandId(line, content),
      },
    };
  }
}
