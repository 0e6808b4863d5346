// PropertiesService (document, script and user stores; values are strings) and
// CacheService (entries expire on the simulated clock; 10 minutes by default, 6 hours at
// most, as Google documents).

import { GAS, type Runtime } from "./runtime.js";

type PropertiesT = GoogleAppsScript.Properties.Properties;
type CacheT = GoogleAppsScript.Cache.Cache;

export interface KeyValueStores {
  document: Map<string, string>;
  script: Map<string, string>;
  user: Map<string, string>;
}

export function newStores(): KeyValueStores {
  return { document: new Map(), script: new Map(), user: new Map() };
}

export class Properties
  implements
    Pick<
      PropertiesT,
      | "getProperty"
      | "setProperty"
      | "setProperties"
      | "getProperties"
      | "deleteProperty"
      | "deleteAllProperties"
      | "getKeys"
    >
{
  readonly [GAS] = "PropertiesService.Properties";
  constructor(private readonly map: Map<string, string>) {}
  private self(): PropertiesT {
    return this as unknown as PropertiesT;
  }
  getProperty(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setProperty(key: string, value: string): PropertiesT {
    this.map.set(key, String(value));
    return this.self();
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): PropertiesT {
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of Object.entries(properties)) this.map.set(k, String(v));
    return this.self();
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  deleteProperty(key: string): PropertiesT {
    this.map.delete(key);
    return this.self();
  }
  deleteAllProperties(): PropertiesT {
    this.map.clear();
    return this.self();
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
}

export class PropertiesService
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      "getDocumentProperties" | "getScriptProperties" | "getUserProperties"
    >
{
  readonly [GAS] = "PropertiesService";
  constructor(private readonly stores: KeyValueStores) {}
  getDocumentProperties(): PropertiesT {
    return new Properties(this.stores.document) as unknown as PropertiesT;
  }
  getScriptProperties(): PropertiesT {
    return new Properties(this.stores.script) as unknown as PropertiesT;
  }
  getUserProperties(): PropertiesT {
    return new Properties(this.stores.user) as unknown as PropertiesT;
  }
}

interface Entry {
  value: string;
  expiresMs: number;
}

const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21_600;
const MAX_VALUE_BYTES = 100 * 1024;

export class Cache
  implements Pick<CacheT, "get" | "put" | "remove" | "getAll" | "putAll" | "removeAll">
{
  readonly [GAS] = "CacheService.Cache";
  constructor(
    private readonly rt: Runtime,
    private readonly entries: Map<string, Entry>,
  ) {}
  get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresMs <= this.rt.clock.nowMs()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }
  put(key: string, value: string, expirationInSeconds = DEFAULT_TTL_S): void {
    if (key.length > 250) throw new Error("Argument too large: key");
    if (new TextEncoder().encode(String(value)).length > MAX_VALUE_BYTES)
      throw new Error("Argument too large: value");
    const ttl = Math.min(Math.max(1, expirationInSeconds), MAX_TTL_S);
    this.entries.set(key, { value: String(value), expiresMs: this.rt.clock.nowMs() + ttl * 1000 });
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.entries.delete(k);
  }
}

export class CacheService
  implements
    Pick<
      GoogleAppsScript.Cache.CacheService,
      "getDocumentCache" | "getScriptCache" | "getUserCache"
    >
{
  readonly [GAS] = "CacheService";
  private readonly caches = {
    document: new Map<string, Entry>(),
    script: new Map<string, Entry>(),
    user: new Map<string, Entry>(),
  };
  constructor(private readonly rt: Runtime) {}
  getDocumentCache(): CacheT | null {
    return new Cache(this.rt, this.caches.document) as unknown as CacheT;
  }
  getScriptCache(): CacheT {
    return new Cache(this.rt, this.caches.script) as unknown as CacheT;
  }
  getUserCache(): CacheT {
    return new Cache(this.rt, this.caches.user) as unknown as CacheT;
  }
}
