// Formulas as a French Sheets user sees them ("=NEXT_RELANCE(A2:N; A1:N1; TODAY())":
// ';' between arguments, ',' as the decimal mark, '\' between columns of an array
// literal, open-ended ranges "A2:N") and as an .xlsx file stores them
// ("NEXT_RELANCE(A2:N1048576,A1:N1,TODAY())": no '=', ',' between arguments, '.' as
// the decimal mark, ranges always closed). Strings and quoted sheet names are copied
// untouched: a ';' inside "…" is text, not a separator. Spaces are kept as typed, so
// both conversions are exact inverses of each other.

/** Last row of an .xlsx sheet: how an open-ended Sheets range ("A2:N") is closed in a file. */
export const XLSX_MAX_ROW = 1_048_576;

/** A piece of a formula; the sandbox's formula engine reads formulas with the same tokens. */
export interface Token {
  kind: "string" | "sheet" | "word" | "number" | "op";
  text: string;
}

export function tokenize(formula: string, decimalMark: "," | "."): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      // "text" with "" as an escaped quote; 'Sheet name' with '' likewise.
      let j = i + 1;
      while (j < formula.length) {
        if (formula.charAt(j) === ch) {
          if (formula.charAt(j + 1) === ch) j += 2;
          else break;
        } else j++;
      }
      tokens.push({ kind: ch === '"' ? "string" : "sheet", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(formula.slice(i));
    if (word) {
      tokens.push({ kind: "word", text: word[0] });
      i += word[0].length;
      continue;
    }
    const numberPattern =
      decimalMark === "," ? /^\d+(,\d+)?([eE][+-]?\d+)?/ : /^\d+(\.\d+)?([eE][+-]?\d+)?/;
    const num = numberPattern.exec(formula.slice(i));
    if (num) {
      tokens.push({ kind: "number", text: num[0] });
      i += num[0].length;
      continue;
    }
    tokens.push({ kind: "op", text: ch });
    i++;
  }
  return tokens;
}

// "A2:N" (Sheets) ⇄ "A2:N1048576" (xlsx); "$A$2:$N" too. Applied to word tokens only,
// so text in strings is never touched. Column-only ranges ("A:N") are valid in both.
const OPEN_RANGE = /^(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})$/;
const CLOSED_AT_MAX = new RegExp(
  `^(\\$?[A-Za-z]{1,3}\\$?\\d+):(\\$?[A-Za-z]{1,3})\\$?${XLSX_MAX_ROW}$`,
);

/** French Sheets formula ("=F(A2:N; 1,5)") → the text an .xlsx `<f>` holds ("F(A2:N1048576,1.5)"). */
export function toExcelFormula(french: string): string {
  const body = french.startsWith("=") ? french.slice(1) : french;
  const tokens = tokenize(body, ",");
  let braces = 0;
  let out = "";
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind === "op") {
      if (t.text === "{") braces++;
      else if (t.text === "}") braces--;
      if (t.text === ";" && braces === 0) out += ",";
      else if (t.text === "\\" && braces > 0) out += ",";
      else out += t.text;
    } else if (t.kind === "number") out += t.text.replace(",", ".");
    else out += t.text;
  }
  return closeOpenRanges(out);
}

// Joins "A2" ":" "N" back into one range before deciding whether it is open-ended.
function closeOpenRanges(excel: string): string {
  const tokens = tokenize(excel, ".");
  let out = "";
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const colon = tokens[k + 1];
    const end = tokens[k + 2];
    if (
      t.kind === "word" &&
      colon?.text === ":" &&
      end?.kind === "word" &&
      OPEN_RANGE.test(`${t.text}:${end.text}`)
    ) {
      out += `${t.text}:${end.text}${XLSX_MAX_ROW}`;
      k += 2;
      continue;
    }
    out += t.text;
  }
  return out;
}

/** The text of an .xlsx `<f>` ("F(A2:N1048576,1.5)") → the formula a French Sheets user sees ("=F(A2:N; 1,5)"). */
export function fromExcelFormula(excel: string): string {
  const body = excel.startsWith("=") ? excel.slice(1) : excel;
  const tokens = tokenize(body, ".");
  let braces = 0;
  let out = "";
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const colon = tokens[k + 1];
    const end = tokens[k + 2];
    if (
      t.kind === "word" &&
      colon?.text === ":" &&
      end?.kind === "word" &&
      CLOSED_AT_MAX.test(`${t.text}:${end.text}`)
    ) {
      out += `${t.text}:${end.text.replace(new RegExp(`\\$?${XLSX_MAX_ROW}$`), "")}`;
      k += 2;
      continue;
    }
    if (t.kind === "op") {
      if (t.text === "{") braces++;
      else if (t.text === "}") braces--;
      if (t.text === "," && braces === 0) out += ";";
      else if (t.text === "," && braces > 0) out += "\\";
      else out += t.text;
    } else if (t.kind === "number") out += t.text.replace(".", ",");
    else out += t.text;
  }
  return `=${out}`;
}

/** The names of the functions a formula calls (upper case), in either syntax. */
export function functionNames(formula: string): string[] {
  const tokens = tokenize(formula.startsWith("=") ? formula.slice(1) : formula, ".");
  const names: string[] = [];
  tokens.forEach((t, k) => {
    if (t.kind === "word" && tokens[k + 1]?.text === "(") names.push(t.text.toUpperCase());
  });
  return names;
}
