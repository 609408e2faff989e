import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { checkStartup } from './config.checks';
import { validationPipe } from './http/validation';

export type RunningApp = Readonly<{ app: INestApplication; url: string }>;

/** Builds the Nest application for a config without listening: shared by `main` and the tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  await checkStartup(config);
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  app.useGlobalPipes(validationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LTC workflow engine')
      .setDescription('Event-sourced Lead-to-Cash workflow engine for key-account sales')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key from `ltc users add`' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** Starts the api and listens on the configured port. */
export async function bootstrap(config: AppConfig): Promise<RunningApp> {
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const address = (app.getHttpServer() as Server).address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  return { app, url: `http://127.0.0.1:${port}` };
}
