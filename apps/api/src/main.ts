import 'reflect-metadata';
import { bootstrap } from './bootstrap';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  const { app, url, log } = await bootstrap(loadConfig(process.env));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `ltc api: ${signal} received, closing`);
    // app.close() runs the shutdown hooks (stores close their files) before the process exits 0.
    app.close().then(
      () => log.flush(() => process.exit(0)),
      (error: unknown) => {
        log.error({ err: error }, 'ltc api: error while closing');
        log.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Last, once a stop signal is handled: whoever waits for this line may send one at once.
  log.info({ url, docs: `${url}/docs` }, `ltc api listening on ${url} (docs at ${url}/docs)`);
}

main().catch((error: unknown) => {
  // One line, no stack: a configuration error names the variable, its value and what is allowed.
  const message = String((error as { message?: unknown } | null)?.message ?? error).split('\n')[0];
  console.error(error instanceof ConfigError ? `ltc api: ${message}` : `ltc api failed to start: ${message}`);
  process.exit(1);
});
