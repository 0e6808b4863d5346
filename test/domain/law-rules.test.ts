// The legal rules of the ladder, v2 (issue 10): each rule pinned on the domain function that
// the custom functions, the daily run and the sidebar all call.
import { describe, expect, it } from "vitest";
import { claimAmounts, recoveryIndemnity } from "../../src/domain/amounts-due";
import type { Claim } from "../../src/domain/claim";
import { isVeryLate } from "../../src/domain/claim";
import {
  claimNotes,
  isDueDateBeyondLegalTerm,
  latestLegalDueDate,
  TYPE_NOT_GIVEN_NOTE,
} from "../../src/domain/claim-notes";
import { contactHoldBack } from "../../src/domain/contact-rule";
import { HANDED_OVER_REASON, type LedgerLine, planDailyRun } from "../../src/domain/daily-plan";
import { declarationDeadline } from "../../src/domain/insolvency";
import { type JournalEntry, OUTCOMES } from "../../src/domain/journal";
import { DEFAULT_LADDER, stepLabel } from "../../src/domain/ladder";
import { readLedgerRows } from "../../src/domain/ledger";
import { nextStep } from "../../src/domain/next-step";
import { isNearPrescription, lastDayToAct } from "../../src/domain/prescription";
import { registeredLetterEntry } from "../../src/domain/registered-letter";
import {
  DEFAULT_SETTINGS,
  ladderColumnProblem,
  runSettingProblem,
} from "../../src/domain/settings";
import { claimStatus } from "../../src/domain/status";
import { dossierView, type ViewSource } from "../../src/views/dossier";
import { workList } from "../../src/views/work-list";
import { claim, d } from "./fixtures";

const today = d("2026-11-26");
let rowNumber = 1;
const line = (c: Claim): LedgerLine => ({
  row: ++rowNumber,
  invoiceText: c.invoiceNumber,
  reading: { kind: "claim", claim: c },
});
const entry = (fields: Partial<JournalEntry>): JournalEntry => ({
  at: "2026-11-20 09:00",
  invoices: [],
  client: "",
  step: "",
  channel: "Email",
  recipient: "",
  subject: "",
  outcome: OUTCOMES.sent,
  document: "",
  by: "Recouvra (automatique)",
  ...fields,
});
const plan = (claims: Claim[], journal: JournalEntry[] = [], on = today) =>
  planDailyRun(claims.map(line), journal, on, DEFAULT_SETTINGS);
const next = (c: Claim, on = today) => {
  const n = nextStep(c, on, DEFAULT_LADDER);
  return n && [stepLabel(n.step), n.date];
};

describe("1. a blank Type is a Particulier, flagged", () => {
  const [reading] = readLedgerRows(
    [["F-9", "Jean Dupont", "", "", "2026-09-01", "2026-10-01", 300]],
    undefined,
  );
  const blank = reading?.kind === "claim" ? reading.claim : claim();

  it("claims no penalty and no 40 € from someone who may be a consumer", () => {
    expect(blank.clientType).toBe("Particulier");
    expect(claimAmounts(blank, today, DEFAULT_SETTINGS)).toMatchObject({
      penalties: 0,
      indemnity: 0,
      total: 300,
    });
  });

  it("is flagged « Type non renseigné » in the notes and in the daily plan", () => {
    expect(claimNotes(blank)).toEqual([TYPE_NOT_GIVEN_NOTE]);
    expect(TYPE_NOT_GIVEN_NOTE).toMatch(/^Type non renseigné/);
    expect(plan([blank]).notes).toEqual([{ invoice: "F-9", note: TYPE_NOT_GIVEN_NOTE }]);
    expect(claimNotes(claim())).toEqual([]);
  });
});

describe("2. prescription", () => {
  it("runs 2 years from Date facture for a consumer, and alerts 90 days before", () => {
    const consumer = claim({
      clientType: "Particulier",
      invoiceDate: d("2024-12-20"),
      dueDate: d("2025-02-20"),
    });
    expect(lastDayToAct(consumer)).toBe("2026-12-20");
    expect(isNearPrescription(consumer, today)).toBe(true);
    expect(claimStatus(consumer, d("2026-12-21"))).toBe("Prescrite");
    // 5 years from Échéance between professionals
    expect(lastDayToAct({ ...consumer, clientType: "Professionnel" })).toBe("2030-02-20");
  });
});

describe("3. no step before the previous message's deadline", () => {
  it("holds the mise en demeure until the Relance ferme's 8 days have run out", () => {
    // J+20 = 22/11; Relance ferme on 20/11 → 20/11 + 9 = Sunday 29/11 → Monday 30/11
    const c = claim({ dueDate: d("2026-11-02"), lastStep: 2, lastStepDate: d("2026-11-20") });
    expect(next(c)).toEqual(["Mise en demeure", "2026-11-30"]);
    // the Relance ferme's « au plus tard le 28/11 » passed: the 29th is the first day after it
    const early = claim({ dueDate: d("2026-10-02"), lastStep: 2, lastStepDate: d("2026-11-16") });
    expect(next(early)).toEqual(["Mise en demeure", "2026-11-25"]);
  });

  it("holds the handover until the mise en demeure's 8 days have run out", () => {
    const c = claim({ dueDate: d("2026-10-02"), lastStep: 3, lastStepDate: d("2026-11-19") });
    expect(next(c)).toEqual(["Transmission à un professionnel", "2026-11-30"]);
  });
});

describe("4. the debtor escalates as a whole from the mise en demeure", () => {
  const debtor = (fields: Partial<Claim>) => claim({ client: "Garage Petit", ...fields });
  const notice = debtor({
    invoiceNumber: "F-1",
    dueDate: d("2026-10-01"),
    lastStep: 2,
    lastStepDate: d("2026-10-08"),
  });
  const reminded = debtor({
    invoiceNumber: "F-2",
    dueDate: d("2026-11-10"),
    lastStep: 1,
    lastStepDate: d("2026-11-11"),
  });
  const justLate = debtor({ invoiceNumber: "F-3", dueDate: d("2026-11-24") });
  const notYetDue = debtor({ invoiceNumber: "F-4", dueDate: d("2026-11-26") });
  const disputed = debtor({ invoiceNumber: "F-5", dueDate: d("2026-10-10"), disputed: true });
  const suspended = debtor({
    invoiceNumber: "F-6",
    dueDate: d("2026-10-10"),
    suspendedUntil: d("2026-11-26"),
  });
  const insolvent = debtor({
    invoiceNumber: "F-7",
    invoiceDate: d("2026-09-01"),
    dueDate: d("2026-10-01"),
    insolvencyJudgment: d("2026-12-01"),
  });
  const paid = debtor({ invoiceNumber: "F-8", dueDate: d("2026-10-10"), paid: 1850 });
  const all = [notice, reminded, justLate, notYetDue, disputed, suspended, insolvent, paid];

  it("takes every late, open, undisputed, unsuspended invoice at a lower step into the mise en demeure", () => {
    const p = plan(all);
    expect(p.actions.map((a) => [a.stepLabel, a.invoices, a.joined])).toEqual([
      ["Mise en demeure", ["F-1", "F-2", "F-3"], ["F-2", "F-3"]],
    ]);
    const reason = (i: string) => p.skipped.find((s) => s.invoice === i)?.reason;
    expect(reason("F-4")).toMatch(/^Relance de courtoisie prévue le 27\/11\/2026/);
    expect(reason("F-5")).toBe("En litige : relances arrêtées");
    expect(reason("F-6")).toMatch(/^Suspendue jusqu'au 26\/11\/2026/);
  });

  it("never sends a second mise en demeure a few days later for debts late on the first day", () => {
    const journal = [
      entry({
        at: "2026-11-26 09:00",
        invoices: ["F-1", "F-2", "F-3"],
        client: "Garage Petit",
        step: "Mise en demeure",
        channel: "Courrier + email",
        outcome: OUTCOMES.sentLrarToPost,
      }),
    ];
    for (const day of ["2026-11-27", "2026-12-01", "2026-12-04"] as const) {
      const later = plan(all, journal, d(day));
      expect(later.actions.filter((a) => a.step === 3)).toEqual([]);
    }
    // the dossier, when it comes, takes every late open invoice: F-4 (late since 27/11) and
    // F-6 (its suspension over) too; never the disputed, the paid or the insolvent one
    const handover = plan(all, journal, d("2026-12-07"));
    expect(handover.actions.map((a) => [a.stepLabel, a.invoices])).toEqual([
      ["Transmission à un professionnel", ["F-1", "F-2", "F-3", "F-4", "F-6"]],
    ]);
  });

  it("leaves the steps below the mise en demeure per invoice", () => {
    const p = plan([
      debtor({
        invoiceNumber: "F-1",
        dueDate: d("2026-10-01"),
        lastStep: 1,
        lastStepDate: d("2026-10-02"),
      }),
      debtor({ invoiceNumber: "F-2", dueDate: d("2026-11-20") }),
    ]);
    expect(p.actions.map((a) => [a.stepLabel, a.invoices])).toEqual([["Relance ferme", ["F-1"]]]);
  });
});

describe("5. silence after the handover", () => {
  it("writes nothing more to a debtor handed over; a later invoice is to add to the dossier", () => {
    const handedOver = claim({
      invoiceNumber: "F-1",
      client: "Hôtel du Parc",
      dueDate: d("2026-09-01"),
      lastStep: 4,
      lastStepDate: d("2026-10-15"),
    });
    const later = claim({
      invoiceNumber: "F-2",
      client: "Hôtel du Parc",
      dueDate: d("2026-11-20"),
    });
    const p = plan([handedOver, later]);
    expect(p.actions).toEqual([]);
    expect(p.skipped.find((s) => s.invoice === "F-2")?.reason).toBe(HANDED_OVER_REASON);
    expect(HANDED_OVER_REASON).toBe("Client transmis : à ajouter au dossier");
    // once the transmitted invoice is paid, the debtor is chased again
    expect(plan([{ ...handedOver, paid: 1850 }, later]).actions.map((a) => a.invoices)).toEqual([
      ["F-2"],
    ]);
  });
});

describe("6. one contact per debtor per calendar day, and the gap, whoever sends", () => {
  it("holds back a second contact the same day and within the gap", () => {
    expect(contactHoldBack(today, today, 5)).toBe(
      "client déjà contacté aujourd'hui, un seul contact par jour",
    );
    expect(contactHoldBack(d("2026-11-23"), today, 5)).toBe(
      "client contacté le 23/11/2026, délai minimal de 5 jours",
    );
    expect(contactHoldBack(d("2026-11-20"), today, 5)).toBeUndefined();
    expect(contactHoldBack(undefined, today, 5)).toBeUndefined();
  });

  it("counts a message the sidebar sent today: the run sends nothing more to that debtor", () => {
    const c = claim({ invoiceNumber: "F-1", client: "Garage Petit", dueDate: d("2026-11-20") });
    const sidebar = entry({
      at: "2026-11-26 08:30",
      invoices: ["F-0"],
      client: "Garage Petit",
      step: "Appel",
      channel: "Appel",
      outcome: "Promesse de paiement",
      by: "marie@exemple.fr",
    });
    const p = plan([c], [sidebar]);
    expect(p.actions).toEqual([]);
    expect(p.skipped[0]?.reason).toBe(
      "Relance de courtoisie reportée : client déjà contacté aujourd'hui, un seul contact par jour",
    );
  });
});

describe("7. procédure collective", () => {
  const before = claim({
    invoiceNumber: "F-1",
    client: "Menuiserie Blanc",
    invoiceDate: d("2026-08-01"),
    dueDate: d("2026-09-01"),
    insolvencyJudgment: d("2026-10-15"),
  });
  const after = claim({
    invoiceNumber: "F-2",
    client: "Menuiserie Blanc",
    invoiceDate: d("2026-10-20"),
    dueDate: d("2026-11-20"),
    insolvencyJudgment: d("2026-10-15"),
  });

  it("shows « Procédure collective » and schedules nothing for a claim born before the judgment", () => {
    expect(claimStatus(before, today)).toBe("Procédure collective");
    expect(claimStatus({ ...before, disputed: true }, today)).toBe("Litige");
    expect(next(before)).toBeUndefined();
    // a claim born after the judgment is chased as usual (L622-17)
    expect(claimStatus(after, today)).toBe("Échue");
    expect(next(after)).toEqual(["Relance de courtoisie", "2026-11-23"]);
  });

  it("stops penalties the day before the judgment (L622-28)", () => {
    // 1 850 € × 12,15 % × 43 days (02/09 … 14/10) / 365 = 26,48 €
    const a = claimAmounts(before, today, DEFAULT_SETTINGS);
    expect(a.penalties).toBe(26.48);
    expect(a.indemnity).toBe(40);
  });

  it("owes no 40 € when the judgment came on or before Échéance (L441-10 II)", () => {
    expect(recoveryIndemnity({ ...before, insolvencyJudgment: d("2026-09-01") }, today)).toBe(0);
    expect(recoveryIndemnity({ ...before, insolvencyJudgment: d("2026-09-02") }, today)).toBe(40);
    expect(recoveryIndemnity(after, today)).toBe(40);
  });

  it("plans the « Déclarer la créance » task once, at judgment + 2 months", () => {
    expect(declarationDeadline(d("2026-10-15"))).toBe("2026-12-15");
    expect(declarationDeadline(d("2026-12-31"))).toBe("2027-02-28");
    const p = plan([before, after]);
    expect(p.tasks.map((t) => [t.step, t.invoices, t.text])).toEqual([
      [
        "Déclaration de créance",
        ["F-1"],
        "Déclarer la créance au mandataire judiciaire avant le 15/12/2026 : Menuiserie Blanc, procédure collective ouverte le 15/10/2026 (facture F-1)",
      ],
    ]);
    expect(p.actions.map((a) => [a.stepLabel, a.invoices])).toEqual([
      ["Relance de courtoisie", ["F-2"]],
    ]);
    const journaled = entry({
      at: "2026-11-26 09:00",
      invoices: ["F-1"],
      client: "Menuiserie Blanc",
      step: "Déclaration de créance",
      channel: "Tâche",
      outcome: OUTCOMES.task,
    });
    const tomorrow = plan([before, after], [journaled], d("2026-11-27"));
    expect(tomorrow.tasks).toEqual([]);
    // the declaration task is no contact with the debtor: F-2's reminder still goes
    expect(tomorrow.actions.map((a) => a.invoices)).toEqual([["F-2"]]);
  });

  it("plans one declaration task per debtor, homonyms at other addresses each their own", () => {
    const here = { ...before, email: "compta@blanc-menuiserie.example" };
    const there = {
      ...before,
      invoiceNumber: "G-1",
      client: "MENUISERIE BLANC",
      email: "direction@blanc-lyon.example",
      insolvencyJudgment: d("2026-10-01"),
    };
    expect(plan([here, there]).tasks.map((t) => t.invoices)).toEqual([["F-1"], ["G-1"]]);
    const journaled = entry({
      at: "2026-11-26 09:00",
      invoices: ["F-1"],
      client: "Menuiserie Blanc",
      step: "Déclaration de créance",
      channel: "Tâche",
      outcome: OUTCOMES.task,
    });
    // The first one's task done, the other debtor's is still due.
    expect(plan([here, there], [journaled], d("2026-11-27")).tasks.map((t) => t.invoices)).toEqual([
      ["G-1"],
    ]);
  });

  it("never joins a claim under the procédure to a mise en demeure", () => {
    const notice = claim({
      invoiceNumber: "F-3",
      client: "Menuiserie Blanc",
      invoiceDate: d("2026-10-16"),
      dueDate: d("2026-10-17"),
      lastStep: 2,
      lastStepDate: d("2026-11-06"),
    });
    const p = plan([before, notice]);
    expect(p.actions.map((a) => [a.stepLabel, a.invoices])).toEqual([["Mise en demeure", ["F-3"]]]);
  });
});

describe("8. every mise en demeure plans « Poster en LRAR »", () => {
  const noticeDue = (fields: Partial<Claim>) =>
    claim({
      invoiceNumber: "F-1",
      client: "Boulangerie Martin",
      dueDate: d("2026-10-01"),
      lastStep: 2,
      lastStepDate: d("2026-10-08"),
      ...fields,
    });

  it("with the debtor's postal address", () => {
    const [action] = plan([noticeDue({ address: "12 rue des Lilas\n69003 Lyon" })]).actions;
    expect(action?.lrarTask?.text).toBe(
      "Poster en LRAR la mise en demeure de Boulangerie Martin (facture F-1) : 12 rue des Lilas, 69003 Lyon",
    );
  });

  it("or says the address is missing", () => {
    const [action] = plan([noticeDue({})]).actions;
    expect(action?.lrarTask?.text).toBe(
      "Poster en LRAR la mise en demeure de Boulangerie Martin (facture F-1) : adresse postale manquante",
    );
  });

  it("and no other step does", () => {
    const [courtesy] = plan([claim({ dueDate: d("2026-11-20") })]).actions;
    expect(courtesy?.lrarTask).toBeUndefined();
  });
});

describe("9. guards on the settings", () => {
  it("refuses a gap under 3 days and a send hour outside 8–19, in French", () => {
    expect(runSettingProblem("gapDays", 2)).toBe(
      "Délai minimal entre deux contacts (jours) : « 2 » n'est pas accepté : au moins 3 jours entre deux contacts avec un même client (nombre entier de 3 à 60)",
    );
    expect(runSettingProblem("gapDays", 3)).toBeUndefined();
    expect(runSettingProblem("sendHour", 3)).toMatch(/entre 8 h et 19 h/);
    expect(runSettingProblem("sendHour", 20)).toMatch(/entre 8 h et 19 h/);
    expect(runSettingProblem("sendHour", 8)).toBeUndefined();
    expect(runSettingProblem("sendHour", 19)).toBeUndefined();
  });

  it("refuses a ladder whose days decrease or that has no step", () => {
    expect(ladderColumnProblem("Fidèle", { 1: 1, 2: 7, 3: 20, 4: 30 })).toBeUndefined();
    expect(ladderColumnProblem("Fidèle", { 1: 10, 2: 7 })).toBe(
      "Échelle Fidèle, Relance ferme : « 7 » jours, les jours doivent croître d'une étape à la suivante",
    );
    expect(ladderColumnProblem("Fidèle", {})).toBe(
      "Échelle Fidèle : au moins une étape est nécessaire",
    );
    expect(ladderColumnProblem("Fidèle", { 2: 400 })).toMatch(/de 0 à 365/);
  });
});

describe("10. an Échéance beyond the legal payment term is flagged, never changed", () => {
  it("allows the later of 60 days and 45 days end of month", () => {
    // 10/01/2026: + 60 days = 11/03; + 45 days = 24/02 → end of month 28/02;
    // end of month 31/01 + 45 days = 17/03
    expect(latestLegalDueDate(d("2026-01-10"))).toBe("2026-03-17");
    // 30/09/2026: + 60 days = 29/11; 14/11 → 30/11; 30/09 + 45 days = 14/11
    expect(latestLegalDueDate(d("2026-09-30"))).toBe("2026-11-30");
  });

  it("flags an Échéance 121 days after the invoice, with the article, and keeps it", () => {
    const c = claim({ invoiceDate: d("2026-07-01"), dueDate: d("2026-10-30") });
    expect(isDueDateBeyondLegalTerm(c)).toBe(true);
    expect(claimNotes(c)).toEqual([
      "Échéance au-delà du délai légal de paiement : le 30/10/2026, plus de 60 jours après la facture du 01/07/2026 (article L441-10 I du Code de commerce : 60 jours, ou 45 jours fin de mois) ; l'échéance est conservée telle quelle",
    ]);
    expect(c.dueDate).toBe("2026-10-30");
    expect(isDueDateBeyondLegalTerm({ ...c, dueDate: d("2026-08-30") })).toBe(false);
    // a blank Échéance (Date facture + 30 days) is never flagged
    expect(isDueDateBeyondLegalTerm({ ...c, dueDateDefaulted: true })).toBe(false);
  });
});

describe("11. very late invoices", () => {
  it("are more than 30 days past Échéance", () => {
    expect(isVeryLate(claim({ dueDate: d("2026-10-27") }), today)).toBe(false);
    expect(isVeryLate(claim({ dueDate: d("2026-10-26") }), today)).toBe(true);
  });
});

describe("the sidebar's views follow the same rules", () => {
  const source = (claims: Claim[]): ViewSource => ({
    lines: claims.map(line),
    journal: [],
    plans: [],
    today,
    settings: DEFAULT_SETTINGS,
    problems: [],
  });
  const handedOver = claim({
    invoiceNumber: "F-1",
    client: "Hôtel du Parc",
    dueDate: d("2026-09-01"),
    lastStep: 4,
    lastStepDate: d("2026-10-15"),
  });
  const later = claim({ invoiceNumber: "F-2", client: "Hôtel du Parc", dueDate: d("2026-11-20") });

  it("a handed-over debtor's dossier shows no next step and says why", () => {
    const view = dossierView(source([handedOver, later]), "Hôtel du Parc");
    expect(view.nextStep).toBeNull();
    expect(view.notes).toContain(
      "Client transmis à un professionnel : Recouvra ne lui écrit plus ; toute facture échue depuis est à ajouter au dossier.",
    );
    const list = workList(source([handedOver, later]));
    expect(list.items[0]?.reasons).toContainEqual({
      kind: "task",
      label: "Client transmis : à ajouter au dossier",
      detail: "F-2",
    });
  });

  it("a dossier under a procédure collective, and the notes of a row", () => {
    const insolvent = claim({
      client: "Menuiserie Blanc",
      invoiceDate: d("2026-08-01"),
      dueDate: d("2026-09-01"),
      insolvencyJudgment: d("2026-10-15"),
    });
    const blankType = claim({
      invoiceNumber: "F-9",
      client: "Menuiserie Blanc",
      clientType: "Particulier",
      clientTypeDefaulted: true,
    });
    const view = dossierView(source([insolvent, blankType]), "Menuiserie Blanc");
    expect(view.status).toBe("Procédure collective");
    expect(view.notes).toContain(
      "Procédure collective ouverte le 15/10/2026 : aucune relance pour les factures antérieures, créance à déclarer au mandataire judiciaire avant le 15/12/2026.",
    );
    expect(view.notes).toContain(`F-9 : ${TYPE_NOT_GIVEN_NOTE}.`);
    const list = workList(source([insolvent, blankType]));
    expect(list.notes).toContain("Type non renseigné : facture F-9");
    expect(list.items[0]?.reasons.map((r) => r.label)).toContain("Déclaration de créance");
  });
});

describe("the mise en demeure's deadline runs from receipt (C. civ. 1344)", () => {
  const served = claim({
    invoiceNumber: "F-1",
    client: "Garage Lefèvre",
    dueDate: d("2026-10-01"),
    lastStep: 3,
    lastStepDate: d("2026-11-10"),
  });
  const lrar = (receivedOn?: string) =>
    registeredLetterEntry(
      {
        number: "1A 123 456 7890 1",
        postedOn: d("2026-11-10"),
        ...(receivedOn ? { receivedOn: d(receivedOn) } : {}),
        invoices: ["F-1"],
      },
      "Garage Lefèvre",
      "",
      "Moi (panneau)",
    );
  const steps = (journal: JournalEntry[], on: string) =>
    plan([served], journal, d(on)).actions.map((a) => a.stepLabel);

  it("hands over 8 days after the day it was received, when received later than sent", () => {
    // Sent 10/11: without a receipt, the dossier is due from 19/11.
    expect(steps([], "2026-11-19")).toEqual(["Transmission à un professionnel"]);
    expect(steps([lrar()], "2026-11-19")).toEqual(["Transmission à un professionnel"]);
    // Received 20/11: the deadline ends 28/11, lapses on Sunday 29/11 → Monday 30/11.
    const received = [{ ...lrar("2026-11-20"), at: "2026-11-21 10:00" }];
    expect(steps(received, "2026-11-26")).toEqual([]);
    expect(plan([served], received, d("2026-11-26")).skipped).toEqual([
      {
        invoice: "F-1",
        reason:
          "Transmission à un professionnel le 30/11/2026 : le délai de la mise en demeure court de sa réception, le 20/11/2026 (article 1344 du Code civil)",
      },
    ]);
    expect(steps(received, "2026-11-30")).toEqual(["Transmission à un professionnel"]);
  });
});
