// NEXT_RELANCE and STATUT_CREANCE over 1 k, 10 k and 100 k rows, through the built bundle
// in the sandbox, as one array formula per column would call them. Target: ≥ 100 000 rows/s,
// so that a 100 000-row ledger recalculates far inside the 30 s custom-function limit.
import { createSandbox } from "../sandbox/index";
import { newSheetModel } from "../sandbox/services/grid";
import { midnightIn } from "../sandbox/tz";

const TZ = "Europe/Paris";
const PROFILES = ["Standard", "Fidèle", "En difficulté", "Récalcitrant"];
const STEPS = ["", "Relance de courtoisie", "Relance ferme", "Mise en demeure"];

/** A realistic ledger: dates over two years, every profile, some paid, disputed, suspended. */
export function syntheticLedger(rows: number): unknown[][] {
  const base = Date.UTC(2024, 10, 1);
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const invoice = new Date(base + (i % 700) * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const due = new Date(invoice.getTime() + 30 * 86_400_000);
    const step = STEPS[i % 4] as string;
    out.push([
      `F-${String(i).padStart(6, "0")}`,
      `Client ${i % 997}`,
      i % 11 === 0 ? "" : `compta${i % 997}@client.example`,
      i % 9 === 0 ? "Particulier" : "Professionnel",
      midnightIn(iso(invoice), TZ),
      midnightIn(iso(due), TZ),
      100 + (i % 5000),
      i % 13 === 0 ? 100 + (i % 5000) : 0,
      PROFILES[i % 4],
      i % 17 === 0,
      i % 19 === 0 ? midnightIn(iso(new Date(due.getTime() + 40 * 86_400_000)), TZ) : "",
      step,
      step ? midnightIn(iso(new Date(due.getTime() + 8 * 86_400_000)), TZ) : "",
      "",
    ]);
  }
  return out;
}

export function benchCustomFunctions(): void {
  const sb = createSandbox({
    timeZone: TZ,
    now: "2026-11-26T09:00",
    workbook: {
      name: "Bench",
      timeZone: TZ,
      locale: "fr_FR",
      sheets: [newSheetModel("Créances")],
      namedRanges: [],
    },
  });
  const today = midnightIn("2026-11-26", TZ);
  console.log("Fonctions personnalisées, via dist/Code.js dans le bac à sable :");
  const one = syntheticLedger(1);
  sb.callCustomFunction("NEXT_RELANCE", [one, "", today], { sheet: "Créances", cell: "P2" });
  const fixedStart = performance.now();
  sb.callCustomFunction("NEXT_RELANCE", [one, "", today], { sheet: "Créances", cell: "P2" });
  console.log(
    `  coût fixe d'un appel (1 ligne) : ${(performance.now() - fixedStart).toFixed(1)} ms`,
  );
  for (const size of [1_000, 10_000, 100_000]) {
    const rows = syntheticLedger(size);
    for (const fn of ["NEXT_RELANCE", "STATUT_CREANCE"]) {
      // One warm-up call, then the median of three: what a user meets once Sheets is warm.
      const times: number[] = [];
      for (let run = 0; run < 4; run++) {
        const start = performance.now();
        const out = sb.callCustomFunction(fn, [rows, "", today], {
          sheet: "Créances",
          cell: "P2",
        }) as unknown[][];
        if (run > 0) times.push((performance.now() - start) / 1000);
        if (out.length !== size) throw new Error(`${fn}: ${out.length} lignes au lieu de ${size}`);
      }
      const seconds = times.sort((a, b) => a - b)[1] as number;
      const rate = Math.round(size / seconds);
      console.log(
        `  ${fn.padEnd(15)} ${String(size).padStart(7)} lignes : ${(seconds * 1000).toFixed(0).padStart(6)} ms (médiane de 3), ${rate.toLocaleString("fr-FR")} lignes/s ${rate >= 100_000 ? "(objectif 100 000 atteint)" : "(SOUS l'objectif de 100 000)"}`,
      );
    }
  }
}
