// An amount in French words, as a reconnaissance de dette requires it beside the figures
// (Code civil 1376: the sum « en toutes lettres et en chiffres »). Traditional spelling:
// « vingt et un », « quatre-vingts » but « quatre-vingt-un », « deux cents » but
// « deux cent un », « mille » invariable, « deux cent mille » (mille is an adjective),
// « deux cents millions » (million is a noun), « un million d'euros ».

const UNITS = [
  "zéro",
  "un",
  "deux",
  "trois",
  "quatre",
  "cinq",
  "six",
  "sept",
  "huit",
  "neuf",
  "dix",
  "onze",
  "douze",
  "treize",
  "quatorze",
  "quinze",
  "seize",
] as const;

const TENS = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"] as const;

/** 0–99; `final` when nothing follows (quatre-vingts takes its s only then). */
function belowHundred(n: number, final: boolean): string {
  if (n <= 16) return UNITS[n] as string;
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  const ten = Math.floor(n / 10);
  const unit = n % 10;
  if (ten === 7 || ten === 9) {
    // soixante-dix … soixante-dix-neuf, quatre-vingt-dix … quatre-vingt-dix-neuf
    const base = ten === 7 ? "soixante" : "quatre-vingt";
    const rest = belowHundred(10 + unit, final);
    return ten === 7 && unit === 1 ? `${base} et ${rest}` : `${base}-${rest}`;
  }
  if (ten === 8)
    return unit === 0 ? (final ? "quatre-vingts" : "quatre-vingt") : `quatre-vingt-${UNITS[unit]}`;
  const tens = TENS[ten] as string;
  if (unit === 0) return tens;
  if (unit === 1) return `${tens} et un`;
  return `${tens}-${UNITS[unit]}`;
}

/** 0–999; `final` when no other number word follows (cents and quatre-vingts agree). */
function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds === 1) words.push("cent");
  else if (hundreds > 1) words.push(`${UNITS[hundreds]} ${rest === 0 && final ? "cents" : "cent"}`);
  if (rest > 0 || hundreds === 0) words.push(belowHundred(rest, final));
  return words.join(" ");
}

/** A whole number in words (0 ≤ n < 10^15). */
export function integerInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e15)
    throw new RangeError(`Nombre hors limites : ${n}`);
  if (n === 0) return "zéro";
  const scales: [number, string][] = [
    [1e12, "billion"],
    [1e9, "milliard"],
    [1e6, "million"],
  ];
  const words: string[] = [];
  let rest = n;
  for (const [size, noun] of scales) {
    const count = Math.floor(rest / size);
    rest %= size;
    // Nouns: « deux cents millions » — the number before them is final.
    if (count > 0) words.push(`${belowThousand(count, true)} ${noun}${count > 1 ? "s" : ""}`);
  }
  const thousands = Math.floor(rest / 1000);
  const units = rest % 1000;
  // « mille » is invariable and never « un mille »; what precedes it is not final.
  if (thousands === 1) words.push("mille");
  else if (thousands > 1) words.push(`${belowThousand(thousands, false)} mille`);
  if (units > 0) words.push(belowThousand(units, true));
  return words.join(" ");
}

/** « mille huit cent cinquante euros et cinquante centimes », rounded to the cent. */
export function amountInWords(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Montant invalide : ${amount}`);
  const cents = Math.round(amount * 100);
  const euros = Math.floor(cents / 100);
  const centimes = cents % 100;
  const parts: string[] = [];
  if (euros > 0 || centimes === 0) {
    const words = integerInWords(euros);
    // « un million d'euros », « deux milliards d'euros »: a bare scale noun takes « de ».
    const ofEuros = euros >= 1e6 && euros % 1e6 === 0;
    parts.push(`${words} ${ofEuros ? "d'euros" : euros > 1 ? "euros" : "euro"}`);
  }
  if (centimes > 0) parts.push(`${integerInWords(centimes)} centime${centimes > 1 ? "s" : ""}`);
  return parts.join(" et ");
}
