import type { Type } from '@nestjs/common';
import type { Command, StreamIds } from '@ltc/domain';
import type { GateName } from '@ltc/workflow-gates';
import type { WorkflowCommand } from '../engine/workflow-command';
import type { CommandMeta } from './command-meta.decorator';

/** The `data` of the command `K` of the union `C`. */
export type CommandData<C extends Command, K extends C['type']> = Extract<C, { type: K }>['data'];

/** What a route's own `data` mapping may read besides the body. */
export type RouteContext = Readonly<{
  /** The id of the stream addressed (from the path, or the id a creating route derived). */
  id: string;
  meta: CommandMeta;
  /** How many customers `owner` holds now, across streams (the deal index). */
  ownedCustomers: (owner: string) => number;
}>;

/** One command's route: where it is served, its body DTO, how the body becomes the command's data. */
export type CommandRoute = Readonly<{
  /** Below the workflow's path: `''` opens a stream, `:id/...` addresses one. */
  path: string;
  dto: Type<object>;
  /** One line after the command's name in the OpenAPI operation. */
  summary: string;
  /** Only when two workflows serve a command of the same name (the default: the name, lower camel case). */
  operationId?: string;
  /** A creating route: the body field naming the new stream; absent, its id derives from the key. */
  creates?: string;
  /**
   * A route whose stream is named by what the body is about (a forecast call's line: scope, subject and
   * period), not by the path or a key: the stream's id from the body and the sender.
   */
  streamOf?: (body: never, meta: CommandMeta) => string;
  /** Body fields naming streams the command opens later (field -> purpose), derived from the key when absent. */
  newIds?: Readonly<Record<string, string>>;
  /** A `:gate` segment in the path, one of these, passed as `data.gate`. */
  gates?: readonly GateName[];
  /** When the body is not the data as it is (annotate `body` with the DTO class). */
  data?: (body: never, context: RouteContext) => object;
  /**
   * Fields of `data` the server reads from elsewhere (the deal index), not from the request: left out of
   * the idempotency check, so a retry finding them changed still gets the first answer.
   */
  derived?: readonly string[];
}>;

type DtoOf<R> = R extends { dto: Type<infer D> } ? D : never;
type Creates<R> = R extends { creates: infer F extends string } ? F : never;
type NewIdFields<R> = R extends { newIds: infer N } ? keyof N & string : never;
type GateData<R> = R extends { gates: readonly GateName[] } ? { gate: GateName } : unknown;

/** The data a route without its own mapping sends: the body less the new stream's id, ids filled in. */
type DefaultData<R> = Omit<DtoOf<R>, Creates<R> | NewIdFields<R>> & {
  [F in NewIdFields<R>]: string;
} & GateData<R>;
type Produced<R> = R extends { data: (...args: never[]) => infer O } ? O : DefaultData<R>;

/** The data has every field of the command (typed alike) and nothing else. */
type Fits<P, Data> = [P] extends [Data]
  ? [Exclude<keyof P, keyof Data>] extends [never]
    ? true
    : false
  : false;

/** A route's own mapping reads the route's DTO. */
type ReadsDto<R> = R extends { data: (body: infer B, ...rest: never[]) => unknown }
  ? [DtoOf<R>] extends [B]
    ? true
    : false
  : true;

type Checked<C extends Command, T> = {
  [K in keyof T]: K extends C['type']
    ? [Fits<Produced<T[K]>, CommandData<C, K>>, ReadsDto<T[K]>] extends [true, true]
      ? T[K]
      : T[K] & { drift: `the DTO of ${K} does not match the data of its command` }
    : never;
};

/** How the api serves one workflow's commands: one route per command of its union, nothing else. */
export type RouteTable<C extends Command = Command> = Readonly<{
  /** Path segment under `/api` and the OpenAPI tag, e.g. `opportunities`. */
  path: string;
  /** `Opportunity` / `Opportunities`: the names of the read operations (`getOpportunity`). */
  label: string;
  labelPlural: string;
  stream: StreamIds;
  /** The bus message every command of the workflow travels in (its handler's class). */
  message: new (streamId: string, command: C, meta: WorkflowCommand<C>['meta']) => WorkflowCommand<C>;
  routes: Readonly<Record<C['type'], CommandRoute>>;
}>;

/**
 * The route table of a workflow. Each key is a command's name (written once); the type check fails when
 * a DTO (after the route's id handling or its `data` mapping) drifts from the data of its command.
 */
export function routeTable<C extends Command>() {
  return <const T extends Record<C['type'], CommandRoute>>(
    table: Omit<RouteTable<C>, 'routes'> & { routes: T & Checked<C, T> },
  ): RouteTable<C> => table;
}
