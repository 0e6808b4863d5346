// Comparing what users type: case, accents, spaces and punctuation do not matter.

/** "N° Facture " → "nfacture"; "Échéance" → "echeance"; "Suspendu jusqu'au" → "suspendujusquau". */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The label of `labels` a user's text stands for, ignoring case, accents and spacing. */
export function matchLabel<T extends string>(labels: readonly T[], text: string): T | undefined {
  const key = normalizeKey(text);
  return labels.find((l) => normalizeKey(l) === key);
}
