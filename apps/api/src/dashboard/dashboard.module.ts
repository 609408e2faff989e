import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { compressedAssets } from './compressed-assets';
import { SessionController } from './session.controller';

export const DASHBOARD_ROOT = Symbol('DASHBOARD_ROOT');
/** Paths the api answers itself: the SPA fallback never shadows them (an unknown one stays a 404). */
const API_PATHS = /^\/(api|docs|docs-json|health)(\/|$)/;
/** The dashboard's client routes (`apps/dashboard/src/layout/shell.tsx`); any other path stays a 404. */
export const CLIENT_ROUTES = /^\/((pipeline|win-rates|forecast|incentives|deals|inbox|customers)(\/.*)?)?$/;

/** `dist/apps/dashboard` beside the compiled api (`dist/apps/api/src/dashboard`). */
export const builtDashboardRoot = (): string => resolve(__dirname, '../../../dashboard');

/** A built dashboard has `index.html` and its hashed `assets/` (the source folder has no `assets/`). */
export const isBuiltDashboard = (root: string): boolean =>
  existsSync(join(root, 'index.html')) && existsSync(join(root, 'assets'));

/**
 * Serves the dashboard's built files at `/` and `index.html` for its client routes (`/deals/opportunities/x`,
 * `/pipeline?asOf=…`), so a reload or a shared link opens the view. Registered after the api's routes (onModuleInit runs once the router is
 * set up) and before Nest's 404, so `/api`, `/docs` and `/health` are never shadowed.
 */
@Module({ controllers: [SessionController] })
export class DashboardModule implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(DASHBOARD_ROOT) private readonly root: string,
  ) {}

  static forRoot(root: string = builtDashboardRoot()): DynamicModule {
    return { module: DashboardModule, providers: [{ provide: DASHBOARD_ROOT, useValue: root }] };
  }

  onModuleInit(): void {
    // An application context without HTTP (the demo seeder) has no adapter to serve files on.
    if (!isBuiltDashboard(this.root) || !this.host.httpAdapter) return;
    const app = this.host.httpAdapter.getInstance<express.Express>();
    // Hashed assets are immutable (a new build has new names): compressed once, cached for a year.
    const assets = compressedAssets(this.root);
    void assets.warm();
    const hashed = express.static(this.root, { index: false, maxAge: '1y', immutable: true });
    // Files of public/ (favicon.svg) keep their names across builds: revalidated, not immutable.
    const files = express.static(this.root, { index: false, maxAge: 0 });
    const index = join(this.root, 'index.html');
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (API_PATHS.test(req.path)) return next();
      // index.html must be fetched again to see a new build.
      if (req.path.startsWith('/assets/')) return assets.serve(req, res, () => void hashed(req, res, next));
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (req.path !== '/' && /\.[a-z0-9]+$/i.test(req.path)) return files(req, res, next);
      if (!CLIENT_ROUTES.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
