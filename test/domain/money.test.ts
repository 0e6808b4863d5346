import { describe, expect, it } from "vitest";
import { formatEuros, parseAmountText, readAmountText, roundToCent } from "../../src/domain/money";

describe("amounts as typed", () => {
  it.each([
    ["1 850,00 €", 1850],
    ["1850.5", 1850.5],
    ["1850,5", 1850.5],
    ["1.850,00", 1850],
    ["1,850.00", 1850],
    ["1\u202f850,00\u00a0€", 1850],
    ["EUR 40", 40],
    ["40 euros", 40],
    ["1.250.000", 1250000],
    ["0,99", 0.99],
  ])("reads %s", (text, expected) => {
    expect(parseAmountText(text)).toBe(expected);
  });

  it.each(["abc", "", "12,34,56", "1.2.3", "€", "12 €50"])("refuses %s", (text) => {
    expect(parseAmountText(text)).toBeUndefined();
  });

  it("rounds half up to the cent", () => {
    expect(roundToCent(18.475)).toBe(18.48);
    expect(roundToCent(1.005)).toBe(1.01);
    expect(roundToCent(18.4747)).toBe(18.47);
  });

  it("formats as a French reader expects", () => {
    expect(formatEuros(1850).replace(/[\u202f\u00a0]/g, " ")).toBe("1 850,00 €");
  });
});

describe("amounts in euros as typed in the ledger", () => {
  it.each([
    ["1.850", 1850],
    ["1.850 €", 1850],
    ["1 850,00 €", 1850],
    ["1850,5", 1850.5],
    ["0,01", 0.01],
    ["12,50", 12.5],
  ])("reads %s", (text, amount) => {
    expect(readAmountText(text)).toEqual({ amount });
  });

  it.each([
    ["1,850", "« 1,850 » est ambigu (1,85 € ou 1 850 € ?) : écrivez 1850 ou 1,85"],
    ["0,004", "« 0,004 » est inférieur à un centime"],
    ["1,2345", "« 1,2345 » a plus de deux décimales : un montant se compte au centime"],
    ["abc", "« abc » n'est pas un montant"],
  ])("refuses %s in French", (text, problem) => {
    expect(readAmountText(text)).toEqual({ problem });
  });
});
