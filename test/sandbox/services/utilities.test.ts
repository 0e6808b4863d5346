// Utilities.formatDate in any zone (the process runs in UTC).

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../sandbox/index.js";
import { formatDate } from "../../../sandbox/services/date-format.js";

describe("Utilities.formatDate", () => {
  const winter = new Date("2026-11-26T08:05:09.042Z");
  const summer = new Date("2026-07-14T22:30:00.000Z");

  it("formats in Europe/Paris across DST, whatever the process's TZ", () => {
    expect(formatDate(winter, "Europe/Paris", "yyyy-MM-dd HH:mm:ss.SSS Z z")).toBe(
      "2026-11-26 09:05:09.042 +0100 CET",
    );
    expect(formatDate(summer, "Europe/Paris", "dd/MM/yyyy HH:mm XXX z")).toBe(
      "15/07/2026 00:30 +02:00 CEST",
    );
    // The night of the change to winter time: 02:30 happens twice.
    expect(formatDate(new Date("2026-10-25T00:30:00Z"), "Europe/Paris", "HH:mm Z")).toBe(
      "02:30 +0200",
    );
    expect(formatDate(new Date("2026-10-25T01:30:00Z"), "Europe/Paris", "HH:mm Z")).toBe(
      "02:30 +0100",
    );
  });

  it("formats in Pacific/Noumea, a day ahead of Paris in the evening", () => {
    expect(
      formatDate(new Date("2026-11-26T20:00:00Z"), "Pacific/Noumea", "EEEE d MMMM yyyy HH:mm X"),
    ).toBe("Friday 27 November 2026 07:00 +11");
  });

  it("formats in America/New_York before and after its DST change", () => {
    expect(
      formatDate(new Date("2026-03-08T06:59:00Z"), "America/New_York", "MMM d, yyyy h:mm a z"),
    ).toBe("Mar 8, 2026 1:59 AM EST");
    expect(
      formatDate(new Date("2026-03-08T07:00:00Z"), "America/New_York", "MMM d, yyyy h:mm a z"),
    ).toBe("Mar 8, 2026 3:00 AM EDT");
  });

  it("honours quoted text, 12-hour clocks, days of the year and short names", () => {
    expect(formatDate(winter, "Europe/Paris", "'Le' dd 'à' HH'h'mm, EEE D, KK:mm a, yy")).toBe(
      "Le 26 à 09h05, Thu 330, 09:05 AM, 26",
    );
    expect(formatDate(winter, "UTC", "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe("2026-11-26T08:05:09Z");
    expect(formatDate(winter, "UTC", "''yy''")).toBe("'26'");
    expect(() => formatDate(winter, "UTC", "yyyy-qq")).toThrow("Illegal pattern character 'q'");
  });

  it("is what the bundle gets from Utilities.formatDate", () => {
    const sb = createSandbox({
      scripts: [
        {
          name: "Code.js",
          code: `function f() { return Utilities.formatDate(new Date(), "Europe/Paris", "yyyy-MM-dd HH:mm"); }`,
        },
      ],
      now: "2026-11-26T09:00",
    });
    expect(sb.run("f")).toBe("2026-11-26 09:00");
  });
});
