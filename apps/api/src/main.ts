import 'reflect-metadata';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const { app, url } = await bootstrap(loadConfig(process.env));
  console.log(`ltc api listening on ${url} (docs at ${url}/docs)`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`ltc api: ${signal} received, closing`);
    // app.close() runs the shutdown hooks (stores close their files) before the process exits 0.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('ltc api: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('ltc api failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
