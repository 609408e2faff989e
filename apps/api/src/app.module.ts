import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config.token';
import type { AppConfig } from './config';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
    };
  }
}
