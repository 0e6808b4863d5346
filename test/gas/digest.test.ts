// The Monday digest through the built bundle: sent after the morning run of the week's
// first business day, once, to the address in « Paramètres »; read back as an .eml.
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { emlBytes } from "../../sandbox/files/eml";
import type { Sandbox } from "../../sandbox/index";
import { invoiceRow, journal, openLedger, plain, runOn } from "./daily-run-harness";

const ROWS = [
  invoiceRow({
    invoice: "F-1",
    client: "Alpha SARL",
    email: "compta@alpha.example",
    invoiceDate: "2026-08-01",
    due: "2026-08-31",
    amount: 1000,
    lastStep: "Relance ferme",
    lastStepDate: "2026-09-07",
  }),
  invoiceRow({
    invoice: "F-2",
    client: "Alpha SARL",
    email: "compta@alpha.example",
    invoiceDate: "2026-09-15",
    due: "2026-10-15",
    amount: 600,
  }),
  invoiceRow({ invoice: "F-3", client: "Menuiserie Girard", due: "2026-11-27", amount: 2230 }),
  invoiceRow({
    invoice: "F-4",
    client: "Hôtel du Port",
    email: "direction@hotel-du-port.example",
    due: "2026-11-10",
    amount: 1850,
  }),
];
const BOSS = "patron@imprimerie-durand.example";

function open(settings: Record<string, string> = {}): Sandbox {
  return openLedger(ROWS, {
    now: "2026-11-24T10:00",
    settings: { "Synthèse du lundi": "Oui", "Email de la synthèse": BOSS, ...settings },
  });
}

const digests = (sb: Sandbox) => sb.mails.filter((m) => m.to === BOSS);

describe("the Monday digest", () => {
  it("goes once on Monday after the morning run, with last week, this week and the figures; parsed back from its .eml", async () => {
    const sb = open();
    // A payment received last week, recorded in the sidebar.
    sb.run("api", "apiRecordPayment", {
      client: "Hôtel du Port",
      date: "2026-11-24",
      amount: 850,
      means: "Chèque",
    });
    runOn(sb, "2026-11-27"); // Friday: no digest
    expect(digests(sb)).toEqual([]);
    runOn(sb, "2026-11-30"); // Monday
    expect(digests(sb)).toHaveLength(1);
    runOn(sb, "2026-11-30", "15:00"); // a rerun the same day
    runOn(sb, "2026-12-01"); // Tuesday
    expect(digests(sb)).toHaveLength(1);

    const mail = await simpleParser(Buffer.from(await emlBytes(digests(sb)[0] as never)));
    expect(mail.subject).toBe(
      "Recouvra — synthèse de la semaine du 30/11/2026 — Imprimerie Durand SARL",
    );
    const body = plain(mail.text ?? "");
    // 1 000 + 600 + 2 230 + (1 850 − 850), all past due.
    expect(body).toContain(
      "Encours 4 830,00 €, dont échu 4 830,00 € — 4 factures ouvertes, 3 clients.",
    );
    expect(body).toMatch(/DSO \(90 jours\) +\| +[\d,]+ j/);
    expect(body).toContain("PAIEMENTS REÇUS LA SEMAINE DERNIÈRE : 850,00 €");
    expect(body).toContain("24/11 — Hôtel du Port (F-4) : 850,00 €, chèque");
    // Last week's sends: Friday's run; its registered letter is to post.
    expect(body).toContain(
      "- 27/11 — Mise en demeure — Alpha SARL (F-1, F-2) : Email envoyé — LRAR à poster",
    );
    expect(body).toContain("- 27/11 — Relance de courtoisie — Hôtel du Port (F-4) : Envoyé");
    expect(body).not.toContain("Mise en demeure — Alpha SARL (F-1, F-2) : Tâche à faire");
    expect(body).toMatch(
      /LETTRES RECOMMANDÉES À POSTER\n\n- Alpha SARL \(F-1, F-2\) : Poster en LRAR/,
    );
    // Menuiserie Girard has no email: this morning's courtesy reminder is a call to make.
    expect(body).toMatch(/APPELS À PASSER\n\n- Menuiserie Girard \(F-3\) : Appeler/);
    expect(body).toContain("- Relance ferme — Hôtel du Port (F-4) le 02/12/2026");
    expect(body).toContain("LES 5 PLUS GROS RETARDS");
    expect(body).toMatch(/Alpha SARL +\| +1 600,00 € \| Transmission à un professionnel/);
    expect(body).toContain(sb.services.SpreadsheetApp.getActiveSpreadsheet().getUrl());
    expect(mail.html).toContain("Synthèse de la semaine du 30/11/2026");
    // Journaled as any send: an intent confirmed.
    expect(
      journal(sb)
        .filter((l) => l.step === "Synthèse hebdomadaire")
        .map((l) => [l.day, l.recipient, l.outcome]),
    ).toEqual([["2026-11-30", BOSS, "Envoyé"]]);
  });

  it("is turned off in « Paramètres », and goes to the creditor's Email when no other address is given", () => {
    const off = open({ "Synthèse du lundi": "Non" });
    runOn(off, "2026-11-30");
    expect(digests(off)).toEqual([]);
    const fallback = open({ "Email de la synthèse": "" });
    runOn(fallback, "2026-11-30");
    expect(
      fallback.mails.filter((m) => m.subject.startsWith("Recouvra — synthèse")).map((m) => m.to),
    ).toEqual(["relances@imprimerie-durand.example"]);
  });

  it("a run killed once the intent is journaled never sends it that week", () => {
    const sb = open();
    let killed = false;
    let composed = false;
    sb.onServiceCall(({ key, phase }) => {
      if (key === "SpreadsheetApp.Spreadsheet.getUrl") composed = true; // the digest's link
      // Right after the digest's intent line is flushed, before its send.
      if (!killed && composed && key === "SpreadsheetApp.flush" && phase === "after") {
        killed = true;
        sb.killExecution();
      }
    });
    try {
      runOn(sb, "2026-11-30");
    } catch (_) {
      // killed, as Google stops a run at 6 minutes
    }
    sb.onServiceCall(undefined);
    expect(killed).toBe(true);
    runOn(sb, "2026-11-30", "16:00");
    expect(digests(sb)).toEqual([]);
    expect(
      journal(sb)
        .filter((l) => l.step === "Synthèse hebdomadaire")
        .map((l) => l.outcome),
    ).toEqual(["À vérifier"]);
  });
});
