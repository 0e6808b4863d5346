import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/domain/cells";
import type { MessageTemplate } from "../../src/domain/messages/templates";
import { DEFAULT_SETTINGS, type RecoverySettings } from "../../src/domain/settings";
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

const creditor = {
  ...DEFAULT_SETTINGS.creditor,
  companyName: "Imprimerie Durand SARL",
  signature: "Claire Durand, gérante",
  iban: "FR76 3000 4000 0100 0012 3456 789",
  paymentLink: "https://paiement.example/durand",
};
const firm = (overrides: Partial<MessageTemplate> = {}): MessageTemplate => ({
  step: 2,
  profile: "Standard",
  subject: "{{entreprise}} : {{factures}}, {{montant_du}} à régler",
  body: "Bonjour {{client}},\n\nVotre règlement de {{montant_du}} se fait attendre depuis le {{echeances}}. Merci de régler avant le {{date_limite}}.\n\n{{detail}}\n\nÀ bientôt,\n{{signature}}",
  ...overrides,
});
const withTemplates = (...templates: MessageTemplate[]): RecoverySettings => ({
  ...DEFAULT_SETTINGS,
  creditor,
  templates,
});
describe("« Paramètres », block « Modèles d'email »", () => {
  const courtesy: MessageTemplate = {
    step: 1,
    profile: "Fidèle",
    subject: "Un petit rappel",
    body: "Bonjour,\n\nUn oubli ?\n\n{{detail}}\n\nMerci,\n{{signature}}",
  };

  it("round-trips the templates, multi-line bodies included; the rates stay last", () => {
    const settings = withTemplates(courtesy, firm()); // in the sheet's order: by step, then profile
    const values = settingsSheetValues(settings, d("2026-03-01"));
    expect(readSettingsSheet(values)).toEqual({ settings, problems: [] });
    const header = values.findIndex((r) => r[0] === "Modèle d'email");
    expect(values.slice(header + 1, header + 13).map((r) => `${r[0]} / ${r[1]}`)).toContain(
      "Mise en demeure (email) / Récalcitrant",
    );
    expect(values.findIndex((r) => r[0] === "Semestre")).toBeGreaterThan(header + 12);
  });

  it("absent block: no template, no problem (a sheet written before templates)", () => {
    const values = settingsSheetValues(DEFAULT_SETTINGS, d("2026-03-01"));
    const header = values.findIndex((r) => r[0] === "Modèle d'email");
    values.splice(header - 1, 14); // the blank row, the header and its 12 rows
    expect(values.some((r) => r[0] === "Modèle d'email")).toBe(false);
    expect(readSettingsSheet(values)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("a malformed row keeps the built-in text and says why, in French", () => {
    const values = settingsSheetValues(withTemplates(courtesy), d("2026-03-01"));
    const header = values.findIndex((r) => r[0] === "Modèle d'email");
    const at = (step: string, profile: string) =>
      values.find((r, i) => i > header && r[0] === step && r[1] === profile) as Cell[];
    at("Relance ferme", "Standard")[3] = "Bonjour {{nom_client}}";
    at("Relance ferme", "Fidèle")[3] = "Avec 40 € de frais.";
    const vip = at("Mise en demeure (email)", "Standard");
    vip[1] = "VIP";
    vip[3] = "Cher client VIP";
    const { settings, problems } = readSettingsSheet(values);
    expect(settings.templates).toEqual([courtesy]);
    expect(problems).toEqual([
      `Modèle « Relance ferme — Standard », texte : {{nom_client}} n'est pas une variable connue (variables : {{client}}, {{factures}}, {{montant_du}}, {{echeances}}, {{date_limite}}, {{entreprise}}, {{signature}}, {{iban}}, {{reference}}, {{lien_paiement}}, {{derniere_relance}}, {{detail}}) : le texte de Recouvra est utilisé`,
      "Modèle « Relance ferme — Fidèle », texte : pénalités et indemnité de 40 € sont ajoutées d'office pour un client professionnel, jamais pour un particulier ; ne les écrivez pas dans le modèle : le texte de Recouvra est utilisé",
      `Modèles, ligne ${values.indexOf(vip) + 1} : étape (Relance de courtoisie, Relance ferme, Mise en demeure (email)) et profil (Standard, Fidèle, En difficulté, Récalcitrant) attendus`,
    ]);
  });

  it("a row typed by hand: « Mise en demeure », a profile in lower case, Windows line breaks", () => {
    const values = settingsSheetValues(DEFAULT_SETTINGS, d("2026-03-01"));
    const header = values.findIndex((r) => r[0] === "Modèle d'email");
    values[header + 1] = ["mise en demeure", "récalcitrant", "Avis", "Bonjour,\r\n\r\nPayez.", ""];
    const { settings, problems } = readSettingsSheet(values);
    expect(problems).toEqual([]);
    expect(settings.templates).toEqual([
      { step: 3, profile: "Récalcitrant", subject: "Avis", body: "Bonjour,\n\nPayez." },
    ]);
  });
});
