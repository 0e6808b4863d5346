// npm run faults: the whole fault sweep of issue 8 (test/gas/fault-sweep.ts) — at every
// service call of a 22-action morning: kill after it, throw before it, throw after it; then a
// clean rerun and the next day — and its figures. The call points are shared among one child
// process per core (`--jobs N` to choose), each printing its progress; `--sample K` takes
// every K-th call point only (a quick look, not the figures).
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { type FaultResult, type SweepFigures, sweep, sweepFixture } from "../test/gas/fault-sweep";

const shard = process.env.FAULT_SHARD; // "i/n" in a child

if (shard) {
  const [i, n] = shard.split("/").map(Number) as [number, number];
  const fx = sweepFixture();
  const sample = Number(process.env.FAULT_SAMPLE ?? "1");
  const points = fx.calls
    .map((_, k) => k + 1)
    .filter((p) => p % sample === 0)
    .filter((_, k) => k % n === i);
  const f = sweep(fx, points, (done) => process.send?.({ progress: done * 3 }));
  process.send?.({ figures: f });
} else {
  const started = Date.now();
  const jobsArg = process.argv.indexOf("--jobs");
  const jobs = Math.max(
    1,
    jobsArg > 0 ? Number(process.argv[jobsArg + 1]) : availableParallelism(),
  );
  const sampleArg = process.argv.indexOf("--sample");
  const sample = Math.max(1, sampleArg > 0 ? Number(process.argv[sampleArg + 1]) : 1);
  const fx = sweepFixture();
  const total = Math.floor(fx.calls.length / sample) * 3;
  console.log(
    `Balayage des pannes : ${fx.actions.length} actions, ${fx.calls.length} appels de service, 3 pannes par appel, ${total} exécutions en panne, ${jobs} processus…`,
  );
  const progress = new Array<number>(jobs).fill(0);
  let shown = 0;
  const results = await Promise.all(
    Array.from(
      { length: jobs },
      (_, i) =>
        new Promise<SweepFigures>((resolve, reject) => {
          const child = fork(new URL(import.meta.url), [], {
            env: { ...process.env, FAULT_SHARD: `${i}/${jobs}`, FAULT_SAMPLE: String(sample) },
          });
          child.on("message", (m: { progress?: number; figures?: SweepFigures }) => {
            if (m.progress !== undefined) {
              progress[i] = m.progress;
              const done = progress.reduce((a, b) => a + b, 0);
              if (done - shown >= total / 20) {
                shown = done;
                const s = (Date.now() - started) / 1000;
                console.log(`  ${done}/${total} (${s.toFixed(0)} s)`);
              }
            }
            if (m.figures) resolve(m.figures);
          });
          child.on(
            "exit",
            (code) => code !== 0 && reject(new Error(`processus ${i} : code ${code}`)),
          );
        }),
    ),
  );
  const sum = (k: "scenarios" | "duplicates" | "lost" | "corrupted" | "invisible") =>
    results.reduce((a, r) => a + r[k], 0);
  const failures: FaultResult[] = results.flatMap((r) => r.failures);
  console.log(
    `fault sweep: ${sum("scenarios")} faulty runs (${sample > 1 ? `every ${sample}th of ` : ""}${fx.calls.length} calls × kill after, throw before, throw after), each followed by a clean rerun and the next day`,
  );
  console.log(`  duplicates (email or document twice): ${sum("duplicates")}`);
  console.log(`  lost Journal lines: ${sum("lost")}`);
  console.log(`  corrupted rows (columns ≠ Journal, error rows): ${sum("corrupted")}`);
  console.log(`  failures nobody would see: ${sum("invisible")}`);
  console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const r of failures.slice(0, 20))
    console.log(
      `  ✗ appel ${r.point} ${r.call} (${r.mode}) : ${[...r.duplicates, ...r.lost, ...r.corrupted].join(" ; ")}${r.invisible ? " ; panne invisible" : ""}`,
    );
  if (failures.length > 0) process.exitCode = 1;
}
