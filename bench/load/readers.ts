import autocannon from 'autocannon';
import { latencyReport } from '../engine/http-load';

// A child process of load.bench: `connections` keep-alive clients polling the read routes as fast as
// the api answers, for `seconds`; it sends its report to the parent and exits. Apart from the parent,
// so the command latencies the parent measures are not queued behind this process's own work.
const [url = '', key = '', seconds = '10', connections = '200', customers = '200'] = process.argv.slice(2);

const auth = { authorization: `Bearer ${key}` };
const paths = (n: number) => [
  '/api/funnel',
  '/api/customers?limit=20',
  `/api/customers/bench-${n % Number(customers)}`,
  '/api/projections',
];

async function main(): Promise<void> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: Number(connections),
    duration: Number(seconds),
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const i = n++;
          const list = paths(i);
          return { ...request, path: list[i % list.length]!, headers: auth };
        },
      },
    ],
  });
  process.send?.(latencyReport(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
