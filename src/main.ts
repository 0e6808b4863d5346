// The entry points Apps Script sees: the build writes a top-level stub for each export.
export {
  DATE_PRESCRIPTION,
  INDEMNITE_RECOUVREMENT,
  NEXT_RELANCE,
  PENALITES_RETARD,
  STATUT_CREANCE,
} from "./functions";
