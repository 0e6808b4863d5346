import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/domain/cells";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import {
  missingRateNote,
  readSettingsSheet,
  settingsSheetValues,
} from "../../src/domain/settings-table";
import { d } from "./fixtures";

describe("« Paramètres »", () => {
  it("reads back exactly the defaults it writes", () => {
    const values = settingsSheetValues(DEFAULT_SETTINGS, d("2026-03-01"));
    expect(readSettingsSheet(values)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("takes the user's identity, ladder, gap and rates", () => {
    const values = settingsSheetValues(DEFAULT_SETTINGS, d("2026-03-01"));
    const set = (label: string, value: Cell) => {
      const row = values.find((r) => r[0] === label);
      if (row) row[1] = value;
    };
    set("Raison sociale", "Imprimerie Durand SARL");
    set("SIREN", "512 345 678");
    set("Type de compte", "Google Workspace");
    set("Délai minimal entre deux contacts (jours)", 7);
    set("Relance ferme", 10);
    values.push(["2026-S2", "2,15", "12,15", "2,55", "6,60"]);
    const { settings, problems } = readSettingsSheet(values);
    expect(problems).toEqual([]);
    expect(settings.creditor.companyName).toBe("Imprimerie Durand SARL");
    expect(settings.account).toBe("workspace");
    expect(settings.ladder.gapDays).toBe(7);
    expect(settings.ladder.offsets.Standard).toEqual({ 1: 1, 2: 10, 3: 20, 4: 30 });
    expect(settings.ladder.offsets.Récalcitrant).toEqual({ 2: 1, 3: 10, 4: 20 });
    expect(settings.rates.at(-1)).toEqual({
      halfYear: "2026-S2",
      ecbRate: 2.15,
      penaltyRate: 12.15,
      legalRateOtherCases: 2.55,
      legalRateIndividuals: 6.6,
    });
  });

  it("keeps the default and says so in French when a value is wrong", () => {
    const values = settingsSheetValues(DEFAULT_SETTINGS, d("2026-03-01"));
    const row = values.find((r) => r[0] === "Heure d'envoi");
    if (row) row[1] = "midi";
    const { settings, problems } = readSettingsSheet(values);
    expect(settings.sendHour).toBe(9);
    expect(problems).toEqual([
      "Heure d'envoi : « midi » n'est pas accepté : les relances partent entre 8 h et 19 h (nombre entier de 8 à 19) ; 9 est appliqué",
    ]);
  });

  it("refuses a gap under 3 days, a send hour outside 8–19 and a decreasing ladder", () => {
    const values = settingsSheetValues(DEFAULT_SETTINGS, d("2026-03-01"));
    const set = (label: string, value: Cell, column = 1) => {
      const row = values.find((r) => r[0] === label);
      if (row) row[column] = value;
    };
    set("Heure d'envoi", 3);
    set("Délai minimal entre deux contacts (jours)", 0);
    set("Mise en demeure", 5, 1); // Standard: 5 days, after the Relance ferme's 7
    const { settings, problems } = readSettingsSheet(values);
    expect(settings.sendHour).toBe(9);
    expect(settings.ladder.gapDays).toBe(5);
    expect(settings.ladder.offsets.Standard).toEqual(DEFAULT_SETTINGS.ladder.offsets.Standard);
    expect(problems).toEqual([
      "Heure d'envoi : « 3 » n'est pas accepté : les relances partent entre 8 h et 19 h (nombre entier de 8 à 19) ; 9 est appliqué",
      "Échelle Standard, Mise en demeure : « 5 » jours, les jours doivent croître d'une étape à la suivante",
      "Délai minimal entre deux contacts (jours) : « 0 » n'est pas accepté : au moins 3 jours entre deux contacts avec un même client (nombre entier de 3 à 60) ; 5 est appliqué",
    ]);
  });

  it("warns when the current half-year's rate is not yet entered", () => {
    expect(missingRateNote(DEFAULT_SETTINGS.rates, d("2026-06-30"))).toBeUndefined();
    expect(missingRateNote(DEFAULT_SETTINGS.rates, d("2026-11-26"))).toMatch(
      /2026-S2 n'est pas encore renseigné/,
    );
    const values = settingsSheetValues(DEFAULT_SETTINGS, d("2026-11-26"));
    expect(values.some((r) => r[0] === "Note")).toBe(true);
    expect(readSettingsSheet(values).settings).toEqual(DEFAULT_SETTINGS);
  });
});
