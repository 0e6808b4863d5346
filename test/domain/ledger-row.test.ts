import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/domain/cells";
import { readLedgerRows } from "../../src/domain/ledger";

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
