// The small rules the sidebar's first hour relies on.
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../../src/domain/calendar-date";
import { movesLadderForward } from "../../src/domain/ladder";
import { schedulePaymentPlan } from "../../src/domain/payment-plan";
import { agreedPastPrescription } from "../../src/domain/prescription";
import { debtorStatus } from "../../src/domain/status";
import { countOf, frenchSpaces, ofName } from "../../src/domain/text";

const d = (s: string) => s as CalendarDate;

describe("« Dernière étape » only moves forward", () => {
  it("records a later step, never an earlier one nor the same again", () => {
    expect(movesLadderForward(undefined, 1)).toBe(true);
    expect(movesLadderForward(2, 3)).toBe(true);
    expect(movesLadderForward(3, 1)).toBe(false);
    expect(movesLadderForward(4, 2)).toBe(false);
    expect(movesLadderForward(3, 3)).toBe(false);
  });
});

describe("time running out", () => {
  it("warns when an agreement ends after an invoice's last day to act", () => {
    const invoices = [
      { invoice: "F-1", lastDayToAct: d("2027-01-31") },
      { invoice: "F-2", lastDayToAct: d("2031-10-01") },
    ];
    expect(agreedPastPrescription(invoices, d("2027-01-31"))).toBeUndefined();
    const w = agreedPastPrescription(invoices, d("2027-03-01"));
    expect(w).toContain("F-1");
    expect(w).not.toContain("F-2");
    expect(w).toContain("31/01/2027");
    expect(w).toContain("reconnaissance de dette");
  });

  it("refuses an échéancier larger than what is owed", () => {
    const terms = {
      count: 6,
      firstDate: d("2026-12-15"),
      frequency: "monthly" as const,
      agreedOn: d("2026-11-26"),
    };
    const refused = schedulePaymentPlan({ ...terms, total: 99_999, owed: 2_460 });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? "" : refused.problems.join(" ")).toMatch(/dépasse ce qui est dû/);
    expect(schedulePaymentPlan({ ...terms, total: 2_460, owed: 2_460 }).ok).toBe(true);
  });
});

describe("French", () => {
  it("counts with real plurals, the singular up to 1, never « (s) »", () => {
    expect(countOf(0, "relance envoyée", "relances envoyées")).toBe("0\u00a0relance envoyée");
    expect(countOf(1, "mise en demeure", "mises en demeure")).toBe("1\u00a0mise en demeure");
    expect(countOf(2, "mise en demeure", "mises en demeure")).toBe("2\u00a0mises en demeure");
    expect(countOf(1500, "ligne")).toBe("1\u202f500\u00a0lignes");
  });

  it("elides « de » before a vowel or a mute h", () => {
    expect(ofName("Hôtel du Parc")).toBe("d'Hôtel du Parc");
    expect(ofName("Association Les Amis du Livre")).toBe("d'Association Les Amis du Livre");
    expect(ofName("Garage Lefèvre")).toBe("de Garage Lefèvre");
    expect(ofName("Halles de Lyon")).toBe("de Halles de Lyon");
  });

  it("never leaves « or : alone at a line end", () => {
    expect(frenchSpaces("dans « Créances » : voir")).toBe(
      "dans «\u00a0Créances\u00a0»\u00a0: voir",
    );
  });

  it("a debtor's status says most about its open invoices", () => {
    expect(debtorStatus(["Relancée", "Litige", "Échue"])).toBe("Litige");
    expect(debtorStatus([])).toBe("Soldée");
  });
});
