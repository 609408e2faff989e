import { applyDecorators, Body, Controller, Param, type Type } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Command } from '@ltc/domain';
import { idFromCommand } from '@ltc/engine';
import type { GateName } from '@ltc/workflow-gates';
import { ApiGateParam, GateNamePipe } from '../gates/gate-name.pipe';
import { DealIndex } from '../queries/deal-index';
import { DealQueryController } from '../queries/deal-query.controller';
import { ApiCommand } from './api-command.decorator';
import { CommandMetadata, type CommandMeta } from './command-meta.decorator';
import { commandResponse, plain } from './command-response';
import type { CommandResultDto } from './command-result.dto';
import type { CommandRoute, RouteTable } from './command-route';
import { IdPipe } from './id.pipe';

/** What the generated controller holds; a subclass adds routes of its own with these. */
export type CommandHost = {
  readonly commands: CommandBus;
  readonly deals: DealIndex;
  readonly queries: QueryBus;
};

/**
 * The command's data from a request body as its route maps it: a creating route's id field taken out
 * (the id of the new stream), ids of streams it opens later derived from the key when absent, and the
 * route's own mapping; `meta` with the key's fingerprint when the route derives fields on the server.
 * The importer builds its lines' commands the same way.
 */
export function routeData(
  category: string,
  route: CommandRoute,
  [pathId, gate, body, meta]: [string | undefined, GateName | undefined, object, CommandMeta],
  ownedCustomers: (owner: string) => number,
): { id: string; data: object; meta: CommandMeta & { fingerprint?: unknown } } {
  const fields = plain(body) as Record<string, unknown>;
  const derive = (purpose: string) => idFromCommand(meta.commandId, purpose);
  let id = pathId ?? '';
  if (route.creates !== undefined) {
    id = pathId ?? (fields[route.creates] as string | undefined) ?? derive(category);
    delete fields[route.creates];
  }
  if (route.streamOf !== undefined) id = route.streamOf(plain(body) as never, meta);
  for (const [field, purpose] of Object.entries(route.newIds ?? {})) fields[field] ??= derive(purpose);
  const data =
    route.data === undefined
      ? { ...(gate === undefined ? {} : { gate }), ...fields }
      : route.data(plain(body) as never, { id, meta, ownedCustomers });
  const derived = route.derived ?? [];
  const fingerprint =
    derived.length === 0
      ? undefined
      : Object.fromEntries(Object.entries(data).filter(([field]) => !derived.includes(field)));
  return { id, data, meta: fingerprint === undefined ? meta : { ...meta, fingerprint } };
}

/** The body and path of one request to the command the route maps, sent through the CommandBus. */
async function send<C extends Command>(
  host: CommandHost,
  table: RouteTable<C>,
  [type, route]: [C['type'], CommandRoute],
  request: [string | undefined, GateName | undefined, object, CommandMeta],
): Promise<CommandResultDto> {
  const { id, data, meta } = routeData(table.stream.category, route, request, (owner) =>
    host.deals.ownedCustomers(owner),
  );
  const message = new table.message(table.stream.id(id), { type, data } as C, meta);
  return commandResponse(id, await host.commands.execute(message));
}

/** Declares one route's handler with its parameters, pipes and OpenAPI operation, as a hand-written one. */
function declare<C extends Command>(
  prototype: object,
  table: RouteTable<C>,
  entry: [C['type'], CommandRoute],
) {
  const [type, route] = entry;
  const handler = {
    [type](this: CommandHost, ...args: [string | undefined, GateName | undefined, object, CommandMeta]) {
      return send(this, table, entry, args);
    },
  }[type];
  Object.defineProperty(prototype, type, { value: handler, writable: true, configurable: true });
  // What `emitDecoratorMetadata` records for a method: the ValidationPipe and the OpenAPI body read it.
  Reflect.defineMetadata('design:paramtypes', [String, String, route.dto, Object], prototype, type);
  // Last parameter first, as TypeScript applies them: the OpenAPI path parameters keep their order.
  CommandMetadata()(prototype, type, 3);
  Body()(prototype, type, 2);
  if (route.gates !== undefined) Param('gate', new GateNamePipe(route.gates))(prototype, type, 1);
  if (route.path.includes(':id')) Param('id', IdPipe)(prototype, type, 0);
  applyDecorators(
    ApiCommand(route.path, type, route.summary, route.operationId),
    ...(route.gates === undefined ? [] : [ApiGateParam(route.gates)]),
  )(prototype, type, Object.getOwnPropertyDescriptor(prototype, type) as PropertyDescriptor);
}

/**
 * The controller of a workflow, built from its route table: one POST operation per command, each sent
 * through the CommandBus, plus the read operations every workflow has (one, its history, a list).
 */
export function CommandController<C extends Command>(table: RouteTable<C>): Type<CommandHost> {
  const { category } = table.stream;
  @ApiTags(table.path)
  @Controller(`api/${table.path}`)
  class Commands extends DealQueryController(category, table.label, table.labelPlural) {
    constructor(
      readonly commands: CommandBus,
      readonly deals: DealIndex,
      queries: QueryBus,
    ) {
      super(queries);
    }
  }
  Object.defineProperty(Commands, 'name', { value: `${table.label}Controller` });
  for (const entry of Object.entries(table.routes) as [C['type'], CommandRoute][]) {
    declare(Commands.prototype, table, entry);
  }
  return Commands;
}
