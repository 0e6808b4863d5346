// LockService: locks that time out with Google's message, held until the execution ends.

import { describe, expect, it } from "vitest";
import { sandbox } from "./limits-script";

describe("LockService", () => {
  it("times out with Google's message when another process holds the lock too long", () => {
    const sb = sandbox();
    sb.locks.holdElsewhere("document", sb.clock.nowMs() + 60_000);
    const before = sb.clock.nowMs();
    expect(() => sb.run("lockAndSend")).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    expect(sb.clock.nowMs() - before).toBeGreaterThanOrEqual(30_000);
    expect(sb.mails).toHaveLength(0);
  });

  it("waits for a lock released in time, then holds it until the execution ends", () => {
    const sb = sandbox();
    sb.locks.holdElsewhere("document", sb.clock.nowMs() + 10_000);
    expect(sb.run("lockAndSend")).toBe(true);
    expect(sb.mails).toHaveLength(1);
    // Released when the execution ended: the next one gets it at once.
    expect(sb.locks.held.size).toBe(0);
    expect(sb.run("holdForever")).toBe("held");
    expect(sb.run("holdForever")).toBe("held");
  });

  it("tryLock answers false without throwing", () => {
    const sb = sandbox();
    sb.locks.holdElsewhere("script", sb.clock.nowMs() + 600_000);
    expect(sb.run("tryLock", 100)).toBe(false);
    expect(sb.run("tryLock", 0)).toBe(false);
  });
});
