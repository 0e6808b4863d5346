// The letters Recouvra writes from the sidebar, by kind, with the title a user reads (the
// sidebar's list, the Journal's « Étape » of a letter outside the ladder).

export const LETTER_KINDS = {
  courtesy: "Relance de courtoisie",
  firm: "Relance ferme",
  formalNotice: "Mise en demeure",
  paymentPlan: "Proposition d'échéancier",
  acknowledgment: "Reconnaissance de dette",
  partialSettlement: "Protocole de remise partielle",
  handover: "Dossier de transmission",
} as const;

export type LetterKind = keyof typeof LETTER_KINDS;
