import { describe, expect, it } from "vitest";
import { amountInWords, integerInWords } from "../../src/domain/amount-in-words";

describe("amountInWords", () => {
  it("writes the example of the brief", () => {
    expect(amountInWords(1850.5)).toBe("mille huit cent cinquante euros et cinquante centimes");
  });

  it.each([
    [1, "un euro"],
    [21, "vingt et un euros"],
    [71, "soixante et onze euros"],
    [80, "quatre-vingts euros"],
    [81, "quatre-vingt-un euros"],
    [91, "quatre-vingt-onze euros"],
    [100, "cent euros"],
    [180, "cent quatre-vingts euros"],
    [200, "deux cents euros"],
    [201, "deux cent un euros"],
    [1000, "mille euros"],
    [2000, "deux mille euros"],
    [21_000, "vingt et un mille euros"],
    [80_000, "quatre-vingt mille euros"],
    [200_000, "deux cent mille euros"],
    [1_000_000, "un million d'euros"],
    [2_500_000, "deux millions cinq cent mille euros"],
    [200_000_000, "deux cents millions d'euros"],
    [0.01, "un centime"],
    [0.8, "quatre-vingts centimes"],
    [0, "zéro euro"],
  ])("%d → %s", (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it("rounds to the cent", () => {
    expect(amountInWords(12.345)).toBe("douze euros et trente-cinq centimes");
    expect(amountInWords(0.29)).toBe("vingt-neuf centimes");
  });

  it("refuses what is not an amount", () => {
    expect(() => amountInWords(-1)).toThrow();
    expect(() => amountInWords(Number.NaN)).toThrow();
    expect(() => integerInWords(1.5)).toThrow();
  });
});
