// Step 4: the dossier handed to a commissaire de justice or a lawyer — the parties, the
// claims with penalties and indemnity, the deadline left before prescription, the full
// timeline of the Journal and the documents to attach. Nothing goes to the debtor.
import { type CalendarDate, daysBetween } from "../calendar-date";
import { type Claim, isProfessional } from "../claim";
import type { JournalEntry } from "../journal";
import { lastDayToAct, PRESCRIPTION_ALERT_DAYS } from "../prescription";
import type { RecoverySettings } from "../settings";
import {
  euros,
  frDate,
  invoicesShort,
  invoiceTables,
  letterhead,
  longFrenchDate,
  totalsOf,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";

/** "2026-10-12 09:00" → "12/10/2026 09:00". */
function frDateTime(at: string): string {
  return `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)}${at.slice(10)}`;
}

export interface HandoverInput {
  client: string;
  email?: string;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** Every Journal line about these invoices or this debtor, oldest first. */
  timeline: readonly JournalEntry[];
}

export function buildHandoverDossier(input: HandoverInput): MessageDocument {
  const { claims, today, settings, client } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const t = totalsOf(claims, today, settings);
  const professional = claims.every(isProfessional);
  const firstPrescription = claims.map(lastDayToAct).sort()[0] as CalendarDate;
  const daysLeft = daysBetween(today, firstPrescription);
  const documents = input.timeline.filter((e) => e.document !== "");
  const blocks: Block[] = [
    { kind: "title", text: `Dossier de recouvrement — ${client}` },
    paragraph(
      `Préparé le ${longFrenchDate(today)} par ${creditor.companyName || "le créancier"}, pour transmission à un commissaire de justice ou à un avocat. ${invoicesShort(invoices)}.`,
    ),
    { kind: "heading", text: "1. Les parties" },
    paragraph(bold("Créancier")),
    letterhead(creditor),
    paragraph(bold("Débiteur")),
    paragraph(
      text(`${client}\n`),
      text(
        `${professional ? "Professionnel" : "Particulier (consommateur)"}${input.email ? ` — ${input.email}` : ""}`,
      ),
    ),
    { kind: "heading", text: "2. Les créances" },
    ...invoiceTables(claims, today, settings, professional),
    paragraph("Principal restant dû : ", bold(euros(t.outstanding))),
  ];
  if (professional) {
    blocks.push(
      paragraph(
        `Pénalités de retard au ${frDate(today)} (L441-10 du Code de commerce) : `,
        bold(euros(t.penalties)),
      ),
      paragraph(
        "Indemnités forfaitaires pour frais de recouvrement (D441-5) : ",
        bold(euros(t.indemnity)),
      ),
      paragraph("Total réclamé : ", bold(euros(t.total))),
    );
    if (!t.penaltiesOfficial) {
      blocks.push(
        paragraph(
          "Note : le taux de pénalités du semestre en cours n'était pas encore renseigné ; le dernier taux connu a été appliqué. À vérifier avant toute action.",
        ),
      );
    }
  } else {
    blocks.push(
      paragraph(
        "Débiteur consommateur : aucune pénalité ni indemnité forfaitaire (article L111-8 du Code des procédures civiles d'exécution) ; intérêts au taux légal à compter de la mise en demeure.",
      ),
    );
  }
  blocks.push(
    { kind: "heading", text: "3. Prescription" },
    paragraph(
      `Dernier jour pour agir : `,
      bold(frDate(firstPrescription)),
      ` (${professional ? "5 ans, article L110-4 du Code de commerce" : "2 ans, article L218-2 du Code de la consommation"}, à compter de l'échéance ou de la dernière reconnaissance de dette).`,
      daysLeft <= PRESCRIPTION_ALERT_DAYS
        ? bold(` Attention : il reste ${daysLeft} jours.`)
        : text(""),
    ),
    { kind: "heading", text: "4. Chronologie des échanges" },
    {
      kind: "table",
      header: ["Date", "Étape ou échange", "Canal", "Objet", "Résultat"],
      rows:
        input.timeline.length > 0
          ? input.timeline.map((e) => [frDateTime(e.at), e.step, e.channel, e.subject, e.outcome])
          : [["—", "Aucun échange journalisé", "", "", ""]],
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
        ...documents.map((e) => [
          text(`${e.step} du ${frDateTime(e.at).slice(0, 10)} : `),
          { text: e.document, link: e.document },
        ]),
        [text("Accusé de réception de la mise en demeure (à joindre)")],
      ],
    },
    { kind: "heading", text: "6. Demande" },
    paragraph(
      "Les démarches amiables étant restées sans effet, nous vous remercions de bien vouloir poursuivre le recouvrement de ces sommes, par la voie amiable ou judiciaire (injonction de payer), et de nous indiquer les pièces complémentaires nécessaires.",
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
