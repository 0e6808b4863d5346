// Euros as a French accountant types and reads them.

/** Rounds to the cent, half away from zero ("au centime le plus proche"). */
export function roundToCent(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-7) / 100;
  return amount < 0 ? -cents : cents;
}

/** What is still owed: never negative (an overpaid invoice owes nothing). */
export function outstandingAmount(amount: number, paid: number): number {
  return Math.max(0, roundToCent(amount - paid));
}

const frenchEuro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** "1 850,00 €" (with the no-break spaces French typography uses). */
export function formatEuros(amount: number): string {
  return frenchEuro.format(amount);
}

/** Reads "1 850,00 €", "1850.5", "1.850,00", "1,850.00", "EUR 40" …; undefined if not an amount. */
export function parseAmountText(text: string): number | undefined {
  // The currency may stand before or after the figure, never inside it.
  const bare = text.trim().replace(/^(€|eur)\s*|\s*(€|eur(os?)?)$/gi, "");
  let t = bare.replace(/[\s\u00a0\u202f']/g, "");
  if (t === "") return undefined;
  const lastComma = t.lastIndexOf(",");
  const lastDot = t.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    t = t.split(thousands).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    // "1,850" with three digits after a single comma is still a French decimal comma.
    if (t.indexOf(",") !== lastComma) return undefined;
    t = t.replace(",", ".");
  } else if (lastDot >= 0 && t.indexOf(".") !== lastDot) {
    // "1.850.000": dots as thousands separators.
    if (!/^-?\d{1,3}(\.\d{3})+$/.test(t)) return undefined;
    t = t.split(".").join("");
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** What an amount in euros typed as text says: euros, or why it is not one (in French). */
export type AmountReading = { amount: number } | { problem: string };

/** An amount in euros as text, stricter than a plain number (parseAmountText).
 *
 * A lone separator followed by exactly three digits is where French and English use part:
 * « 1.850 » is read as 1 850 € (in French use the dot separates thousands, as in
 * « 1.250.000 »); « 1,850 » — a French decimal comma with three decimals, or an English
 * thousands comma — is refused as ambiguous rather than guessed. Any other amount with more
 * than two decimals is refused, and so is one under a cent: a sum owed is counted in cents. */
export function readAmountText(text: string): AmountReading {
  const shown = text.trim();
  const figure = shown
    .replace(/^(€|eur)\s*|\s*(€|eur(os?)?)$/gi, "")
    .replace(/[\s\u00a0\u202f']/g, "");
  const lone = /^([-+]?[1-9]\d{0,2})([.,])(\d{3})$/.exec(figure);
  if (lone?.[2] === ",") {
    const [units, cents] = [lone[1] as string, (lone[3] as string).slice(0, 2)];
    return {
      problem: `« ${shown} » est ambigu (${units},${cents} € ou ${units} ${lone[3]} € ?) : écrivez ${units}${lone[3]} ou ${units},${cents}`,
    };
  }
  const n = lone ? Number(`${lone[1]}${lone[3]}`) : parseAmountText(text);
  if (n === undefined) return { problem: `« ${shown} » n'est pas un montant` };
  if (n !== 0 && Math.abs(n) < 0.01) return { problem: subCent(shown) };
  if (Math.abs(roundToCent(n) - n) > 1e-9)
    return { problem: `« ${shown} » a plus de deux décimales : un montant se compte au centime` };
  return { amount: n };
}

/** The French sentence for an amount under one cent (0,004 € would be reminded as 0,00 €). */
export function subCent(shown: string): string {
  return `« ${shown} » est inférieur à un centime`;
}

/** "12,15 %", as a French reader writes a rate. */
export function formatPercent(rate: number): string {
  return `${String(rate).replace(".", ",")} %`;
}
