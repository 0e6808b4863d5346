// The dossier for the commissaire de justice names the PDFs actually sent, through the
// built bundle: the Journal's « PDF » column records the file the mise en demeure's email
// carried (the same bytes as the .eml's attachment) and the original to post; the dossier
// (read back through pdftotext) names that file and links it. A Journal from before the
// column still works: the dossier falls back to the Doc's PDF export, and says so.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { emlBytes } from "../../sandbox/files/eml";
import { renderPdf } from "../../sandbox/files/pdf";
import type { Sandbox } from "../../sandbox/index";
import {
  addDays,
  invoiceRow,
  journal,
  openLedger,
  plain,
  runOn,
  sheet,
  snapshot,
} from "./daily-run-harness";

const TODAY = "2026-11-26";
const dir = mkdtempSync(join(tmpdir(), "recouvra-journal-pdf-"));
const COPY = "Mise en demeure — Boulangerie Martin — F-2026-0250 — 2026-11-26 (copie).pdf";
const ORIGINAL = "Mise en demeure — Boulangerie Martin — F-2026-0250 — 2026-11-26.pdf";

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return plain(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })).replace(
    /\s+/g,
    " ",
  );
}

/** Runs each day until the debtor's dossier is made; returns it. */
function runUntilDossier(sb: Sandbox) {
  for (let d = addDays(TODAY, 1); d <= "2027-01-31"; d = addDays(d, 1)) {
    runOn(sb, d);
    const dossier = sb.documents.find((doc) => doc.name.startsWith("Dossier de recouvrement"));
    if (dossier) return dossier;
  }
  throw new Error("no dossier");
}

function links(doc: { elements: unknown[] }): string[] {
  return JSON.stringify(doc.elements).match(/"link":"[^"]+"/g) ?? [];
}

function ledgerOf(): Sandbox {
  const sb = openLedger(
    [
      invoiceRow({
        invoice: "F-2026-0250",
        client: "Boulangerie Martin",
        email: "contact@boulangerie-martin.example",
        due: "2026-10-27",
        amount: 1850,
        lastStep: "Relance ferme",
        lastStepDate: "2026-11-16",
      }),
    ],
    { now: `${TODAY}T08:00` },
  );
  runOn(sb, TODAY);
  return sb;
}

describe("the PDFs actually sent, in the Journal and the dossier", () => {
  const first = ledgerOf();
  // (A copy of the spreadsheet as it is after the mise en demeure, before the test above
  // runs on: Drive and the mails are not copied, the Journal is.)
  const again = snapshot(first, { now: `${TODAY}T18:00` });

  it("records the emailed PDF and the original, and the dossier names and links the file sent", async () => {
    const sb = first;
    const lines = journal(sb);
    const notice = lines.find((l) => l.outcome === "Email envoyé — LRAR à poster");
    const task = lines.find((l) => l.subject.startsWith("Poster en LRAR"));
    expect(sheet(sb, "Journal").values[0]?.[10]).toBe("PDF");
    const [copyName, copyUrl] = (notice?.pdf ?? "").split("\n");
    expect(copyName).toBe(COPY);
    expect(task?.pdf.split("\n")[0]).toBe(ORIGINAL);
    // The file the Journal links is the one the email carried: same name, same bytes.
    const mail = sb.mails[0];
    if (!mail) throw new Error("no email");
    const parsed = await simpleParser(Buffer.from(await emlBytes(mail)));
    const attachment = parsed.attachments[0];
    expect(attachment?.filename).toBe(COPY);
    const file = sb.drive.files.find((f) => copyUrl?.includes(f.id));
    if (!file) throw new Error(`no Drive file at ${copyUrl}`);
    expect(file.name).toBe(COPY);
    expect(file.mimeType).toBe("application/pdf");
    expect(Buffer.from(sb.drive.bytesOf(file)).equals(attachment?.content ?? Buffer.alloc(0))).toBe(
      true,
    );

    const dossier = runUntilDossier(sb);
    // (pdftotext wraps the long lines after a hyphen: read them joined.)
    const text = pdfText(renderPdf(dossier), "dossier").replace(/- /g, "-");
    expect(text).toContain(
      `Mise en demeure du 26/11/2026 — PDF joint à l'email envoyé à contact@boulangerie-martin.example : « ${COPY} »`,
    );
    expect(text).toContain(
      `Mise en demeure du 26/11/2026 — PDF original à envoyer en lettre recommandée : « ${ORIGINAL} »`,
    );
    expect(links(dossier)).toContain(`"link":"${copyUrl}"`);
    expect(text).not.toContain("export?format=pdf");
  });

  it("with a Journal from before the « PDF » column, falls back to the Doc's export and says so", () => {
    const sb = again();
    // The Journal as an older Recouvra wrote it: ten columns, no « PDF ».
    for (const row of sheet(sb, "Journal").values) row.splice(10);
    const dossier = runUntilDossier(sb);
    const text = pdfText(renderPdf(dossier), "legacy");
    expect(text).toContain(
      "Mise en demeure du 26/11/2026 — export PDF du document tel qu'il est aujourd'hui (le fichier envoyé n'est pas enregistré au Journal)",
    );
    expect(links(dossier).some((l) => l.includes("/export?format=pdf"))).toBe(true);
    // The column is back for what comes next.
    expect(sheet(sb, "Journal").values[0]?.[10]).toBe("PDF");
  });
});
