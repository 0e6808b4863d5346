// A1 notation: "A1", "A1:B2", "A2:N" (open-ended rows), "A:C", "2:5", "'Créances'!A1".

export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A1" or "A1:B2" (1-based row/col, extent in cells). */
export function toA1(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnLetters(col)}${row}`;
  if (rows === 1 && cols === 1) return start;
  return `${start}:${columnLetters(col + cols - 1)}${row + rows - 1}`;
}

/** A sheet name as a formula or A1 reference writes it: quoted when not a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface A1Parts {
  sheet?: string;
  /** Undefined bounds are open: a whole column ("A:C"), a whole row ("2:5"), or rows to the end ("A2:N"). */
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Parses A1 notation; returns undefined when it is not one. */
export function parseA1(a1: string): A1Parts | undefined {
  let text = a1.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    text = text.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'"))
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const [a, b, extra] = text.split(":");
  if (a === undefined || extra !== undefined) return undefined;
  const m1 = CELL.exec(a);
  const m2 = b === undefined ? m1 : CELL.exec(b);
  if (!m1 || !m2) return undefined;
  const c1 = m1[1] ? columnNumber(m1[1]) : undefined;
  const r1 = m1[2] ? Number(m1[2]) : undefined;
  const c2 = m2[1] ? columnNumber(m2[1]) : undefined;
  const r2 = m2[2] ? Number(m2[2]) : undefined;
  if (c1 === undefined && r1 === undefined) return undefined;
  if (b === undefined && (c1 === undefined || r1 === undefined)) return undefined;
  if (r1 === 0 || r2 === 0) return undefined;
  return {
    sheet,
    startRow: r1,
    startCol: c1,
    endRow: r2 ?? (b === undefined ? r1 : undefined),
    endCol: c2 ?? (b === undefined ? c1 : undefined),
  };
}

/** Resolves parts against a sheet's size: open bounds reach its last row / column. */
export function resolveA1(
  p: A1Parts,
  maxRows: number,
  maxCols: number,
): { row: number; col: number; rows: number; cols: number } {
  const r1 = p.startRow ?? 1;
  const c1 = p.startCol ?? 1;
  const r2 = p.endRow ?? Math.max(maxRows, r1);
  const c2 = p.endCol ?? Math.max(maxCols, c1);
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}
