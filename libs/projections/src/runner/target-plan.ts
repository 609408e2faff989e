import type { AnyProjection } from '../core/projection';
import type { Generation, Generations } from '../store/generations';
import { ownerGone } from './lease';

export type PlannedTarget = Readonly<{ projection: AnyProjection; generation: number }>;

/**
 * Which generations a runner writes. Normally: the serving generation of every registered version (an
 * older version keeps serving while the newest builds), and a building generation of the newest version
 * when none serves, created or taken over from a dead owner. In rebuild mode: one fresh generation per
 * named projection, kept until promoted.
 */
export class TargetPlanner {
  private readonly built = new Map<string, number>();

  constructor(
    private readonly generations: Generations,
    private readonly projections: readonly AnyProjection[],
    private readonly owner: string,
    private readonly rebuild: readonly string[] | undefined,
  ) {
    for (const name of rebuild ?? []) {
      if (!projections.some((p) => p.name === name)) throw new Error(`no projection named "${name}"`);
    }
  }

  plan(now: string, staleBefore: string, initial: boolean): PlannedTarget[] {
    const all = this.generations.all();
    const planned: PlannedTarget[] = [];
    for (const [name, versions] of byName(this.projections)) {
      const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
      const mine = all.filter((g) => g.name === name);
      if (this.rebuild === undefined) planned.push(...this.normal(newest, versions, mine, now, staleBefore));
      else if (this.rebuild.includes(name)) planned.push(...this.rebuilt(newest, now, staleBefore, initial));
    }
    return planned;
  }

  private normal(
    newest: AnyProjection,
    versions: readonly AnyProjection[],
    gens: readonly Generation[],
    now: string,
    staleBefore: string,
  ): PlannedTarget[] {
    const planned: PlannedTarget[] = [];
    const serving = gens.find((g) => g.status === 'serving');
    const code = versions.find((p) => p.version === serving?.version);
    if (serving !== undefined && code !== undefined) {
      planned.push({ projection: code, generation: serving.generation });
    }
    const building = gens.filter((g) => g.status === 'building').sort((a, b) => b.generation - a.generation);
    const stale = (g: Generation) =>
      g.owner !== this.owner && ((g.heartbeatAt ?? '') < staleBefore || ownerGone(g.owner));
    // Leftovers: builds of another version, or an interrupted rebuild of the version that serves.
    for (const g of building) {
      if (stale(g) && (g.version !== newest.version || serving?.version === newest.version)) {
        this.generations.discard(g.name, g.generation);
      }
    }
    if (serving?.version === newest.version) return planned;
    const candidates = building.filter((g) => g.version === newest.version);
    const claimed = candidates.find((g) =>
      this.generations.claim(g.name, g.generation, this.owner, now, staleBefore, ownerGone),
    );
    if (claimed !== undefined) planned.push({ projection: newest, generation: claimed.generation });
    else if (candidates.length === 0) {
      planned.push({
        projection: newest,
        generation: this.generations.create(newest, this.owner, now).generation,
      });
    }
    return planned;
  }

  private rebuilt(
    newest: AnyProjection,
    now: string,
    staleBefore: string,
    initial: boolean,
  ): PlannedTarget[] {
    let generation = this.built.get(newest.name);
    if (generation === undefined) {
      if (!initial) return [];
      generation = this.generations.create(newest, this.owner, now).generation;
      this.built.set(newest.name, generation);
    }
    const row = this.generations.get(newest.name, generation);
    if (row === undefined) return [];
    if (row.status === 'building')
      this.generations.claim(newest.name, generation, this.owner, now, staleBefore);
    return [{ projection: newest, generation }];
  }
}

function byName(projections: readonly AnyProjection[]): Map<string, AnyProjection[]> {
  const map = new Map<string, AnyProjection[]>();
  for (const p of projections) map.set(p.name, [...(map.get(p.name) ?? []), p]);
  return map;
}
