// The small services: Properties, Cache, Session, Logger/console, blobs.

import { describe, expect, it } from "vitest";
import { sandbox } from "./small-services-script";

describe("properties, cache, session, logs", () => {
  it("keeps properties as strings in separate stores", () => {
    const sb = sandbox();
    expect(sb.run("props")).toEqual(["2026-11-26", null, "lastRun,mode", null]);
    expect(Object.fromEntries(sb.properties.document)).toEqual({
      lastRun: "2026-11-26",
      mode: "auto",
    });
  });

  it("expires cache entries on the simulated clock", () => {
    const sb = sandbox();
    sb.run("cachePut");
    sb.clock.advance(59_000);
    expect(sb.run("cacheGet")).toBe("[1,2]");
    sb.clock.advance(2_000);
    expect(sb.run("cacheGet")).toBeNull();
  });

  it("knows the user, the script's zone and the locale", () => {
    const sb = sandbox();
    expect(sb.run("session")).toEqual([
      "comptabilite@exemple.test",
      "comptabilite@exemple.test",
      "Europe/Paris",
      "fr",
    ]);
  });

  it("captures Logger and console output for the harness", () => {
    const sb = sandbox();
    sb.run("logs");
    expect(sb.logs.map((l) => [l.source, l.level, l.message])).toEqual([
      ["Logger", "log", "3 relances, 0 erreurs"],
      ["console", "log", 'objet {"a":1}'],
      ["console", "error", "Error: boom"],
    ]);
  });

  it("makes blobs with Java's signed bytes and base64", () => {
    const sb = sandbox();
    expect(sb.run("blobs")).toEqual([
      "text/plain",
      "note.txt",
      8,
      -61,
      "w6k=",
      "Reçu",
      "x.txt",
      "note.txt",
      36,
    ]);
  });
});
