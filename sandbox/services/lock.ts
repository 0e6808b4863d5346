// LockService: script, document and user locks owned by an execution. Waiting advances
// the simulated clock; another process can be made to hold a lock (LockStore.holdElsewhere)
// to model a manual send racing the trigger. A lock still held when its execution ends
// is released, as Apps Script does.

import { GAS, MESSAGES, type Runtime } from "./runtime.js";

type LockT = GoogleAppsScript.Lock.Lock;
export type LockKind = "script" | "document" | "user";

interface Holder {
  /** The execution holding it, or -1 for another process. */
  exec: number;
  /** Another process releases it at this instant. */
  untilMs?: number;
}

export class LockStore {
  readonly held = new Map<LockKind, Holder>();

  /** Another process (a concurrent execution in Google) holds the lock for `durationMs`. */
  holdElsewhere(kind: LockKind, untilMs: number): void {
    this.held.set(kind, { exec: -1, untilMs });
  }
}

/** Google caps a lock wait at 5 minutes. */
const MAX_WAIT_MS = 300_000;

export class Lock implements Pick<LockT, "tryLock" | "waitLock" | "releaseLock" | "hasLock"> {
  readonly [GAS] = "LockService.Lock";
  private mine = false;

  constructor(
    private readonly rt: Runtime,
    private readonly store: LockStore,
    private readonly kind: LockKind,
  ) {}

  private owner(): number {
    return this.rt.current()?.id ?? 0;
  }

  tryLock(timeoutInMillis: number): boolean {
    const wait = Math.max(0, Math.min(timeoutInMillis, MAX_WAIT_MS));
    const now = this.rt.clock.nowMs();
    const h = this.store.held.get(this.kind);
    if (h && h.exec !== this.owner()) {
      const freeAt = h.untilMs;
      if (freeAt === undefined || freeAt - now > wait) {
        this.rt.wait(wait);
        return false;
      }
      this.rt.wait(Math.max(0, freeAt - now));
    }
    this.store.held.set(this.kind, { exec: this.owner() });
    this.mine = true;
    const exec = this.rt.current();
    if (exec) exec.locks.add(() => this.releaseLock());
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw this.rt.exception(MESSAGES.lockTimeout);
  }

  releaseLock(): void {
    const h = this.store.held.get(this.kind);
    if (this.mine && h && h.exec === this.owner()) this.store.held.delete(this.kind);
    this.mine = false;
  }

  hasLock(): boolean {
    const h = this.store.held.get(this.kind);
    return this.mine && h?.exec === this.owner();
  }
}

export class LockService
  implements
    Pick<GoogleAppsScript.Lock.LockService, "getDocumentLock" | "getScriptLock" | "getUserLock">
{
  readonly [GAS] = "LockService";
  constructor(
    private readonly rt: Runtime,
    private readonly store: LockStore,
  ) {}
  getDocumentLock(): LockT {
    return new Lock(this.rt, this.store, "document") as unknown as LockT;
  }
  getScriptLock(): LockT {
    return new Lock(this.rt, this.store, "script") as unknown as LockT;
  }
  getUserLock(): LockT {
    return new Lock(this.rt, this.store, "user") as unknown as LockT;
  }
}
