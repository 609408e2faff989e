import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

type Service = {
  image?: string;
  healthcheck?: { test: string[] };
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
};

describe('docker/docker-compose.yml', () => {
  // `merge: true` resolves the `<<` keys exactly as Docker Compose does.
  const compose = parse(read('docker/docker-compose.yml'), { merge: true }) as {
    services: Record<string, Service>;
  };
  const nodes = ['eventstore1', 'eventstore2', 'eventstore3'];
  // Each node has its own port, the same inside the network and on the host.
  const port = (name: string) => `211${name.slice(-1)}`;

  it('is a three-node EventStoreDB cluster', () => {
    for (const name of nodes) {
      const node = compose.services[name]!;
      expect(node.image).toMatch(/^eventstore\/eventstore:\d+\.\d+/);
      expect(node.environment?.['EVENTSTORE_CLUSTER_SIZE']).toBe('3');
      expect(node.volumes?.[0]).toMatch(new RegExp(`^${name}-data:`));
    }
  });

  it('seeds each node with the other two', () => {
    for (const name of nodes) {
      const seeds = compose.services[name]!.environment!['EVENTSTORE_GOSSIP_SEED']!.split(',');
      expect(seeds.sort()).toEqual(nodes.filter((n) => n !== name).map((n) => `${n}:${port(n)}`));
    }
  });

  it('advertises to clients an address that works in the network and from the host', () => {
    for (const name of nodes) {
      const node = compose.services[name]!;
      expect(node.environment?.['EVENTSTORE_NODE_PORT']).toBe(port(name));
      expect(node.environment?.['EVENTSTORE_ADVERTISE_HOST_TO_CLIENT_AS']).toBe(name);
      expect(node.environment?.['EVENTSTORE_ADVERTISE_NODE_PORT_TO_CLIENT_AS']).toBe(port(name));
      expect(node.ports).toEqual([`${port(name)}:${port(name)}`]);
    }
    expect(read('docker/README.md')).toContain('127.0.0.1 eventstore1 eventstore2 eventstore3');
  });

  it('reports a node healthy only once it is leader or follower, not merely live', () => {
    for (const name of nodes) {
      const check = compose.services[name]!.healthcheck!.test.join(' ');
      expect(check).not.toContain('/health/live');
      expect(check).toContain('localhost:$${EVENTSTORE_NODE_PORT}/info');
      expect(check).toContain('(leader|follower)');
    }
  });

  it('says how a secured cluster reads $all: a user and TLS in the connection string', () => {
    const secured = /esdb:\/\/[^\s@`']+:[^\s@`']+@[^\s`']+\?[^\s`']*tls=true/;
    expect(read('docker/README.md')).toMatch(secured);
    expect(read('README.md')).toMatch(secured);
  });

  it('points the api at every node once they are healthy', () => {
    const api = compose.services['api']!;
    expect(api.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(api.environment?.['EVENT_STORE']).toBe('eventstoredb');
    const hosts = /^esdb:\/\/([^?]+)\?/
      .exec(api.environment!['EVENTSTORE_CONNECTION_STRING']!)![1]!
      .split(',');
    expect(hosts).toEqual(nodes.map((n) => `${n}:${port(n)}`));
    expect(Object.keys(api.depends_on!)).toEqual(nodes);
    expect(Object.values(api.depends_on!).every((d) => d.condition === 'service_healthy')).toBe(true);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');

  it('builds in one stage and runs from another', () => {
    expect(dockerfile.match(/^FROM .+ AS (\w+)$/gm)).toEqual([
      'FROM node:20-bookworm-slim AS build',
      'FROM node:20-bookworm-slim AS runtime',
    ]);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
  });

  it('starts the file that the api build produces', () => {
    const cmd = /^CMD \[(.+)\]$/m.exec(dockerfile)![1]!;
    const entry = JSON.parse(`[${cmd}]`) as string[];
    expect(entry.slice(0, 3)).toEqual(['node', '-r', 'tsconfig-paths/register']);
    // The e2e target depends on api:build, so the compiled entry point must exist by now.
    expect(existsSync(resolve(root, entry[3]!))).toBe(true);
  });
});
