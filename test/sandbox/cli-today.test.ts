// --today: a real calendar day within the years a ledger may hold, said in French otherwise.
import { describe, expect, it } from "vitest";
import { parseCli } from "../../sandbox/cli";

describe("npm start -- --today", () => {
  it.each(["2026-02-30", "2026-13-01", "2100-01-01", "1999-12-31", "9999-12-31", "26/11/2026"])(
    "refuses %s in French",
    (today) => {
      expect(() => parseCli(["--today", today])).toThrow(
        `--today attend une date AAAA-MM-JJ réelle, entre 2000 et 2099 (reçu « ${today} »).`,
      );
    },
  );

  it.each(["2000-01-01", "2028-02-29", "2099-12-31"])("accepts %s", (today) => {
    expect(parseCli(["--today", today, "--no-serve"]).today).toBe(today);
  });
});
