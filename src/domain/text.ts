// Comparing what users type: case, accents, spaces and punctuation do not matter.

const keys = new Map<string, string>();
const MAX_CACHED_KEYS = 10_000;

/** "N° Facture " → "nfacture"; "Échéance" → "echeance"; "Suspendu jusqu'au" → "suspendujusquau". */
export function normalizeKey(text: string): string {
  // A ledger repeats the same few labels on every row: remember them.
  let key = keys.get(text);
  if (key === undefined) {
    key = text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    if (keys.size < MAX_CACHED_KEYS) keys.set(text, key);
  }
  return key;
}

const labelIndexes = new WeakMap<readonly string[], Map<string, string>>();

/** The label of `labels` a user's text stands for, ignoring case, accents and spacing. */
export function matchLabel<T extends string>(labels: readonly T[], text: string): T | undefined {
  let index = labelIndexes.get(labels);
  if (!index) {
    index = new Map(labels.map((l) => [normalizeKey(l), l]));
    labelIndexes.set(labels, index);
  }
  return index.get(normalizeKey(text)) as T | undefined;
}

/** « de » before a name, elided as French does: « d'Hôtel du Parc », « d'Association … »,
 * « de Garage … ». An h before « a » is mostly aspirated (« de Halles … »), so not elided. */
export function ofName(name: string): string {
  return /^(?:[aeiouyàâäéèêëîïôöùûüœæ]|h[eiouyéèêôû])/i.test(name.trim())
    ? `d'${name.trim()}`
    : `de ${name.trim()}`;
}

/** French typography: a no-break space inside « » and before : ; ! ?, so that a guillemet or
 * a colon never starts a line alone. */
export function frenchSpaces(text: string): string {
  return text.replace(/« /g, "«\u00a0").replace(/ ([»:;!?])/g, "\u00a0$1");
}

/** « 1 dossier », « 5 dossiers », « 0 dossier »: French takes the singular up to 1; the
 * number in French digits, a non-breaking space before the word. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("fr-FR")}\u00a0${Math.abs(n) < 2 ? singular : plural}`;
}
