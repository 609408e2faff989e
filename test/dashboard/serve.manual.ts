import { existsSync, writeFileSync } from 'node:fs';
import { startSession } from '../support/session';
import { seed } from './seed';

// A seeded api for looking at the dashboard by hand (not part of any suite):
//   npx jest -c test/jest.config.cjs --testMatch '**/serve.manual.ts' ; touch /tmp/ltc-dashboard-stop to end it.
it('serves a seeded api until /tmp/ltc-dashboard-stop exists', async () => {
  const session = await startSession();
  await seed(session.as);
  writeFileSync('/tmp/ltc-dashboard.json', JSON.stringify({ url: session.api.url, keys: session.keys }));
  console.log(`seeded api at ${session.api.url}`);
  while (!existsSync('/tmp/ltc-dashboard-stop')) await new Promise((r) => setTimeout(r, 500));
  await session.api.stop();
}, 86_400_000);
