import { existsSync, writeFileSync } from 'node:fs';
import { UpcasterRegistry } from '@ltc/domain';
import { asPosition } from '@ltc/event-store';
import { Generations, logTruncations, type AsOf } from '@ltc/projections';
import {
  auditTimeline,
  EXPORT_FORMATS,
  exportTimeline,
  verifyAllStreams,
  verifyStream,
  type ExportFormat,
  type StreamVerification,
} from '@ltc/read-models';
import type { CliCommand } from './commands';
import { ProgressBar } from './progress-bar';
import { openStores } from './store-config';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const out = (line: string) => process.stdout.write(`${line}\n`);

const describeBreak = (r: StreamVerification) =>
  r.firstBreak === null
    ? `${r.streamId}: ok (${r.events} events)`
    : `${r.streamId}: BROKEN at revision ${r.firstBreak.revision} (event ${r.firstBreak.id}, position ` +
      `${r.firstBreak.position}): ${r.firstBreak.reason}`;

/**
 * `ltc audit verify <stream> | --all`: recomputes hash chains and names the first event that does not
 * match; `--all` also names holes in the log's numbering and a log that ends before the read models'
 * checkpoints (deleted events); exit 1 when anything is found.
 * `ltc audit export <stream> --format json|csv [--out file] [--as-of …]`.
 */
export const audit: CliCommand = {
  name: 'audit',
  summary: 'verify <stream> | verify --all (hash chains) | export <stream> --format json|csv [--out file]',
  usage: `Usage:
  ltc audit verify <stream>        recompute a stream's hash chain; exit 1 names the first broken event
  ltc audit verify --all           every stream, holes in the log's numbering, a log shorter than the read models
  ltc audit export <stream> [--format json|csv] [--out <file>] [--as-of <instant|position>]

Options:
  --all              verify every stream
  --format <f>       json (default) or csv
  --out <file>       write the export there instead of stdout
  --as-of <when>     an ISO instant (business time) or a 20-digit log position
  --data-dir <dir>   the data directory (default: DATA_DIR, else ./data)

Environment: DATA_DIR, EVENT_STORE, SQLITE_FILE, EVENTSTORE_CONNECTION_STRING.
`,
  options: {
    all: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    'data-dir': { type: 'string' },
  },
  run: async (values, [action, stream]) => {
    const stores = openStores(process.env, text(values['data-dir']));
    try {
      if (action === 'verify') {
        if (values['all'] === true) {
          let bar: ProgressBar | undefined;
          // How far the read models got (a log that ends before that lost its last events), and the
          // truncations a runner found before it rebuilt them.
          const readModels = existsSync(stores.readModelsFile) ? stores.readModels() : undefined;
          const seenUpTo = readModels === undefined ? null : new Generations(readModels.db).furthest();
          const recorded = readModels === undefined ? [] : logTruncations(readModels.db);
          const result = await verifyAllStreams(stores.events, {
            seenUpTo,
            onStream: (done, total) => {
              bar ??= new ProgressBar('verifying', total, 'streams');
              if (done % 200 === 0 || done === total) bar.update(done);
            },
          });
          const summary = `${result.streams} streams, ${result.events} events verified`;
          if (bar === undefined) out(summary);
          else bar.done(summary);
          for (const broken of result.broken) out(describeBreak(broken));
          for (const gap of result.missing) {
            out(`MISSING positions ${gap.from}..${gap.to} (${gap.count} events): deleted from the log`);
          }
          if (result.truncated !== null) {
            out(
              `TRUNCATED: the log ends at ${result.truncated.head ?? '(empty)'} but the read models reached ` +
                `${result.truncated.seenUpTo}: its last events were deleted (or the read models belong to another log)`,
            );
          }
          for (const t of recorded) {
            out(
              `TRUNCATED (found ${t.detectedAt}, read models rebuilt since): the log ended at ` +
                `${t.head ?? '(empty)'} but the read models had reached ${t.seenUpTo}: its last events were deleted or lost`,
            );
          }
          if (!result.numbered) {
            out('positions are not a numbering here (EventStoreDB): only broken chains show deleted events');
          }
          const intact =
            result.broken.length === 0 && result.missing.length === 0 && result.truncated === null;
          if (intact) out(`all ${result.streams} streams intact`);
          return intact ? 0 : 1;
        }
        if (stream === undefined) throw new Error('usage: ltc audit verify <stream> | --all');
        const result = await verifyStream(stores.events, stream);
        out(describeBreak(result));
        return result.ok ? 0 : 1;
      }
      if (action === 'export') {
        const format = (text(values['format']) ?? 'json') as ExportFormat;
        if (stream === undefined || !EXPORT_FORMATS.includes(format)) {
          throw new Error(
            'usage: ltc audit export <stream> --format json|csv [--out file] [--as-of instant|position]',
          );
        }
        const asOfText = text(values['as-of']);
        const asOf: AsOf | undefined =
          asOfText === undefined
            ? undefined
            : /^\d{20}/.test(asOfText)
              ? { position: asPosition(asOfText) }
              : { instant: new Date(asOfText).toISOString() };
        const { entries } = auditTimeline(
          await stores.events.readStream(stream),
          asOf,
          new UpcasterRegistry(),
        );
        const body = exportTimeline(stream, entries, format);
        const file = text(values['out']);
        if (file === undefined) process.stdout.write(body);
        else {
          writeFileSync(file, body);
          out(`wrote ${entries.length} events of ${stream} to ${file}`);
        }
        return 0;
      }
      throw new Error('usage: ltc audit verify <stream> | verify --all | export <stream> --format json|csv');
    } finally {
      await stores.close();
    }
  },
};
