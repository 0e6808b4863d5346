// The time-zone trap: a date cell must stay the same calendar date whatever the
// machine's TZ. Node fixes its zone at start-up, so each zone gets its own process,
// which reads the same .xlsx and writes it back.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../sandbox/files/csv.js";
import { readXlsx, writeXlsx } from "../../sandbox/files/xlsx.js";
import type { WorkbookModel } from "../../sandbox/model.js";
import { calendarDateIn, fromWallClock, midnightIn } from "../../sandbox/tz.js";

const ROOT = resolve(import.meta.dirname, "../..");
const PARIS = "Europe/Paris";
const MACHINE_ZONES = ["Pacific/Kiritimati", "America/Los_Angeles", "UTC", "Asia/Kolkata"];
// Around the dates that trip naive code: DST changes in Paris, a year end, a leap day.
const DATES = ["2026-03-29", "2026-10-25", "2026-11-26", "2026-12-31", "2028-02-29"];

function workbook(): WorkbookModel {
  const values = [
    ["N° facture", "Échéance", "Envoyé le"],
    ...DATES.map((d, i) => [
      `F-${i}`,
      midnightIn(d, PARIS),
      fromWallClock({ year: 2026, month: 11, day: 26, hour: 23, minute: 30 }, PARIS),
    ]),
  ];
  return {
    name: "tz",
    timeZone: PARIS,
    locale: "fr_FR",
    namedRanges: [],
    sheets: [
      {
        name: "Créances",
        values,
        formulas: [],
        numberFormats: [],
        frozenRows: 1,
        frozenColumns: 0,
        hidden: false,
        dataValidations: [],
        conditionalFormats: [],
        spills: [],
      },
    ],
  };
}

// Runs in the child: reads `input` (an .xlsx or a .csv) in Paris time, reports what it
// holds, and writes it back to `output`.
const CHILD = `
const [xlsxUrl, csvUrl, tzUrl, input, output] = process.argv.slice(1);
const { readXlsx, writeXlsx } = await import(xlsxUrl);
const { readCsv } = await import(csvUrl);
const { calendarDateIn } = await import(tzUrl);
const { readFileSync } = await import("node:fs");
const wb = input.endsWith(".csv") ? readCsv(readFileSync(input)) : await readXlsx(input);
const rows = wb.sheets[0].values.slice(1);
await writeXlsx(wb, output, { date: new Date(Date.UTC(2026, 10, 26)) });
console.log(JSON.stringify({
  offset: new Date(2026, 10, 26).getTimezoneOffset(),
  dates: rows.map((r) => calendarDateIn(r[1], "Europe/Paris")),
  instants: rows.map((r) => [r[1].toISOString(), r[2] instanceof Date ? r[2].toISOString() : r[2]]),
}));
`;

function runIn(tz: string, input: string, output: string) {
  const url = (p: string) => pathToFileURL(join(ROOT, p)).href;
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      CHILD,
      url("sandbox/files/xlsx.ts"),
      url("sandbox/files/csv.ts"),
      url("sandbox/tz.ts"),
      input,
      output,
    ],
    { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: "utf8" },
  );
  return JSON.parse(out) as { offset: number; dates: string[]; instants: [string, string][] };
}

describe("a date cell is the same calendar date whatever the machine's TZ", () => {
  let dir: string;
  let source: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "recouvra-tz-"));
    source = join(dir, "source.xlsx");
    await writeXlsx(workbook(), source);
  });

  it("reads and writes .xlsx the same in Kiritimati (UTC+14), Los Angeles, UTC and Kolkata", async () => {
    const expected = workbook()
      .sheets[0]?.values.slice(1)
      .map((r) => [(r[1] as Date).toISOString(), (r[2] as Date).toISOString()]);
    const offsets = new Set<number>();
    for (const tz of MACHINE_ZONES) {
      const output = join(dir, `${tz.replace("/", "_")}.xlsx`);
      const child = runIn(tz, source, output);
      offsets.add(child.offset);
      expect(child.dates, tz).toEqual(DATES);
      expect(child.instants, tz).toEqual(expected);
      // What that machine wrote reads back here (TZ of the test runner) the same.
      const back = await readXlsx(output);
      expect(
        back.sheets[0]?.values.slice(1).map((r) => calendarDateIn(r[1] as Date, PARIS)),
        tz,
      ).toEqual(DATES);
      // Byte for byte what the first machine wrote: nothing depends on the zone.
      const first = join(dir, `${(MACHINE_ZONES[0] as string).replace("/", "_")}.xlsx`);
      expect(readFileSync(output).equals(readFileSync(first)), tz).toBe(true);
    }
    // The children really ran in different zones.
    expect(offsets.size).toBe(MACHINE_ZONES.length);
  });

  it("reads a French .csv to the same dates in every zone", () => {
    const csv = join(dir, "ledger.csv");
    const text = `N° facture;Échéance;Envoyé le\r\n${DATES.map((d, i) => `F-${i};${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)};26/11/2026 23:30`).join("\r\n")}\r\n`;
    writeFileSync(csv, text);
    const here = readCsv(readFileSync(csv))
      .sheets[0]?.values.slice(1)
      .map((r) => (r[1] as Date).toISOString());
    for (const tz of MACHINE_ZONES) {
      const child = runIn(tz, csv, join(dir, `csv-${tz.replace("/", "_")}.xlsx`));
      expect(child.dates, tz).toEqual(DATES);
      expect(
        child.instants.map((i) => i[0]),
        tz,
      ).toEqual(here);
    }
  });
});
