// The ledger's columns, found by their header whatever the user's spelling (docs/ledger.md).
import { normalizeKey } from "./text";

export const LEDGER_FIELDS = [
  "invoiceNumber",
  "client",
  "email",
  "clientType",
  "invoiceDate",
  "dueDate",
  "amount",
  "paid",
  "profile",
  "disputed",
  "suspendedUntil",
  "lastStep",
  "lastStepDate",
  "acknowledgedOn",
  // Newer columns: with headers omitted, Procédure collective is the 15th.
  "insolvencyJudgment",
  "address",
  "siren",
] as const;

export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** The canonical header of each field, in the canonical column order. */
export const CANONICAL_HEADERS: Record<LedgerField, string> = {
  invoiceNumber: "N° facture",
  client: "Client",
  email: "Email",
  clientType: "Type",
  invoiceDate: "Date facture",
  dueDate: "Échéance",
  amount: "Montant TTC",
  paid: "Montant payé",
  profile: "Profil",
  disputed: "Litige",
  suspendedUntil: "Suspendu jusqu'au",
  lastStep: "Dernière étape",
  lastStepDate: "Date dernière étape",
  acknowledgedOn: "Date reconnaissance",
  insolvencyJudgment: "Procédure collective",
  address: "Adresse",
  siren: "SIREN",
};

export const REQUIRED_FIELDS: readonly LedgerField[] = [
  "invoiceNumber",
  "client",
  "invoiceDate",
  "amount",
];

const SYNONYMS: Record<LedgerField, string[]> = {
  invoiceNumber: [
    "N° de facture",
    "Numéro de facture",
    "Numéro facture",
    "No facture",
    "Num facture",
    "Facture",
    "Réf facture",
    "Référence facture",
    "Invoice",
    "Invoice number",
  ],
  client: ["Débiteur", "Nom client", "Nom du client", "Raison sociale", "Customer"],
  email: ["E-mail", "Mail", "Courriel", "Adresse email", "Adresse e-mail", "Email client"],
  clientType: ["Type client", "Type de client", "Catégorie", "Clientèle"],
  invoiceDate: ["Date de facture", "Date d'émission", "Date émission", "Date"],
  dueDate: ["Date d'échéance", "Date échéance", "Date limite de paiement", "Date limite"],
  amount: ["Montant", "Total TTC", "Montant facture", "TTC"],
  paid: ["Payé", "Déjà payé", "Montant réglé", "Réglé", "Règlement", "Acompte"],
  profile: ["Profil client", "Profil du client"],
  disputed: ["Contestation", "Contesté", "En litige"],
  suspendedUntil: ["Suspendu jusqu'à", "Suspendu", "Suspension"],
  lastStep: ["Étape", "Dernière relance"],
  lastStepDate: ["Date de la dernière étape", "Date dernière relance"],
  acknowledgedOn: [
    "Reconnaissance",
    "Date de reconnaissance",
    "Reconnaissance de dette",
    "Date reconnaissance de dette",
  ],
  insolvencyJudgment: [
    "Date procédure collective",
    "Date de la procédure collective",
    "Jugement d'ouverture",
    "Date du jugement d'ouverture",
    "Date jugement",
    "Redressement judiciaire",
    "Liquidation judiciaire",
    "Sauvegarde",
  ],
  address: [
    "Adresse postale",
    "Adresse du client",
    "Adresse client",
    "Adresse du débiteur",
    "Adresse de facturation",
    "Address",
  ],
  siren: ["N° SIREN", "Numéro SIREN", "SIREN client", "SIREN du client", "Siren du débiteur"],
};

const FIELD_BY_KEY: ReadonlyMap<string, LedgerField> = new Map(
  LEDGER_FIELDS.flatMap((field) =>
    [CANONICAL_HEADERS[field], ...SYNONYMS[field]].map((h) => [normalizeKey(h), field] as const),
  ),
);

/** The field a header cell names, if any. */
export function fieldOfHeader(header: unknown): LedgerField | undefined {
  return typeof header === "string" ? FIELD_BY_KEY.get(normalizeKey(header)) : undefined;
}

/** Column index of each field (0-based). */
export type ColumnMap = Partial<Record<LedgerField, number>>;

export const CANONICAL_COLUMNS: ColumnMap = Object.fromEntries(
  LEDGER_FIELDS.map((field, index) => [field, index]),
);

/** Where each field stands in a header row; the first column naming a field wins, and
 * columns naming none (Statut, a user's notes…) are ignored. */
export function columnsOfHeaderRow(headerRow: readonly unknown[]): ColumnMap {
  const columns: ColumnMap = {};
  headerRow.forEach((cell, index) => {
    const field = fieldOfHeader(cell);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

export function missingRequiredFields(columns: ColumnMap): LedgerField[] {
  return REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
}
