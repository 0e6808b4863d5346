import type { Claim } from "../../../src/domain/claim";
import { documentToText } from "../../../src/domain/messages/document";
import { buildReminder } from "../../../src/domain/messages/reminder";
import { DEFAULT_SETTINGS, type RecoverySettings } from "../../../src/domain/settings";
import { d } from "../fixtures";

export const settings: RecoverySettings = {
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
    bic: "BNPAFRPPXXX",
    paymentLink: "https://paiement.example/durand",
  },
};
export const today = d("2026-11-26");
export const nbsp = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");
export const textOf = (c: Claim[], step: 1 | 2) =>
  nbsp(
    documentToText(buildReminder({ step, client: c[0]?.client ?? "", claims: c, today, settings })),
  );
