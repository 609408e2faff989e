import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { checkStartup } from './config.checks';
import { ErrorBody } from './http/error-body';
import { validationPipe } from './http/validation';
import { createLogger, JsonLogger } from './operability/logger';
import { rateLimit } from './operability/rate-limit';
import { readPriority } from './operability/read-priority';
import { requestLog } from './operability/request-log';

export type RunningApp = Readonly<{ app: INestApplication; url: string; log: Logger }>;

/** The largest JSON body a request may send; a larger one is 413 `PAYLOAD_TOO_LARGE`. */
export const BODY_LIMIT = '100kb';

/** Builds the Nest application for a config without listening: shared by `main` and the tests. */
export async function createApp(
  config: AppConfig,
  log: Logger = createLogger(config.logLevel),
): Promise<NestExpressApplication> {
  await checkStartup(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new JsonLogger(log),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // Plain HTTP is how it runs on a laptop or behind a proxy: no upgrade of the dashboard's own requests.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(requestLog(log));
  app.use(rateLimit(config.rateLimitPerMinute));
  app.use(readPriority());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useGlobalPipes(validationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LTC workflow engine')
      .setDescription('Event-sourced Lead-to-Cash workflow engine for key-account sales')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key from `ltc users add`' })
      .addGlobalResponse({
        status: 429,
        description:
          'TOO_MANY_REQUESTS: more requests in a minute than RATE_LIMIT_PER_MINUTE allows one API key ' +
          '(a client address without one); Retry-After says in how many seconds to try again',
        type: ErrorBody,
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** Starts the api and listens on the configured port. */
export async function bootstrap(config: AppConfig): Promise<RunningApp> {
  const log = createLogger(config.logLevel);
  const app = await createApp(config, log);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  return { app, url: `http://127.0.0.1:${port}`, log };
}
