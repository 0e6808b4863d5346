// Step 4: the dossier handed to a commissaire de justice or a lawyer — the parties (the
// debtor's postal address and SIREN), the claims with penalties and indemnity (or, for a
// consumer, the legal interest since the mise en demeure), the deadline left before
// prescription, the full timeline per invoice (the Journal, and the ledger's « Dernière
// étape » for what was done before Recouvra), the PDFs sent, the registered letter and its
// receipt, and the routes the law offers. Nothing goes to the debtor.
import { type CalendarDate, daysBetween, maxDate } from "../calendar-date";
import { type Claim, debtorKey, isProfessional } from "../claim";
import { CHANNELS, entryDate, isStepTaken, type JournalEntry, stepOfEntry } from "../journal";
import { stepLabel } from "../ladder";
import { legalInterest } from "../legal-interest";
import type { PlanStanding } from "../plan-default";
import { lastDayToAct, PRESCRIPTION_ALERT_DAYS } from "../prescription";
import { type RegisteredLetter, registeredLettersOf } from "../registered-letter";
import type { RecoverySettings } from "../settings";
import {
  type DebtorIdentity,
  debtorIdentityOf,
  euros,
  formatSiren,
  frDate,
  invoicesShort,
  invoiceTables,
  letterhead,
  longFrenchDate,
  penaltyTableBlocks,
  rateText,
  totalsOf,
} from "./common";
import {
  type Block,
  bold,
  type MessageDocument,
  oneLine,
  paragraph,
  type Run,
  text,
} from "./document";
import { planSituation } from "./plan-notice";

/** "2026-10-12 09:00" → "12/10/2026 09:00". */
function frDateTime(at: string): string {
  return `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)}${at.slice(10)}`;
}

export interface HandoverInput {
  client: string;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** Every Journal line about these invoices or this debtor, oldest first. */
  timeline: readonly JournalEntry[];
  /** Default: the ledger's Adresse and SIREN of these claims. */
  debtor?: DebtorIdentity;
  /** The payment plans over these invoices: the dossier tells their default and notice. */
  plans?: readonly PlanStanding[];
}

/** Procédure simplifiée de recouvrement des petites créances: up to this sum (R125-1 CPCE). */
export const SMALL_CLAIMS_LIMIT_EUROS = 5000;

/** A Google Doc's link → the link of its PDF export: the dossier points at what was sent,
 * never at an editable document. */
export function pdfLink(url: string): string {
  const doc = /^https:\/\/docs\.google\.com\/document\/d\/([\w-]+)/.exec(url);
  return doc ? `https://docs.google.com/document/d/${doc[1]}/export?format=pdf` : url;
}

/** One document the Journal links, as a piece of the dossier: the PDF file actually sent
 * (or made), by its name, with its date; for a line written before the Journal had its
 * « PDF » column, the Doc's PDF export, said to be the document as it is today. */
function pieceOf(e: JournalEntry): Run[] {
  const on = frDateTime(e.at).slice(0, 10);
  if (e.pdf) {
    const how =
      e.channel === CHANNELS.task
        ? "original à envoyer en lettre recommandée"
        : e.recipient
          ? `joint à l'email envoyé à ${e.recipient}`
          : "établi";
    return [
      text(`${e.step} du ${on} — PDF ${how} : « ${e.pdf.name} » : `),
      { text: e.pdf.url, link: e.pdf.url },
    ];
  }
  return [
    text(
      `${e.step} du ${on} — export PDF du document tel qu'il est aujourd'hui (le fichier envoyé n'est pas enregistré au Journal) : `,
    ),
    { text: pdfLink(e.document), link: pdfLink(e.document) },
  ];
}

interface TimelineRow {
  at: string;
  invoices: string;
  cells: string[];
}

/** The timeline of these invoices: each Journal line about one of them (not another
 * debtor's, nor the run's own notes), and each step the ledger shows that the Journal
 * does not (a ledger migrated with its « Dernière étape »). */
export function timelineRows(
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
): string[][] {
  const wanted = new Set(claims.map((c) => c.invoiceNumber));
  const key = debtorKey(claims[0]?.client ?? "");
  const own = journal.filter(
    (e) =>
      e.channel !== "Système" &&
      e.invoices.some((i) => wanted.has(i)) &&
      (e.client === "" || debtorKey(e.client) === key),
  );
  const rows: TimelineRow[] = own.map((e) => ({
    at: e.at,
    invoices: e.invoices.filter((i) => wanted.has(i)).join(", "),
    cells: [frDateTime(e.at), e.step, e.channel, e.subject, e.outcome],
  }));
  for (const c of claims) {
    if (c.lastStep === undefined || c.lastStepDate === undefined) continue;
    const journaled = own.some(
      (e) =>
        e.invoices.includes(c.invoiceNumber) &&
        stepOfEntry(e) === c.lastStep &&
        isStepTaken(e.outcome),
    );
    if (journaled) continue;
    rows.push({
      at: `${c.lastStepDate} 00:00`,
      invoices: c.invoiceNumber,
      cells: [
        frDate(c.lastStepDate),
        stepLabel(c.lastStep),
        "—",
        "Étape indiquée dans le suivi (« Dernière étape »), sans trace au Journal",
        "Fait",
      ],
    });
  }
  return rows
    .sort((a, b) => a.at.localeCompare(b.at) || a.invoices.localeCompare(b.invoices))
    .map((r) => [r.invoices, ...r.cells]);
}

/** The day the mise en demeure of these invoices went out (Journal or ledger), if any. */
export function formalNoticeDate(
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
): CalendarDate | undefined {
  const wanted = new Set(claims.map((c) => c.invoiceNumber));
  const dates = [
    ...journal
      .filter(
        (e) =>
          stepOfEntry(e) === 3 && isStepTaken(e.outcome) && e.invoices.some((i) => wanted.has(i)),
      )
      .map(entryDate),
    ...claims.map((c) =>
      c.lastStep !== undefined && c.lastStep >= 3 ? c.lastStepDate : undefined,
    ),
  ].filter((d): d is CalendarDate => d !== undefined);
  return dates.sort()[0];
}

function registeredLetterItems(letters: readonly RegisteredLetter[]): Run[][] {
  return letters.map((l) => [
    text(
      `Lettre recommandée avec accusé de réception n° ${l.number}, postée le ${frDate(l.postedOn)}`,
    ),
    l.receivedOn
      ? text(` — avis de réception signé le ${frDate(l.receivedOn)} (à joindre)`)
      : bold(" — avis de réception non encore enregistré"),
  ]);
}

/** The routes the law offers once the amicable steps failed; none while disputed. */
export function routeBlocks(
  claims: readonly Claim[],
  debtor: DebtorIdentity,
  total: number,
): Block[] {
  if (claims.some((c) => c.disputed))
    return [
      paragraph(
        bold("Aucune voie de recouvrement n'est proposée : "),
        text(
          "une facture du dossier est en litige. Le différend doit d'abord être tranché ou réglé (accord, transaction, ou action au fond devant le juge) ; les procédures ci-dessous supposent une créance non sérieusement contestable.",
        ),
      ),
    ];
  const professional = claims.every(isProfessional);
  const where = debtor.address
    ? ` (adresse connue : ${debtor.address.replace(/\n+/g, ", ")})`
    : " (adresse postale du débiteur à compléter : elle détermine le tribunal compétent)";
  const items: Run[][] = [];
  if (total <= SMALL_CLAIMS_LIMIT_EUROS)
    items.push([
      bold("Procédure simplifiée de recouvrement des petites créances"),
      text(
        ` (article L125-1 du Code des procédures civiles d'exécution) : la somme de ${euros(total)} n'excède pas ${euros(SMALL_CLAIMS_LIMIT_EUROS)} ; un commissaire de justice invite le débiteur à un accord sur le montant et les délais de paiement. Elle suppose l'accord du débiteur ; l'accord constaté vaut titre exécutoire.`,
      ),
    ]);
  items.push([
    bold("Injonction de payer"),
    text(
      professional
        ? ` (articles 1405 et suivants du Code de procédure civile) : requête, sans audience préalable, au tribunal de commerce si la créance est commerciale entre commerçants, sinon au tribunal judiciaire, du lieu où demeure le débiteur — son siège social (article 1406)${where}.`
        : ` (articles 1405 et suivants du Code de procédure civile) : requête, sans audience préalable, au tribunal judiciaire du lieu où demeure le débiteur : un consommateur est assigné devant la juridiction de son domicile (article 1406)${where}.`,
    ),
  ]);
  items.push([
    bold("Référé-provision"),
    text(
      ` (article 835, alinéa 2, du Code de procédure civile${professional ? ", ou 873, alinéa 2, devant le tribunal de commerce" : ""}) : lorsque l'obligation n'est pas sérieusement contestable, le juge des référés peut accorder une provision.`,
    ),
  ]);
  return [{ kind: "list", items }];
}

export function buildHandoverDossier(input: HandoverInput): MessageDocument {
  const { claims, today, settings, client } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const t = totalsOf(claims, today, settings);
  const professional = claims.every(isProfessional);
  const debtor = input.debtor ?? { ...debtorIdentityOf(claims), name: client };
  const firstPrescription = claims.map(lastDayToAct).sort()[0] as CalendarDate;
  const daysLeft = daysBetween(today, firstPrescription);
  const key = debtorKey(client);
  const wanted = new Set(invoices);
  const documents = input.timeline.filter(
    (e) =>
      (e.document !== "" || e.pdf !== undefined) &&
      e.invoices.some((i) => wanted.has(i)) &&
      debtorKey(e.client) === key,
  );
  const letters = registeredLettersOf(input.timeline, invoices);
  const noticeOn = formalNoticeDate(claims, input.timeline);
  const rows = timelineRows(claims, input.timeline);
  const debtorLines = [
    professional ? "Professionnel" : "Particulier (consommateur)",
    debtor.siren
      ? `SIREN ${formatSiren(debtor.siren)}`
      : professional
        ? "SIREN : non renseigné"
        : "",
    debtor.address ??
      "Adresse postale : non renseignée (indispensable pour une requête ou une assignation)",
    debtor.email ? `Email : ${debtor.email}` : "",
  ].filter((l) => l !== "");
  const blocks: Block[] = [
    { kind: "title", text: `Dossier de recouvrement — ${client}` },
    paragraph(
      `Préparé le ${longFrenchDate(today)} par ${creditor.companyName || "le créancier"}, pour transmission à un commissaire de justice ou à un avocat. ${invoicesShort(invoices)}.`,
    ),
    { kind: "heading", text: "1. Les parties" },
    paragraph(bold("Créancier")),
    letterhead(creditor),
    paragraph(bold("Débiteur")),
    paragraph(bold(`${client}\n`), text(debtorLines.join("\n"))),
    { kind: "heading", text: "2. Les créances" },
    ...invoiceTables(claims, today, settings, professional),
    paragraph("Principal restant dû : ", bold(euros(t.outstanding))),
  ];
  let claimed = t.total;
  if (professional) {
    blocks.push(
      paragraph(
        `Pénalités de retard au ${frDate(today)} (article L441-10 du Code de commerce) : `,
        bold(euros(t.penalties)),
      ),
      paragraph(
        "Indemnités forfaitaires pour frais de recouvrement (article D441-5 du Code de commerce) : ",
        bold(euros(t.indemnity)),
      ),
      paragraph("Total réclamé : ", bold(euros(t.total))),
      ...penaltyTableBlocks(claims, today, settings),
    );
  } else {
    blocks.push(
      paragraph(
        "Débiteur consommateur : pas de pénalités de retard ni d'indemnité forfaitaire, réservées aux relations entre professionnels (article L441-10 du Code de commerce) ; les frais du recouvrement amiable restent à la charge du créancier (article L111-8 du Code des procédures civiles d'exécution).",
      ),
    );
    const receipt = letters.find((l) => l.receivedOn)?.receivedOn;
    const start = noticeOn && receipt ? maxDate(noticeOn, receipt) : noticeOn;
    if (start) {
      const interest = legalInterest(t.outstanding, start, today, settings.rates);
      claimed = Math.round((t.outstanding + interest.amount) * 100) / 100;
      blocks.push(
        paragraph(
          `Intérêts au taux légal (articles 1231-6 et 1344-1 du Code civil, taux « autres cas », le créancier n'étant pas un particulier) depuis la mise en demeure ${receipt ? `reçue le ${frDate(receipt)}` : `du ${frDate(start)}`}, du ${frDate(interest.from)} au ${frDate(today)} : `,
          bold(euros(interest.amount)),
          ` (${interest.lines.map((l) => `${l.days} jours à ${rateText(l.rate, l.official)}`).join(", ") || "0 jour"}).`,
        ),
        paragraph("Total réclamé : ", bold(euros(claimed))),
      );
    } else {
      blocks.push(
        paragraph(
          "Aucune mise en demeure enregistrée : les intérêts au taux légal ne courent qu'à compter de celle-ci (article 1231-6 du Code civil).",
        ),
      );
    }
  }
  for (const standing of input.plans ?? [])
    blocks.push(planSituation(standing, settings.ladder.formalNoticeDeadlineDays));
  blocks.push(
    { kind: "heading", text: "3. Prescription" },
    paragraph(
      `Dernier jour pour agir : `,
      bold(frDate(firstPrescription)),
      ` (${professional ? "5 ans à compter de l'échéance, article L110-4 du Code de commerce" : "2 ans à compter de la facture, article L218-2 du Code de la consommation"}, ou de la dernière reconnaissance de dette ; une mise en demeure ne l'interrompt pas).`,
      daysLeft <= PRESCRIPTION_ALERT_DAYS
        ? bold(` Attention : il reste ${daysLeft} jours.`)
        : text(""),
    ),
    { kind: "heading", text: "4. Chronologie, facture par facture" },
    {
      kind: "table",
      header: ["Facture", "Date", "Étape ou échange", "Canal", "Objet", "Résultat"],
      rows:
        rows.length > 0
          ? rows
          : [[invoices.join(", "), "—", "Aucune étape enregistrée", "", "", ""]],
    },
    { kind: "heading", text: "5. Pièces" },
    {
      kind: "list",
      items: [
        [
          text(
            `Copie ${invoices.length > 1 ? "des factures" : "de la facture"} ${invoices.join(", ")} et, le cas échéant, du bon de commande ou du devis signé`,
          ),
        ],
        ...documents.map(pieceOf),
        ...registeredLetterItems(letters),
        ...(letters.length === 0 && noticeOn
          ? [
              [
                bold(
                  "Lettre recommandée de la mise en demeure : numéro et avis de réception non enregistrés",
                ),
              ],
            ]
          : []),
      ],
    },
    { kind: "heading", text: "6. Les voies possibles" },
    ...routeBlocks(claims, debtor, claimed),
    { kind: "heading", text: "7. Demande" },
    paragraph(
      "Les démarches amiables étant restées sans effet, nous vous remercions de bien vouloir poursuivre le recouvrement de ces sommes par la voie qui vous paraîtra la plus adaptée, et de nous indiquer les pièces complémentaires nécessaires.",
    ),
  );
  return {
    title: oneLine(`Dossier de recouvrement — ${client} — ${invoices.join(", ")} — ${today}`),
    blocks,
  };
}

/** What the user must do when Recouvra cannot reach the debtor itself. */
export function taskText(
  stepLabel: string,
  client: string,
  claims: readonly Claim[],
  owed: number,
  letter: boolean,
): string {
  const invoices = claims.map((c) => c.invoiceNumber).join(", ");
  if (letter)
    return `Envoyer la mise en demeure à ${client} en recommandé avec AR (${invoices} — ${euros(owed)})`;
  return `Appeler / écrire à ${client} : ${stepLabel.toLowerCase()} (${invoices} — ${euros(owed)})`;
}
