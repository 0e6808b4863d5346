// The local server answers its own page only: real HTTP requests from a foreign Origin, a
// foreign Host (a DNS-rebound name) or a cross-site `text/plain` form are refused before
// anything runs — no Journal line, no email — while the page's own JSON calls still work.
import { request } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index";
import { startServer } from "../../sandbox/server";
import { invoiceRow, journal, openLedger } from "../gas/daily-run-harness";

const RUN = JSON.stringify({ fn: "runDailyRelances", args: [] });

describe("the local server refuses what is not its own page", () => {
  let sb: Sandbox;
  let server: { url: string; close(): Promise<void> };
  let port: number;
  beforeAll(async () => {
    sb = openLedger(
      [
        invoiceRow({
          invoice: "F-1",
          client: "Boulangerie Martin",
          email: "compta@martin.example",
          due: "2026-11-20",
          amount: 500,
        }),
      ],
      { now: "2026-11-26T09:00" },
    );
    server = await startServer(sb, { port: 0, bundleDir: resolve("dist") });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  const post = (headers: Record<string, string>, body = RUN) =>
    fetch(`http://127.0.0.1:${port}/run`, { method: "POST", headers, body });

  it.each([
    [
      "a page on another site (text/plain, foreign Origin)",
      { "Content-Type": "text/plain", Origin: "https://evil.example" },
      "Origine refusée : « https://evil.example » n'est pas la page du bac à sable.",
    ],
    [
      "JSON from a foreign Origin",
      { "Content-Type": "application/json", Origin: "http://attacker.example:8080" },
      "Origine refusée : « http://attacker.example:8080 » n'est pas la page du bac à sable.",
    ],
    [
      "a sandboxed page (Origin null)",
      { "Content-Type": "application/json", Origin: "null" },
      "Origine refusée : « null » n'est pas la page du bac à sable.",
    ],
    [
      "a cross-site fetch",
      { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site" },
      "Requête venue d'un autre site : refusée.",
    ],
    [
      "text/plain without an Origin",
      { "Content-Type": "text/plain" },
      "Seules les requêtes JSON de la page du bac à sable sont acceptées.",
    ],
  ])("%s: 403 in French, no Journal line, no email", async (_, headers, message) => {
    const lines = journal(sb).length;
    const response = await post(headers);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(message);
    expect(journal(sb)).toHaveLength(lines);
    expect(sb.mails).toHaveLength(0);
  });

  it("a foreign Host (a DNS-rebound name) is refused, for a read too", async () => {
    const status = (method: string, path: string) =>
      new Promise<{ code: number; body: string }>((done, fail) => {
        const req = request(
          {
            host: "127.0.0.1",
            port,
            method,
            path,
            headers: { Host: `rebound.example:${port}`, "Content-Type": "application/json" },
          },
          (res) => {
            let body = "";
            res.on("data", (c: Buffer) => {
              body += c.toString("utf8");
            });
            res.on("end", () => done({ code: res.statusCode ?? 0, body }));
          },
        );
        req.on("error", fail);
        req.end(method === "POST" ? RUN : undefined);
      });
    expect(await status("POST", "/run")).toEqual({
      code: 403,
      body: `Hôte refusé : « rebound.example:${port} » n'est pas ce serveur local.`,
    });
    expect((await status("GET", "/state")).code).toBe(403);
    expect(sb.mails).toHaveLength(0);
  });

  it("the page's own JSON call runs (Origin and Host its own)", async () => {
    const response = await post({
      "Content-Type": "application/json",
      Origin: `http://localhost:${port}`,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
    expect(sb.mails.map((m) => m.to)).toEqual(["compta@martin.example"]);
    const page = await fetch(`http://localhost:${port}/`);
    expect(page.status).toBe(200);
  });
});
