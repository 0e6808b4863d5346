// npm run faults: the whole fault sweep of issue 8 (test/gas/fault-sweep.ts) — at every
// service call of a 22-action morning: kill after it, throw before it, throw after it; then a
// clean rerun and the next day — and its figures.
import { sweep, sweepFixture } from "../test/gas/fault-sweep";

const started = Date.now();
const fx = sweepFixture();
const points = fx.calls.map((_, i) => i + 1);
console.log(
  `Balayage des pannes : ${fx.actions.length} actions, ${fx.calls.length} appels de service, 3 pannes par appel…`,
);
const f = sweep(fx, points);
console.log(
  `fault sweep: ${f.scenarios} faulty runs (${fx.calls.length} calls × kill after, throw before, throw after), each followed by a clean rerun and the next day`,
);
console.log(`  duplicates (email or document twice): ${f.duplicates}`);
console.log(`  lost Journal lines: ${f.lost}`);
console.log(`  corrupted rows (columns ≠ Journal, error rows): ${f.corrupted}`);
console.log(`  failures nobody would see: ${f.invisible}`);
console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const r of f.failures.slice(0, 20))
  console.log(
    `  ✗ appel ${r.point} ${r.call} (${r.mode}) : ${[...r.duplicates, ...r.lost, ...r.corrupted].join(" ; ")}${r.invisible ? " ; panne invisible" : ""}`,
  );
if (f.failures.length > 0) process.exitCode = 1;
