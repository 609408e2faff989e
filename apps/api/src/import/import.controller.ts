import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Controller, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ForbiddenError } from '@ltc/engine';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../http/command-meta.decorator';
import { ErrorBody } from '../http/error-body';
import { InvalidInputException } from '../http/validation';
import { ImportService, type OnError } from './import.service';

const NDJSON = 'application/x-ndjson';

/** `POST /api/import`: a history file, one command per line, streamed in and answered line by line. */
@ApiTags('import')
@Controller('api/import')
export class ImportController {
  private readonly logger = new Logger('Import');

  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'importHistory',
    summary:
      'import history (admins): one command per line, {type, target, body, actor, occurredAt, id?}, run in ' +
      'order through the workflows at its business time; answers one JSON line per input line, then a summary',
  })
  @ApiBearerAuth()
  @ApiConsumes(NDJSON)
  @ApiBody({ schema: { type: 'string', description: 'newline-delimited JSON, one command per line' } })
  @ApiQuery({ name: 'onError', required: false, enum: ['stop', 'skip'], description: 'default stop' })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    enum: ['true', 'false'],
    description:
      "check every line (JSON, shape, command type, its route's DTO rules, business-time order) and append nothing",
  })
  @ApiOkResponse({
    description: 'one result per line ({line, status, ...}), then {summary}',
    content: { [NDJSON]: { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'not NDJSON, or a bad onError/dryRun' })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'no or unknown API key' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'only admins may import' })
  async import(
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
    @Query('onError') onError = 'stop',
    @Query('dryRun') dryRun = 'false',
  ): Promise<void> {
    if (!request.actor?.roles.includes('admin')) {
      throw new ForbiddenError('importAdminsOnly', 'only admins may import history');
    }
    const problems = [
      ...(['stop', 'skip'].includes(onError)
        ? []
        : [{ field: 'onError', messages: ['onError must be stop or skip'] }]),
      ...(['true', 'false'].includes(dryRun)
        ? []
        : [{ field: 'dryRun', messages: ['dryRun must be true or false'] }]),
      ...(request.is(NDJSON) === NDJSON
        ? []
        : [{ field: 'Content-Type', messages: [`send the file as ${NDJSON}`] }]),
    ];
    if (problems.length > 0) throw new InvalidInputException(problems);
    response.status(200).type(NDJSON);
    const write = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
    // The upload is spooled to a file first: the server bounds how long receiving a request may take
    // (5 minutes), and a large import runs far longer than its upload.
    const dir = await mkdtemp(join(tmpdir(), 'ltc-import-'));
    const spool = join(dir, 'upload.jsonl');
    try {
      await pipeline(request, createWriteStream(spool));
      const lines = createInterface({ input: createReadStream(spool), crlfDelay: Infinity });
      const summary = await this.imports.run(
        lines,
        { onError: onError as OnError, dryRun: dryRun === 'true' },
        write,
      );
      write(summary);
    } catch (error) {
      // The answer has begun: the failure is its last line. Lines before it stand; a re-run resumes.
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      write({ error: { code: 'INTERNAL', message: 'the import stopped on an internal error; re-run it' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    response.end();
  }
}
