import { describe, expect, it } from "vitest";
import type { Claim } from "../../../src/domain/claim";
import { documentToText } from "../../../src/domain/messages/document";
import { buildFormalNotice } from "../../../src/domain/messages/formal-notice";
import { claim, d } from "../fixtures";
import { nbsp, settings, today } from "./fixtures";

describe("the mise en demeure", () => {
  const notice = (c: Claim[]) =>
    buildFormalNotice({
      client: "Garage Petit",
      claims: c,
      today,
      settings,
      previousReminders: [d("2026-10-28"), d("2026-11-03")],
    });

  it("has every element the law expects", () => {
    const n = notice([claim({ dueDate: d("2026-10-27") })]);
    const t = nbsp(documentToText(n.letter));
    expect(t).toContain("Imprimerie Durand SARL");
    expect(t).toContain("SIREN 512 345 678");
    expect(t).toContain("Garage Petit");
    expect(t).toContain("Lyon, le 26 novembre 2026");
    expect(t).toContain("mise en demeure de payer");
    expect(t).toContain(
      "Par la présente, nous vous mettons en demeure de nous régler la somme de 1 908,47 €",
    );
    expect(t).toContain("dans un délai de 8 jours à compter de la réception de la présente.");
    expect(t).not.toContain("au plus tard le");
    expect(t).toContain("Principal restant dû : 1 850,00 €");
    expect(t).toMatch(/Pénalités de retard au 26\/11\/2026 .*: 18,47 €/);
    expect(t).toMatch(/Indemnité forfaitaire .*: 40,00 €/);
    expect(t).toContain("Malgré nos relances des 28/10/2026 et 03/11/2026");
    expect(t).toContain("F-2026-001 | 02/09/2026 | 27/10/2026");
    expect(t).toMatch(/commissaire de justice/);
    expect(t).not.toMatch(/prescription/i);
    expect(n.deadline).toBe("2026-12-04");
  });

  it("for a consumer: the principal only, and legal interest from the notice", () => {
    const t = nbsp(
      documentToText(
        notice([claim({ clientType: "Particulier", dueDate: d("2026-10-27") })]).letter,
      ),
    );
    expect(t).toContain("la somme de 1 850,00 €");
    expect(t).toContain("articles 1231-6 et 1344-1 du Code civil");
    expect(t).not.toMatch(/L441-10|Indemnité forfaitaire/);
  });
});
