// The typed client of src/sidebar-contract.ts: google.script.run wrapped in promises. Only the API's
// types are imported; the server validates every request again.
import type { ApiName, ApiRequest, ApiResponse } from "../src/sidebar-contract";

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: unknown) => void): ScriptRun;
  api(name: string, request: unknown): void;
}

declare const google: { script: { run: ScriptRun } };

/** The server's French sentence, without « Exception: » nor any stack trace. */
export function errorMessage(error: unknown): string {
  const raw =
    error instanceof Error ? error.message : typeof error === "string" ? error : "Erreur inconnue.";
  const first = (raw.split("\n")[0] ?? "").replace(
    /^(Uncaught )?(Exception|Error|TypeError): /,
    "",
  );
  return first.trim() === "" ? "Le serveur n'a pas répondu. Réessayez." : first;
}

export function call<K extends ApiName>(name: K, request: ApiRequest<K>): Promise<ApiResponse<K>> {
  return new Promise((resolve, reject) => {
    if (typeof google === "undefined" || !google.script?.run) {
      reject(
        new Error("Ce panneau doit être ouvert depuis Google Sheets (Extensions > Recouvra)."),
      );
      return;
    }
    google.script.run
      .withSuccessHandler((value) => resolve(value as ApiResponse<K>))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))))
      .api(name, request);
  });
}
