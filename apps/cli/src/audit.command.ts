import { writeFileSync } from 'node:fs';
import { UpcasterRegistry } from '@ltc/domain';
import { asPosition } from '@ltc/event-store';
import {
  auditTimeline,
  EXPORT_FORMATS,
  exportTimeline,
  verifyAllStreams,
  verifyStream,
  type AsOf,
  type ExportFormat,
  type StreamVerification,
} from '@ltc/projections';
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
 * match (exit 1 when one does). `ltc audit export <stream> --format json|csv [--out file] [--as-of …]`.
 */
export const audit: CliCommand = {
  name: 'audit',
  summary: 'verify <stream> | verify --all (hash chains) | export <stream> --format json|csv [--out file]',
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
          const result = await verifyAllStreams(stores.events, (done, total) => {
            bar ??= new ProgressBar('verifying', total, 'streams');
            if (done % 200 === 0 || done === total) bar.update(done);
          });
          const summary = `${result.streams} streams, ${result.events} events verified`;
          if (bar === undefined) out(summary);
          else bar.done(summary);
          for (const broken of result.broken) out(describeBreak(broken));
          if (result.broken.length === 0) out(`all ${result.streams} streams intact`);
          return result.broken.length === 0 ? 0 : 1;
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
