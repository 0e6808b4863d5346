import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../../src/domain/calendar-date";
import type { Cell } from "../../src/domain/cells";
import { readLedgerRows } from "../../src/domain/ledger";
import { claimProblemOn } from "../../src/domain/ledger-row";

const HEADERS = [
  "N° facture",
  "Client",
  "Email",
  "Type",
  "Date facture",
  "Échéance",
  "Montant TTC",
  "Montant payé",
  "Profil",
  "Litige",
  "Suspendu jusqu'au",
  "Dernière étape",
  "Date dernière étape",
  "Date reconnaissance",
  "Procédure collective",
  "Adresse",
  "SIREN",
];

const row = (cells: Partial<Record<string, Cell>>): Cell[] => HEADERS.map((h) => cells[h] ?? "");
const good = {
  "N° facture": "F-001",
  Client: "Boulangerie Martin",
  "Date facture": "2026-09-02",
  "Montant TTC": 1850,
};

function readOne(cells: Partial<Record<string, Cell>>) {
  const [reading] = readLedgerRows([row(cells)], HEADERS);
  return reading;
}

describe("reading a ledger row", () => {
  it("reads inputs as a user types them", () => {
    const r = readOne({
      ...good,
      "N° facture": 1001,
      Email: " compta@martin.example ; dg@martin.example",
      Type: "particulier",
      "Date facture": "02/09/2026",
      Échéance: "2/10/26",
      "Montant TTC": "1 850,00 €",
      "Montant payé": "1850.5",
      Profil: "en difficulte",
      Litige: "Non",
      "Suspendu jusqu'au": "15/12/2026",
      "Dernière étape": "relance de courtoisie",
      "Date dernière étape": "2026-10-03",
    });
    expect(r).toEqual({
      kind: "claim",
      claim: {
        invoiceNumber: "1001",
        client: "Boulangerie Martin",
        email: "compta@martin.example, dg@martin.example",
        clientType: "Particulier",
        clientTypeDefaulted: false,
        invoiceDate: "2026-09-02",
        dueDate: "2026-10-02",
        dueDateDefaulted: false,
        amount: 1850,
        paid: 1850.5,
        profile: "En difficulté",
        disputed: false,
        suspendedUntil: "2026-12-15",
        lastStep: 1,
        lastStepDate: "2026-10-03",
      },
    });
  });

  it("defaults Type (Particulier, flagged), Profil, payment and a blank due date (invoice + 30 days, flagged)", () => {
    const r = readOne(good);
    expect(r.kind === "claim" && r.claim).toMatchObject({
      clientType: "Particulier",
      clientTypeDefaulted: true,
      profile: "Standard",
      paid: 0,
      disputed: false,
      dueDate: "2026-10-02",
      dueDateDefaulted: true,
    });
  });

  it("reads a typed Type as given, not flagged", () => {
    const r = readOne({ ...good, Type: "Professionnel" });
    expect(r.kind === "claim" && r.claim).toMatchObject({
      clientType: "Professionnel",
      clientTypeDefaulted: false,
    });
  });

  it("reads Procédure collective, a multi-line Adresse and a SIREN typed with spaces", () => {
    const r = readOne({
      ...good,
      "Procédure collective": "15/10/2026",
      Adresse: "Boulangerie Martin\r\n 12 rue des Lilas \n\n69003 Lyon",
      SIREN: "123 456 789",
    });
    expect(r.kind === "claim" && r.claim).toMatchObject({
      insolvencyJudgment: "2026-10-15",
      address: "Boulangerie Martin\n12 rue des Lilas\n69003 Lyon",
      siren: "123456789",
    });
  });

  it("refuses a SIREN that is not 9 digits and a judgment that is not a date, in French", () => {
    const r = readOne({ ...good, SIREN: "12345", "Procédure collective": "bientôt" });
    expect(r).toEqual({
      kind: "error",
      message:
        "Procédure collective : « bientôt » n'est pas une date (jj/mm/aaaa) ; SIREN : « 12345 » doit compter 9 chiffres (le numéro SIREN du client)",
    });
  });

  it("reads Procédure collective as the 15th column when headers are omitted", () => {
    const cells: Cell[] = [
      "F-1",
      "Client",
      "",
      "Professionnel",
      "2026-09-02",
      "2026-10-02",
      100,
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "2026-10-20",
    ];
    const [r] = readLedgerRows([cells]);
    expect(r?.kind === "claim" && r.claim.insolvencyJudgment).toBe("2026-10-20");
  });

  it.each([true, "TRUE", "VRAI", "Oui", "x", "X", 1])("reads %s in Litige as disputed", (cell) => {
    const r = readOne({ ...good, Litige: cell });
    expect(r.kind === "claim" && r.claim.disputed).toBe(true);
  });

  it.each([
    [{ "Montant TTC": "abc" }, "Montant TTC : « abc » n'est pas un montant"],
    [{ "Montant TTC": 0 }, "Montant TTC : doit être supérieur à 0 (reçu « 0 »)"],
    [{ "Montant TTC": "" }, "Montant TTC : obligatoire"],
    [{ "Montant payé": -5 }, "Montant payé : ne peut pas être négatif (reçu « -5 »)"],
    [{ Client: "  " }, "Client : obligatoire"],
    [{ "N° facture": "" }, "N° facture : obligatoire"],
    [
      { "Date facture": "31/02/2026" },
      "Date facture : « 31/02/2026 » n'est pas une date (jj/mm/aaaa)",
    ],
    [
      { Type: "Entreprise" },
      "Type : « Entreprise » inconnu (valeurs possibles : Professionnel, Particulier)",
    ],
    [
      { Profil: "VIP" },
      "Profil : « VIP » inconnu (valeurs possibles : Standard, Fidèle, En difficulté, Récalcitrant)",
    ],
    [{ Litige: "peut-être" }, "Litige : « peut-être » non compris (case à cocher, Oui/Non ou x)"],
    [{ Email: "martin.example" }, "Email : « martin.example » n'est pas une adresse email valide"],
    [
      { "Dernière étape": "Relance ferme" },
      "Date dernière étape : obligatoire quand la dernière étape est « Relance ferme »",
    ],
    [
      { "Dernière étape": "Appel", "Date dernière étape": "2026-10-10" },
      "Dernière étape : « Appel » inconnu (valeurs possibles : Relance de courtoisie, Relance ferme, Mise en demeure, Transmission à un professionnel)",
    ],
  ])("explains a bad row in French: %o", (cells, message) => {
    expect(readOne({ ...good, ...cells })).toEqual({ kind: "error", message });
  });

  it("lists every problem of a row at once", () => {
    const r = readOne({ ...good, "Montant TTC": "abc", Type: "B2C" });
    expect(r.kind === "error" && r.message.split(" ; ")).toHaveLength(2);
  });

  it("gives a blank reading for a blank row", () => {
    expect(readOne({})).toEqual({ kind: "blank" });
    expect(readLedgerRows([["", "  ", null]], HEADERS)).toEqual([{ kind: "blank" }]);
  });
});

describe("bad input: a French word for each, the other rows read", () => {
  it.each([
    [
      { "Suspendu jusqu'au": "31/12/9999" },
      "Suspendu jusqu'au : 31/12/9999 est hors des années 2000 à 2099",
    ],
    [{ "Date facture": "2100-01-04" }, "Date facture : 04/01/2100 est hors des années 2000 à 2099"],
    [{ "Date facture": "15/06/1999" }, "Date facture : 15/06/1999 est hors des années 2000 à 2099"],
    [
      { "Date facture": 2026 },
      "Date facture : « 2026 » est un nombre, pas une date (lu comme le 18/07/1905) : tapez jj/mm/aaaa",
    ],
    [
      { "Date facture": "2026-09-02", Échéance: "2026-09-01" },
      "Échéance : 01/09/2026 est avant la date de facture (02/09/2026)",
    ],
    [
      { "Montant TTC": "1,850" },
      "Montant TTC : « 1,850 » est ambigu (1,85 € ou 1 850 € ?) : écrivez 1850 ou 1,85",
    ],
    [{ "Montant TTC": "0,004" }, "Montant TTC : « 0,004 » est inférieur à un centime"],
    [{ "Montant TTC": 0.004 }, "Montant TTC : « 0,004 » est inférieur à un centime"],
    [{ "Montant payé": "0,004 €" }, "Montant payé : « 0,004 € » est inférieur à un centime"],
    [
      { "Montant TTC": "12,3456" },
      "Montant TTC : « 12,3456 » a plus de deux décimales : un montant se compte au centime",
    ],
    [{ Client: "#N/A" }, "Client : la cellule contient l'erreur de formule « #N/A »"],
    [{ Email: "#REF!" }, "Email : la cellule contient l'erreur de formule « #REF! »"],
    [
      { "Montant TTC": "#DIV/0!" },
      "Montant TTC : la cellule contient l'erreur de formule « #DIV/0! »",
    ],
    [
      { "Date facture": "#VALUE!" },
      "Date facture : la cellule contient l'erreur de formule « #VALUE! »",
    ],
    [{ "N° facture": "#NAME?" }, "N° facture : la cellule contient l'erreur de formule « #NAME? »"],
    [{ Profil: "#NUM!" }, "Profil : la cellule contient l'erreur de formule « #NUM! »"],
    [{ Litige: "#NULL!" }, "Litige : la cellule contient l'erreur de formule « #NULL! »"],
    [{ Type: "#ERROR!" }, "Type : la cellule contient l'erreur de formule « #ERROR! »"],
    [{ Client: "\u200b\u200c\u2060" }, "Client : ne contient que des caractères invisibles"],
    [{ Client: "\ufeff\u200b\u00a0\u200d" }, "Client : ne contient que des caractères invisibles"],
    [{ Client: "x".repeat(60_000) }, "Client : trop long (60000 caractères ; 1000 au plus)"],
    [{ Client: "x".repeat(201) }, "Client : trop long (201 caractères ; 200 au plus)"],
    [
      { Email: "compta@dupont\u200b.example" },
      "Email : « compta@dupont\u200b.example » contient un caractère invisible (U+200B) : retapez l'adresse",
    ],
    [
      { Email: "a@x.fr, b@x.fr; c@x.fr, d@x.fr, e@x.fr, f@x.fr" },
      "Email : 6 adresses ; 5 au plus par facture",
    ],
    [
      { "N° facture": "F-1\r\nBcc: x@evil.example" },
      "N° facture : « F-1 Bcc: x@evil.example » contient un retour à la ligne",
    ],
    [
      { "N° facture": "F-1, F-2" },
      "N° facture : « F-1, F-2 » contient une virgule ou un point-virgule",
    ],
  ])("%o", (cells, message) => {
    expect(readOne({ ...good, ...cells })).toEqual({ kind: "error", message });
  });

  it("reads « 1.850 » as 1 850 € (French use), never 1,85 €", () => {
    const r = readOne({ ...good, "Montant TTC": "1.850" });
    expect(r.kind === "claim" && r.claim.amount).toBe(1850);
  });

  it("keeps five addresses, and a name with a visible letter among invisible ones", () => {
    const r = readOne({
      ...good,
      Client: "\u200bMartin",
      Email: "a@x.fr; b@x.fr; c@x.fr; d@x.fr; e@x.fr",
    });
    expect(r.kind === "claim" && r.claim.email).toBe("a@x.fr, b@x.fr, c@x.fr, d@x.fr, e@x.fr");
  });

  it("a bad row leaves the rows around it read", () => {
    const readings = readLedgerRows(
      [
        row(good),
        row({ ...good, "N° facture": "F-002", Client: "#N/A" }),
        row({ ...good, "N° facture": "F-003" }),
      ],
      HEADERS,
    );
    expect(readings.map((r) => r.kind)).toEqual(["claim", "error", "claim"]);
  });

  it("a Date dernière étape after today is a row error on that day, not before", () => {
    const r = readOne({
      ...good,
      "Dernière étape": "Relance de courtoisie",
      "Date dernière étape": "2026-12-10",
    });
    if (r?.kind !== "claim") throw new Error("expected a claim");
    expect(claimProblemOn(r.claim, "2026-12-01" as CalendarDate)).toBe(
      "Date dernière étape : 10/12/2026 est après aujourd'hui (01/12/2026)",
    );
    expect(claimProblemOn(r.claim, "2026-12-10" as CalendarDate)).toBeUndefined();
  });
});
