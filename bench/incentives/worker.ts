import { generatedPlanTerms } from '@ltc/projections/testing';
import { openReadModel, ReadModelStore } from '@ltc/projections';
import {
  incentiveStatementsProjection,
  planStatements,
  statementOf,
  StoredIncentives,
  whatIf,
} from '@ltc/read-models';

// A child process of the incentives bench: one measurement over the stored read model of a rebuild,
// reported with this process's own peak RSS.
const seconds = (started: number) => (performance.now() - started) / 1000;
/** CPU seconds of this process since `from` (the machine is shared: wall time says how loaded it was). */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

function main(): void {
  const [mode, readModelsFile, planId, year] = process.argv.slice(2) as [string, string, string, string];
  const readModels = new ReadModelStore({ file: readModelsFile });
  let started = performance.now();
  const loadCpu = process.cpuUsage();
  const stored = new StoredIncentives().refresh(openReadModel(readModels, incentiveStatementsProjection));
  const load = seconds(started);
  const loadCpuSeconds = cpuSince(loadCpu);
  const ledger = stored.ledger;
  const plan = ledger.plans.get(planId)!;
  let result: Record<string, unknown>;
  if (mode === 'whatif') {
    // One year of periods, the signed rate and the split changed: live vs what-if per person and month.
    const terms = { ...generatedPlanTerms(300), split: { AR: 6000, SR: 2500, FR: 1500 } };
    started = performance.now();
    const cpu = process.cpuUsage();
    const answer = whatIf(ledger, { planId, terms, from: `${year}-01`, to: `${year}-12` })!;
    const s = seconds(started);
    result = {
      seconds: s,
      cpuSeconds: cpuSince(cpu),
      rows: answer.rows.length,
      differenceMinor: answer.totals.differenceMinor,
    };
  } else if (mode === 'query') {
    // As the api answers GET statements: a closed month (stored) and the open month (computed on the
    // stored closes), for one rep, the first time (no earnings cached) and again.
    const closed = plan.closes[Math.floor(plan.closes.length / 2)]!.period;
    const open = plan.opened.at(-1)!.period;
    const time = (period: string) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const s = statementOf(ledger, { personId: 'ann', period, planId }, stored.plan)!;
      const lines = { lines: s.lines.length, adjustments: s.adjustments.length };
      return { seconds: seconds(t), cpuSeconds: cpuSince(cpu), ...lines };
    };
    result = {
      closed: time(closed),
      openFirst: time(open),
      openAgain: time(open),
      closedPeriod: closed,
      openPeriod: open,
    };
  } else {
    // The calculator alone over the same ledger: every close recomputed from the log before it.
    started = performance.now();
    const cpu = process.cpuUsage();
    const all = planStatements(ledger, planId);
    result = { seconds: seconds(started), cpuSeconds: cpuSince(cpu), statements: all.statements.size };
  }
  const facts = readModels.db
    .prepare(`SELECT count(*) FROM ${openReadModel(readModels, incentiveStatementsProjection).t.facts}`)
    .pluck()
    .get();
  readModels.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      mode,
      loadSeconds: load,
      loadCpuSeconds,
      facts,
      deals: ledger.deals.size,
      closes: plan.closes.length,
      ...result,
      peakRssMb,
    }),
  );
}

main();
