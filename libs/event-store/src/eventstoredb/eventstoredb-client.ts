import type * as EsdbClient from '@eventstore/db-client';
import { createRequire } from 'node:module';

let loaded: typeof EsdbClient | undefined;

/**
 * The client library, loaded on first use: its gRPC and protobuf stack costs ~150 ms at require time,
 * which every importer of `@ltc/event-store` would otherwise pay even when it never talks to EventStoreDB.
 */
export function esdbClient(): typeof EsdbClient {
  loaded ??= createRequire(__filename)('@eventstore/db-client') as typeof EsdbClient;
  return loaded;
}
