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

/** "12,15 %", as a French reader writes a rate. */
export function formatPercent(rate: number): string {
  return `${String(rate).replace(".", ",")} %`;
}
