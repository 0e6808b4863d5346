// Utilities, Session, Logger and console.

import { createHash, randomUUID } from "node:crypto";
import { types } from "node:util";
import { Blob, signedBytes, toBytes } from "./blob.js";
import { formatDate } from "./date-format.js";
import { GAS, type Runtime } from "./runtime.js";

type U = GoogleAppsScript.Utilities.Utilities;
type BlobT = GoogleAppsScript.Base.Blob;

export const DigestAlgorithm = {
  MD5: "MD5",
  SHA_1: "SHA_1",
  SHA_256: "SHA_256",
  SHA_512: "SHA_512",
} as const;
export const Charset = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" } as const;

const DIGESTS: Record<string, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_512: "sha512",
};

function bytesOf(data: string | number[] | Uint8Array): Uint8Array {
  return toBytes(data);
}

export class Utilities
  implements
    Pick<
      U,
      | "formatDate"
      | "formatString"
      | "newBlob"
      | "sleep"
      | "base64Encode"
      | "base64Decode"
      | "base64EncodeWebSafe"
      | "base64DecodeWebSafe"
      | "getUuid"
      | "computeDigest"
    >
{
  readonly [GAS] = "Utilities";
  readonly DigestAlgorithm = DigestAlgorithm as unknown as U["DigestAlgorithm"];
  readonly Charset = Charset as unknown as U["Charset"];

  constructor(private readonly rt: Runtime) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new Error(
        "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
      );
    }
    return formatDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(
      /%(\d+\$)?([-#+ 0,(]*\d*(?:\.\d+)?)([sdfi%])/g,
      (_m, _pos, _flags, conv: string) => {
        if (conv === "%") return "%";
        const v = args[i++];
        if (conv === "d" || conv === "i") return String(Math.trunc(Number(v)));
        if (conv === "f") {
          const digits = /\.(\d+)/.exec(_flags)?.[1];
          return Number(v).toFixed(digits === undefined ? 6 : Number(digits));
        }
        return String(v);
      },
    );
  }
  newBlob(data: string | number[], contentType?: string, name?: string): BlobT {
    return new Blob(bytesOf(data), contentType ?? null, name ?? null) as unknown as BlobT;
  }
  /** Waits on the simulated clock (Google caps a sleep at 5 minutes). */
  sleep(milliseconds: number): void {
    if (milliseconds > 300_000)
      throw new Error("Sleep time too long. Maximum allowed is 300000 ms.");
    this.rt.wait(Math.max(0, milliseconds));
    // Google stops the script in its sleep once the execution's time is up.
    this.rt.checkLimit();
  }
  base64Encode(data: string | number[], _charset?: GoogleAppsScript.Utilities.Charset): string {
    return Buffer.from(bytesOf(data)).toString("base64");
  }
  base64EncodeWebSafe(
    data: string | number[],
    _charset?: GoogleAppsScript.Utilities.Charset,
  ): string {
    return Buffer.from(bytesOf(data)).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }
  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return signedBytes(new Uint8Array(Buffer.from(encoded, "base64")));
  }
  base64DecodeWebSafe(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return this.base64Decode(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  }
  getUuid(): string {
    return randomUUID();
  }
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
  ): number[] {
    const alg = DIGESTS[String(algorithm)];
    if (!alg) throw new Error(`Unsupported digest algorithm: ${String(algorithm)}`);
    return signedBytes(new Uint8Array(createHash(alg).update(bytesOf(value)).digest()));
  }
}

export class User implements Pick<GoogleAppsScript.Base.User, "getEmail"> {
  readonly [GAS] = "Session.User";
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class Session
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      | "getActiveUser"
      | "getEffectiveUser"
      | "getScriptTimeZone"
      | "getActiveUserLocale"
      | "getTemporaryActiveUserKey"
    >
{
  readonly [GAS] = "Session";
  constructor(private readonly rt: Runtime) {}
  /** Empty inside a custom function, where Google runs anonymously. */
  getActiveUser(): GoogleAppsScript.Base.User {
    const email = this.rt.current()?.kind === "custom" ? "" : this.rt.user;
    return new User(email) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    const email = this.rt.current()?.kind === "custom" ? "" : this.rt.user;
    return new User(email) as unknown as GoogleAppsScript.Base.User;
  }
  getScriptTimeZone(): string {
    return this.rt.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.rt.userLocale;
  }
  getTemporaryActiveUserKey(): string {
    return createHash("sha256").update(this.rt.user).digest("base64url").slice(0, 40);
  }
}

export interface LogEntry {
  level: "log" | "info" | "warn" | "error" | "debug";
  /** "Logger" or "console". */
  source: string;
  message: string;
  at: Date;
}

function text(v: unknown): string {
  if (typeof v === "string") return v;
  if (types.isNativeError(v)) return `${(v as Error).name}: ${(v as Error).message}`;
  if (typeof v === "object" && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Logger.log("%s sent", n) substitutes %s as Java's format does; console joins with spaces. */
export class Logger implements Pick<GoogleAppsScript.Base.Logger, "log" | "getLog" | "clear"> {
  readonly [GAS] = "Logger";
  constructor(
    private readonly rt: Runtime,
    private readonly logs: LogEntry[],
  ) {}
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    let message = text(data);
    if (values.length > 0 && typeof data === "string") {
      let i = 0;
      message = data.replace(/%s|%d/g, () => text(values[i++]));
    }
    this.logs.push({
      level: "log",
      source: "Logger",
      message,
      at: new Date(this.rt.clock.nowMs()),
    });
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
  getLog(): string {
    return this.logs
      .filter((l) => l.source === "Logger")
      .map((l) => `${l.at.toISOString()} INFO: ${l.message}`)
      .join("\n");
  }
  clear(): void {
    for (let i = this.logs.length - 1; i >= 0; i--)
      if (this.logs[i]?.source === "Logger") this.logs.splice(i, 1);
  }
}

export class Console {
  readonly [GAS] = "console";
  constructor(
    private readonly rt: Runtime,
    private readonly logs: LogEntry[],
  ) {}
  private push(level: LogEntry["level"], args: unknown[]): void {
    this.logs.push({
      level,
      source: "console",
      message: args.map(text).join(" "),
      at: new Date(this.rt.clock.nowMs()),
    });
  }
  log(...args: unknown[]): void {
    this.push("log", args);
  }
  info(...args: unknown[]): void {
    this.push("info", args);
  }
  warn(...args: unknown[]): void {
    this.push("warn", args);
  }
  error(...args: unknown[]): void {
    this.push("error", args);
  }
  debug(...args: unknown[]): void {
    this.push("debug", args);
  }
}
