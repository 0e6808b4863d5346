// Every letter and email, read as the debtor or the commissaire de justice reads it: what
// French law asks of each (issue 10, the texts).
import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claim";
import type { JournalEntry } from "../../src/domain/journal";
import { previousReminderDates } from "../../src/domain/journal";
import { legalInterest } from "../../src/domain/legal-interest";
import { buildAcknowledgment } from "../../src/domain/messages/acknowledgment";
import { type Block, documentToText } from "../../src/domain/messages/document";
import { buildFormalNotice } from "../../src/domain/messages/formal-notice";
import { buildHandoverDossier, pdfLink } from "../../src/domain/messages/handover";
import { buildPartialSettlement } from "../../src/domain/messages/partial-settlement";
import { buildPaymentPlanProposal } from "../../src/domain/messages/payment-plan-proposal";
import { buildReminder } from "../../src/domain/messages/reminder";
import { validateTemplate } from "../../src/domain/messages/templates";
import { schedulePaymentPlan } from "../../src/domain/payment-plan";
import { penaltyBreakdown } from "../../src/domain/penalty-breakdown";
import {
  registeredLetterEntry,
  registeredLetterProblem,
  registeredLettersOf,
} from "../../src/domain/registered-letter";
import { DEFAULT_SETTINGS, type RecoverySettings } from "../../src/domain/settings";
import { claim, d } from "./fixtures";

const settings: RecoverySettings = {
  ...DEFAULT_SETTINGS,
  creditor: {
    ...DEFAULT_SETTINGS.creditor,
    companyName: "Imprimerie Durand SARL",
    address: "12 rue des Presses\n69002 Lyon",
    city: "Lyon",
    siren: "512345678",
    email: "compta@imprimerie-durand.example",
    signature: "Claire Durand, gérante",
    iban: "FR76 3000 4000 0100 0012 3456 789",
  },
};
const today = d("2026-11-26");
const nbsp = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");
const read = (doc: { title: string; blocks: Block[] }) => nbsp(documentToText(doc));
const garage = (o: Partial<Claim> = {}) =>
  claim({
    client: "Garage Petit",
    email: "garage@petit.example",
    address: "4 avenue des Lilas\n33000 Bordeaux",
    siren: "398765432",
    ...o,
  });
const line = (o: Partial<JournalEntry>): JournalEntry => ({
  at: "2026-11-02 09:00",
  invoices: ["F-2026-001"],
  client: "Garage Petit",
  step: "Relance de courtoisie",
  channel: "Email",
  recipient: "garage@petit.example",
  subject: "",
  outcome: "Envoyé",
  document: "",
  by: "Recouvra",
  ...o,
});
/** « 1 234,56 € » → 1234.56 */
const amountOf = (t: string) => Number(t.replace(/[ €]/g, "").replace(",", "."));

describe("the mise en demeure (1)", () => {
  const claims = [garage({ dueDate: d("2026-05-10") })];
  const notice = buildFormalNotice({
    client: "Garage Petit",
    claims,
    today,
    settings,
    previousReminders: [d("2026-05-11"), d("2026-05-18")],
  });
  const letter = read(notice.letter);
  const copy = read(notice.copy);

  it("names the debtor by postal address and SIREN, never by email", () => {
    expect(letter).toMatch(/Garage Petit\nSIREN 398 765 432\n4 avenue des Lilas\n33000 Bordeaux/);
    const addressee = letter.slice(letter.indexOf("Garage Petit"), letter.indexOf("Lyon, le"));
    expect(addressee).not.toContain("@");
  });

  it("only the original to post is headed as a registered letter; the emailed copy says the original follows", () => {
    expect(letter).toContain("\nLettre recommandée avec accusé de réception\n");
    expect(copy).not.toContain("\nLettre recommandée avec accusé de réception\n");
    expect(copy).toContain(
      "Copie adressée par courriel — l'original vous est adressé par lettre recommandée avec accusé de réception",
    );
    expect(read(notice.email)).toContain(
      "L'original vous est adressé par lettre recommandée avec accusé de réception.",
    );
    expect(notice.email.blocks).not.toContainEqual(
      expect.objectContaining({ runs: [expect.objectContaining({ text: "Lettre recommandée" })] }),
    );
  });

  it("says it is a mise en demeure, the basis per invoice, and a deadline from receipt", () => {
    expect(letter).toContain("Objet : mise en demeure de payer — facture F-2026-001");
    expect(letter).toContain("F-2026-001 | 02/09/2026 | 10/05/2026 |  1 850,00 €");
    expect(letter).toContain("dans un délai de 8 jours à compter de la réception de la présente.");
    expect(letter).not.toContain("à compter de la date de la présente");
    expect(letter).toContain(
      "nous pourrons saisir la juridiction compétente afin d'obtenir un titre exécutoire",
    );
  });

  it("principal, penalties and the 40 € apart; a per-half-year table that adds up, the estimated rate marked", () => {
    expect(letter).toContain("Principal restant dû : 1 850,00 €");
    const penalties = /Pénalités de retard au 26\/11\/2026 .*: ([\d ,]+ €)/.exec(letter)?.[1];
    expect(letter).toMatch(/Indemnité forfaitaire .*: 40,00 €/);
    // 51 days at 12,15 % (2026-S1), 149 days at 12,15 % estimated (2026-S2).
    expect(letter).toMatch(
      /F-2026-001 \| du 11\/05\/2026 au 30\/06\/2026 \| +51 \| +12,15 % \| 1 850,00 € \| +31,40 €/,
    );
    expect(letter).toMatch(
      /F-2026-001 \| du 01\/07\/2026 au 26\/11\/2026 \| +149 \| 12,15 % \(estimé\) \| 1 850,00 € \| +91,76 €/,
    );
    expect(penalties).toBe("123,16 €");
    expect(31.4 + 91.76).toBeCloseTo(amountOf(penalties ?? ""), 2);
    expect(letter).toContain("Taux « estimé » (2e semestre 2026)");
    expect(letter).toContain("Total : 2 013,16 €");
  });

  it("for a consumer: no penalty, no 40 €, legal interest « autres cas » from the notice, its rate stated", () => {
    const n = buildFormalNotice({
      client: "Jean Dupont",
      claims: [
        claim({ client: "Jean Dupont", clientType: "Particulier", dueDate: d("2026-03-01") }),
      ],
      today: d("2026-04-15"),
      settings,
      previousReminders: [],
    });
    const t = read(n.letter);
    expect(t).not.toMatch(/Pénalités|Indemnité|40 €|L441-10|D441-5/);
    expect(t).toContain("la somme de 1 850,00 € dans un délai de 8 jours");
    expect(t).toContain(
      "la présente mise en demeure fait courir sur le principal de 1 850,00 € les intérêts au taux de l'intérêt légal, soit 2,62 % l'an pour le 1er semestre 2026 (taux applicable lorsque le créancier n'est pas un particulier)",
    );
    expect(t).toContain("articles 1231-6 et 1344-1 du Code civil");
    expect(t).not.toContain("Malgré");
  });
});

describe("the reminders a mise en demeure recalls (1)", () => {
  it("are the emails really sent about these invoices: not tasks, not another invoice's", () => {
    const claims = [garage({ invoiceNumber: "F-1" })];
    const journal = [
      line({ at: "2026-11-02 09:00", invoices: ["F-9"] }),
      line({
        at: "2026-11-06 09:00",
        invoices: ["F-1"],
        channel: "Tâche",
        outcome: "Tâche à faire",
      }),
      line({ at: "2026-11-09 09:00", invoices: ["F-1"], step: "Relance ferme" }),
      line({ at: "2026-11-12 09:00", invoices: ["F-1"], outcome: "Échec : adresse refusée" }),
    ];
    expect(previousReminderDates(claims, journal)).toEqual(["2026-11-09"]);
  });

  it("a ledger migrated with its « Dernière étape » counts when the Journal knows nothing of it", () => {
    const claims = [garage({ invoiceNumber: "F-1", lastStep: 2, lastStepDate: d("2026-10-20") })];
    expect(previousReminderDates(claims, [])).toEqual(["2026-10-20"]);
    const tasked = [line({ invoices: ["F-1"], step: "Relance ferme", outcome: "Tâche à faire" })];
    expect(previousReminderDates(claims, tasked)).toEqual([]);
  });
});

describe("the registered letter recorded in the Journal (2)", () => {
  it("is written once and read back: number, posted, received", () => {
    const posted = registeredLetterEntry(
      { number: "1a 234 567 8901 2", postedOn: d("2026-11-20"), invoices: ["F-1"] },
      "Garage Petit",
      "4 avenue des Lilas, 33000 Bordeaux",
      "claire@durand.example",
    );
    const received = registeredLetterEntry(
      {
        number: "1A 234 567 8901 2",
        postedOn: d("2026-11-20"),
        receivedOn: d("2026-11-23"),
        invoices: ["F-1"],
      },
      "Garage Petit",
      "",
      "claire@durand.example",
    );
    expect(posted.subject).toBe("LRAR n° 1A 234 567 8901 2 — postée le 20/11/2026");
    expect(received.subject).toBe(
      "LRAR n° 1A 234 567 8901 2 — postée le 20/11/2026 — reçue le 23/11/2026",
    );
    const journal = [
      { ...posted, at: "2026-11-20 17:00" },
      { ...received, at: "2026-11-24 10:00" },
    ];
    expect(registeredLettersOf(journal, ["F-1"])).toEqual([
      {
        number: "1A 234 567 8901 2",
        postedOn: "2026-11-20",
        receivedOn: "2026-11-23",
        invoices: ["F-1"],
      },
    ]);
    expect(registeredLettersOf(journal, ["F-2"])).toEqual([]);
  });

  it("refuses in French what cannot be true", () => {
    const r = { number: "1A23456789012", postedOn: d("2026-11-20") };
    expect(registeredLetterProblem({ ...r, number: "?" }, today)).toMatch(/Numéro de recommandé/);
    expect(registeredLetterProblem({ ...r, postedOn: d("2026-11-27") }, today)).toMatch(/futur/);
    expect(registeredLetterProblem({ ...r, receivedOn: d("2026-11-19") }, today)).toMatch(
      /ne peut pas précéder/,
    );
    expect(registeredLetterProblem({ ...r, receivedOn: d("2026-11-21") }, today)).toBeUndefined();
  });
});

describe("the reconnaissance de dette (3)", () => {
  it("leaves ruled lines for the sum in the debtor's hand, and reserves penalties and the 40 € between professionals", () => {
    const t = read(
      buildAcknowledgment({
        debtor: { name: "Garage Petit", siren: "398765432", address: "4 avenue des Lilas" },
        claims: [garage()],
        today,
        settings,
        total: 1850,
      }),
    );
    expect(t).toContain("À recopier de votre main (article 1376 du Code civil)");
    expect(t).toMatch(/Somme en chiffres, de votre main :\n_{60}/);
    expect(t).toMatch(/Somme en lettres, de votre main :\n_{60}\n_{60}/);
    expect(t).not.toMatch(/mille|cent cinquante/);
    expect(t).not.toContain("« Bon pour reconnaissance de dette de la somme de 1");
    expect(t).toContain("la somme de 1 850,00 € en principal.");
    expect(t).toContain(
      "Le créancier se réserve expressément le droit de réclamer les pénalités de retard (article L441-10 du Code de commerce) et l'indemnité forfaitaire pour frais de recouvrement de 40 € par facture",
    );
    expect(t).toContain("SIREN 398 765 432");
  });

  it("reserves nothing from a consumer, who owes no penalty", () => {
    const t = read(
      buildAcknowledgment({
        debtor: { name: "Jean Dupont" },
        claims: [claim({ client: "Jean Dupont", clientType: "Particulier" })],
        today,
        settings,
        total: 1850,
      }),
    );
    expect(t).not.toMatch(/pénalité|L441-10|40 €/i);
  });
});

describe("remise partielle or transaction (4)", () => {
  const build = (claims: Claim[], settlement: number) =>
    read(
      buildPartialSettlement({
        debtor: { name: claims[0]?.client ?? "" },
        claims,
        today,
        settings,
        settlement,
        payBy: d("2026-12-15"),
      }),
    );

  it("with a dispute: a transaction (2044) with concessions on both sides, and the numbers agree", () => {
    const t = build([garage({ disputed: true, dueDate: d("2026-10-27") })], 1500);
    expect(t).toContain("PROTOCOLE D'ACCORD TRANSACTIONNEL");
    expect(t).toContain("Garage Petit conteste devoir tout ou partie de cette somme.");
    expect(t).toContain("Garage Petit renonce à toute contestation");
    expect(t).toContain("renonce au surplus de sa demande, soit 408,47 €");
    expect(t).toContain("article 2044 du Code civil");
    expect(t).not.toContain("1350");
    const asked = /réclame à Garage Petit la somme de ([\d ,]+ €)/.exec(t)?.[1];
    const tableTotal = /^Total +\| +[\d ,]+ € \| +[\d ,]+ € \| +[\d ,]+ € \| +([\d ,]+ €)$/m.exec(
      t,
    )?.[1];
    expect(asked).toBe("1 908,47 €");
    expect(tableTotal).toBe(asked);
  });

  it("without a dispute: a remise de dette (1350), never called a transaction", () => {
    const t = build([garage({ dueDate: d("2026-10-27") })], 1500);
    expect(t).toContain("PROTOCOLE DE REMISE PARTIELLE DE DETTE");
    expect(t).toContain("remise de dette, article 1350 du Code civil");
    expect(t).not.toMatch(/transaction|2044/i);
  });

  it("a consumer's protocol never waives penalties that were never due", () => {
    const t = build([claim({ client: "Jean Dupont", clientType: "Particulier" })], 1500);
    expect(t).not.toMatch(/pénalit|indemnit/i);
    expect(t).toContain("reconnaît devoir à Imprimerie Durand SARL la somme de 1 850,00 €");
    expect(t).toContain("soit 350,00 €");
    expect(t).toMatch(/^Total +\| +\| +\| +1 850,00 €$/m);
  });
});

describe("the dossier for the commissaire de justice (5)", () => {
  const timeline = [
    line({
      at: "2026-10-28 09:00",
      invoices: ["F-1"],
      step: "Relance ferme",
      subject: "Relance : facture F-1 impayée",
    }),
    line({
      at: "2026-11-09 09:00",
      invoices: ["F-1"],
      step: "Mise en demeure",
      channel: "Courrier + email",
      subject: "Mise en demeure de payer — facture F-1",
      document: "https://docs.google.com/document/d/doc-med-f1/edit",
      pdf: {
        name: "Mise en demeure — Garage Petit — F-1 — 2026-11-09 (copie).pdf",
        url: "https://drive.google.com/file/d/pdf-med-f1/view",
      },
    }),
    line({
      at: "2026-11-09 09:00",
      invoices: ["X-1"],
      client: "Autre Client",
      step: "Mise en demeure",
      document: "https://drive.google.com/file/d/pdf-other-debtor/view",
    }),
    {
      ...registeredLetterEntry(
        {
          number: "1A 234 567 8901 2",
          postedOn: d("2026-11-10"),
          receivedOn: d("2026-11-12"),
          invoices: ["F-1"],
        },
        "Garage Petit",
        "",
        "claire",
      ),
      at: "2026-11-13 10:00",
    },
  ];
  const claims = [
    garage({ invoiceNumber: "F-1", dueDate: d("2026-10-10") }),
    garage({
      invoiceNumber: "F-2",
      dueDate: d("2026-09-10"),
      amount: 600,
      lastStep: 3,
      lastStepDate: d("2026-10-30"),
    }),
  ];
  const t = read(
    buildHandoverDossier({ client: "Garage Petit", claims, today, settings, timeline }),
  );

  it("a timeline per invoice, from the Journal and from the ledger's « Dernière étape »", () => {
    expect(t).toContain("CHRONOLOGIE, FACTURE PAR FACTURE");
    expect(t).toMatch(/^Facture +\| Date +\| Étape ou échange/m);
    expect(t).toMatch(/^F-1 +\| 28\/10\/2026 09:00 \| Relance ferme/m);
    expect(t).toMatch(
      /^F-2 +\| 30\/10\/2026 +\| Mise en demeure +\| — +\| Étape indiquée dans le suivi/m,
    );
    expect(t).not.toContain("Aucun");
  });

  it("the PDFs sent to this debtor only, the registered letter and its receipt", () => {
    // The file the email carried, by its name, not the Doc (editable) nor its export.
    expect(t).toContain(
      "Mise en demeure du 09/11/2026 — PDF joint à l'email envoyé à garage@petit.example : « Mise en demeure — Garage Petit — F-1 — 2026-11-09 (copie).pdf » : https://drive.google.com/file/d/pdf-med-f1/view",
    );
    expect(t).not.toContain("doc-med-f1");
    expect(t).not.toContain("pdf-other-debtor");
    expect(t).toContain(
      "Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2, postée le 10/11/2026 — avis de réception signé le 12/11/2026",
    );
    expect(pdfLink("https://docs.google.com/document/d/abc-1/edit")).toBe(
      "https://docs.google.com/document/d/abc-1/export?format=pdf",
    );
  });

  it("the debtor's address and SIREN, and the routes: small claims up to 5 000 €, injonction de payer where the debtor is, référé-provision", () => {
    expect(t).toMatch(
      /Garage Petit\nProfessionnel\nSIREN 398 765 432\n4 avenue des Lilas\n33000 Bordeaux/,
    );
    expect(t).toContain(
      "Procédure simplifiée de recouvrement des petites créances (article L125-1 du Code des procédures civiles d'exécution)",
    );
    expect(t).toContain("Elle suppose l'accord du débiteur");
    expect(t).toContain(
      "Injonction de payer (articles 1405 et suivants du Code de procédure civile)",
    );
    expect(t).toContain("(adresse connue : 4 avenue des Lilas, 33000 Bordeaux)");
    expect(t).toContain("Référé-provision");
  });

  it("no small-claims route past 5 000 €, and no route at all while disputed", () => {
    const big = read(
      buildHandoverDossier({
        client: "Garage Petit",
        claims: [garage({ amount: 6000 })],
        today,
        settings,
        timeline: [],
      }),
    );
    expect(big).not.toContain("petites créances");
    expect(big).toContain("Injonction de payer");
    const disputed = read(
      buildHandoverDossier({
        client: "Garage Petit",
        claims: [garage({ disputed: true })],
        today,
        settings,
        timeline: [],
      }),
    );
    expect(disputed).toContain("Aucune voie de recouvrement n'est proposée");
    expect(disputed).not.toMatch(/Injonction de payer|Référé-provision|petites créances/);
  });

  it("for a consumer: legal interest from the notice received, its amount; sued where he lives; the right citations", () => {
    const consumer = [
      claim({
        client: "Jean Dupont",
        clientType: "Particulier",
        invoiceNumber: "F-1",
        address: "8 rue Haute\n87000 Limoges",
      }),
    ];
    const c = read(
      buildHandoverDossier({
        client: "Jean Dupont",
        claims: consumer,
        today,
        settings,
        timeline: timeline.map((e) => ({
          ...e,
          client: e.client === "Autre Client" ? e.client : "Jean Dupont",
        })),
      }),
    );
    // From the receipt on 12/11: 14 days at 2,62 % (estimated for 2026-S2) on 1 850 €.
    const interest = legalInterest(1850, d("2026-11-12"), today, settings.rates);
    expect(interest.amount).toBe(1.86);
    expect(c).toContain(
      "Intérêts au taux légal (articles 1231-6 et 1344-1 du Code civil, taux « autres cas », le créancier n'étant pas un particulier) depuis la mise en demeure reçue le 12/11/2026, du 13/11/2026 au 26/11/2026 : 1,86 € (14 jours à 2,62 % (estimé)).",
    );
    expect(c).toContain("Total réclamé : 1 851,86 €");
    expect(c).toContain(
      "réservées aux relations entre professionnels (article L441-10 du Code de commerce) ; les frais du recouvrement amiable restent à la charge du créancier (article L111-8 du Code des procédures civiles d'exécution)",
    );
    expect(c).toContain(
      "un consommateur est assigné devant la juridiction de son domicile (article 1406) (adresse connue : 8 rue Haute, 87000 Limoges)",
    );
  });
});

describe("guards on every message (7)", () => {
  it("templates that threaten without legal basis are refused in French, with the words found", () => {
    const problems = validateTemplate({
      step: 2,
      profile: "Récalcitrant",
      subject: "Dernier avis",
      body: "Sans paiement, un huissier procédera à la saisie de vos biens et vous serez inscrit au fichier des mauvais payeurs. Nous déposerons plainte.",
    });
    expect(problems.join("\n")).toMatch(
      /menace sans fondement légal refusée \(« saisie », « huissier », « fichier », « mauvais payeurs », « plainte », « vos biens »\)/,
    );
    expect(
      validateTemplate({
        step: 2,
        profile: "Standard",
        subject: "",
        body: "Merci de régler sous huitaine.",
      }),
    ).toEqual([]);
  });

  it("every message ends with who writes (raison sociale, address, SIREN) and the privacy notice", () => {
    const claims = [garage({ dueDate: d("2026-11-20") })];
    const schedule = schedulePaymentPlan({
      total: 1850,
      count: 2,
      firstDate: d("2026-12-15"),
      frequency: "monthly",
      agreedOn: today,
    });
    const docs = [
      buildReminder({ step: 1, client: "Garage Petit", claims, today, settings }),
      buildReminder({ step: 2, client: "Garage Petit", claims, today, settings }),
      buildFormalNotice({ client: "Garage Petit", claims, today, settings, previousReminders: [] })
        .email,
      buildPaymentPlanProposal({
        debtor: { name: "Garage Petit" },
        claims,
        today,
        settings,
        total: 1850,
        frequency: "monthly",
        instalments: schedule.ok ? schedule.instalments : [],
      }),
    ];
    for (const doc of docs) {
      const t = read(doc);
      expect(t).toContain(
        "Imprimerie Durand SARL\n12 rue des Presses\n69002 Lyon\nSIREN 512 345 678",
      );
      expect(t).toMatch(
        /Données personnelles : Imprimerie Durand SARL traite vos nom, coordonnées et factures pour le recouvrement de sa créance .* conservées jusqu'au règlement.* accéder, les faire rectifier ou effacer, vous opposer .* en écrivant à compta@imprimerie-durand\.example, et saisir la CNIL/,
      );
    }
  });

  it("a very late invoice never gets « simple oubli » wording, even from the user's template", () => {
    const late = [garage({ dueDate: d("2026-08-01") })];
    const fresh = [garage({ dueDate: d("2026-11-24") })];
    const courtesy = (claims: Claim[], s = settings) =>
      read(buildReminder({ step: 1, client: "Garage Petit", claims, today, settings: s }));
    expect(courtesy(fresh)).toContain("simple oubli");
    expect(courtesy(late)).not.toMatch(/oubli/);
    expect(courtesy(late)).toContain(
      "ne nous est toujours pas parvenu, plus de 30 jours après cette date",
    );
    const withTemplate = {
      ...settings,
      templates: [
        {
          step: 1 as const,
          profile: "Standard" as const,
          subject: "",
          body: "Un simple oubli sans doute ?\n\n{{detail}}",
        },
      ],
    };
    expect(courtesy(late, withTemplate)).not.toMatch(/oubli/);
    expect(courtesy(fresh, withTemplate)).toContain("Un simple oubli sans doute ?");
  });
});

describe("citations (8)", () => {
  it("the 24 months are Recouvra's own cap, after the judge's grace period of 1343-5", () => {
    const r = schedulePaymentPlan({
      total: 1000,
      count: 30,
      firstDate: d("2026-12-01"),
      frequency: "monthly",
      agreedOn: today,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.join(" ")).toContain(
      "Recouvra limite un échéancier amiable à 24 mois (la durée du délai de grâce qu'un juge peut accorder, article 1343-5 du Code civil)",
    );
  });

  it("the penalty lines of several invoices add up to each invoice's penalties", () => {
    const claims = [
      garage({ invoiceNumber: "F-1", dueDate: d("2024-03-17"), amount: 1234.56 }),
      garage({ invoiceNumber: "F-2", dueDate: d("2025-12-30"), amount: 99.99, paid: 10 }),
    ];
    const lines = penaltyBreakdown(claims, today, settings.rates);
    expect(lines.filter((l) => l.invoice === "F-1").map((l) => l.rate)).toEqual([
      14.5, 14.25, 13.15, 12.15, 12.15, 12.15,
    ]);
    const notice = read(
      buildFormalNotice({ client: "Garage Petit", claims, today, settings, previousReminders: [] })
        .letter,
    );
    const total = /Pénalités de retard au 26\/11\/2026 .*: ([\d ,]+ €)/.exec(notice)?.[1] ?? "";
    const sum = lines.reduce((s, l) => s + Math.round(l.amount * 100), 0) / 100;
    expect(sum).toBe(amountOf(total));
  });
});
