import 'reflect-metadata';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config';

bootstrap(loadConfig(process.env)).then(
  ({ url }) => console.log(`ltc api listening on ${url} (docs at ${url}/docs)`),
  (error: unknown) => {
    console.error('ltc api failed to start:', error);
    process.exit(1);
  },
);
