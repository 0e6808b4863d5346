// The edge between google.script.run and Recouvra: every request is validated against its
// schema (src/sidebar-contract.ts) before anything runs, and every failure leaves as one French
// sentence — never a stack trace, never Google's English alone.
import { Refusal } from "../../domain/refusal";
import {
  API_REQUESTS,
  type ApiName,
  type ApiParsed,
  type ApiResponse,
  describeIssues,
} from "../../sidebar-contract";
import { sendNowMismatch, sendNowPreview } from "../../views/send-now";
import {
  agreePlan,
  createLetter,
  getActiveClient,
  getClients,
  getDossier,
  getWorkList,
  logExchange,
  previewLetter,
  recordRegisteredLetter,
  schedulePlan,
  sendNow,
} from "./actions";
import { getOverview, previewStatement, recordPayment, recordStatement } from "./payments";
import { readSources } from "./read";
import { getSettings, saveSettings } from "./settings";

const HANDLERS: { [K in ApiName]: (request: ApiParsed<K>) => ApiResponse<K> } = {
  apiWorkList: () => getWorkList(),
  apiClients: (r) => getClients(r.all === true),
  apiActiveClient: () => getActiveClient(),
  apiDossier: (r) => getDossier(r.client),
  apiPreviewLetter: previewLetter,
  apiCreateLetter: (r) => {
    // An email carrying a letter leaves only to the address the user confirmed.
    if (r.sendEmail === true && r.confirmedRecipient !== previewLetter(r).recipient)
      throw new Refusal("Confirmez d'abord le destinataire de l'email : rien n'est parti.");
    return createLetter(r);
  },
  apiSchedulePlan: schedulePlan,
  apiAgreePlan: agreePlan,
  apiLogExchange: logExchange,
  apiSendNowPreview: (r) => sendNowPreview(readSources(), r.client),
  // Nothing legal leaves unconfirmed: the step and invoices shown must still be what goes.
  apiSendNow: (r) => {
    const mismatch = sendNowMismatch(sendNowPreview(readSources(), r.client), r.confirmed);
    if (mismatch) throw new Refusal(mismatch);
    return sendNow(r.client);
  },
  apiRecordRegisteredLetter: recordRegisteredLetter,
  apiOverview: getOverview,
  apiRecordPayment: recordPayment,
  apiPreviewStatement: previewStatement,
  apiRecordStatement: recordStatement,
  apiGetSettings: () => getSettings(),
  apiSaveSettings: saveSettings,
};

const API_NAMES: ReadonlySet<string> = new Set(Object.keys(HANDLERS));

/** The one entry point of the sidebar: the function's name, then its request. */
export function dispatch(name: unknown, request: unknown): unknown {
  if (typeof name !== "string" || !API_NAMES.has(name))
    throw new Error(`Demande refusée — fonction inconnue : ${String(name).slice(0, 50)}`);
  const key = name as ApiName;
  return serve(
    key,
    request,
    HANDLERS[key] as (r: ApiParsed<typeof key>) => ApiResponse<typeof key>,
  );
}

function friendly(e: unknown): string {
  if (e instanceof Refusal) return e.message;
  const message = (e instanceof Error ? e.message : String(e)).replace(/^(Exception|Error): /, "");
  if (/too many times|trop de fois/i.test(message))
    return "Le quota journalier de Google est atteint : réessayez demain.";
  return `Recouvra n'a pas pu terminer : ${message}`;
}

export function serve<K extends ApiName>(
  name: K,
  request: unknown,
  handler: (request: ApiParsed<K>) => ApiResponse<K>,
): ApiResponse<K> {
  const parsed = API_REQUESTS[name].safeParse(request ?? {});
  if (!parsed.success) throw new Error(`Demande refusée — ${describeIssues(parsed.error)}`);
  try {
    return handler(parsed.data as ApiParsed<K>);
  } catch (e) {
    throw new Error(friendly(e));
  }
}
