import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../../src/domain/calendar-date";
import {
  dayStateText,
  noSendingReason,
  parseDayState,
  resumeText,
  wakeUpWorks,
} from "../../src/domain/sending-window";
import { accountOfQuota } from "../../src/domain/settings";

const d = (s: string) => s as CalendarDate;

describe("the sending window", () => {
  const state = { day: "2026-11-26", done: false, from: 9, until: 18 };

  it("a wake-up works from the send hour to the end of the window, until the day is done", () => {
    expect(wakeUpWorks(state, d("2026-11-26"), 8)).toBe(false);
    expect(wakeUpWorks(state, d("2026-11-26"), 9)).toBe(true);
    expect(wakeUpWorks(state, d("2026-11-26"), 17)).toBe(true);
    expect(wakeUpWorks(state, d("2026-11-26"), 18)).toBe(false);
    expect(wakeUpWorks({ ...state, done: true }, d("2026-11-26"), 10)).toBe(false);
    // A new day: the state of yesterday does not hold it back.
    expect(wakeUpWorks({ ...state, done: true }, d("2026-11-27"), 9)).toBe(true);
    // Nothing known yet (a trigger from before the window was saved): it works.
    expect(wakeUpWorks(undefined, d("2026-11-27"), 3)).toBe(true);
  });

  it("the state round-trips through its property text", () => {
    expect(parseDayState(dayStateText(state))).toEqual(state);
    expect(parseDayState(dayStateText({ ...state, done: true }))).toEqual({ ...state, done: true });
    expect(parseDayState(null)).toBeUndefined();
    expect(parseDayState("n'importe quoi")).toBeUndefined();
  });

  it("says when the work left resumes: the next hour, or the next business day", () => {
    expect(resumeText(d("2026-11-26"), 9, 9, 18)).toBe("reprise à 10 h");
    expect(resumeText(d("2026-11-26"), 7, 9, 18)).toBe("reprise à 9 h");
    expect(resumeText(d("2026-11-26"), 17, 9, 18)).toBe("reprise le 27/11/2026 à 9 h");
    expect(resumeText(d("2026-11-27"), 17, 9, 18)).toBe("reprise le 30/11/2026 à 9 h");
  });

  it("nothing leaves on a Saturday, a Sunday or a French public holiday", () => {
    expect(noSendingReason(d("2026-11-26"))).toBeUndefined();
    expect(noSendingReason(d("2026-11-28"))).toBe(
      "samedi : aucun envoi aujourd'hui, les relances reprennent le lundi 30/11/2026",
    );
    expect(noSendingReason(d("2026-11-11"))).toBe(
      "jour férié : aucun envoi aujourd'hui, les relances reprennent le jeudi 12/11/2026",
    );
    expect(noSendingReason(d("2026-05-14"))).toBe(
      "jour férié : aucun envoi aujourd'hui, les relances reprennent le vendredi 15/05/2026",
    );
  });

  it("Google's remaining quota tells a Workspace account, whatever the setting says", () => {
    expect(accountOfQuota(1400, "consumer")).toBe("workspace");
    expect(accountOfQuota(100, "consumer")).toBe("consumer");
    expect(accountOfQuota(40, "workspace")).toBe("workspace");
  });
});
