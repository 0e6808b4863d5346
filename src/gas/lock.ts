// The document lock that keeps the daily run, a rerun and the sidebar from acting at once
// (docs/architecture.md, « Jamais deux fois »). One wait for all of them.
import { Refusal } from "../domain/refusal";

/** How long an action waits for another to finish before giving up. */
export const LOCK_WAIT_MS = 30_000;

/** Runs `act` under the document lock the daily run also takes: never both at once. */
export function underLock<T>(act: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS))
    throw new Refusal("Une autre action de Recouvra est en cours : réessayez dans un instant.");
  try {
    return act();
  } finally {
    lock.releaseLock();
  }
}
