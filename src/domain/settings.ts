// Every number of the ladder and of the law is a setting; these are the defaults.
import { DEFAULT_LADDER, type LadderSettings } from "./ladder";
import { DEFAULT_RATE_TABLE, type RateTable } from "./rates";

export interface RecoverySettings {
  ladder: LadderSettings;
  rates: RateTable;
}

export const DEFAULT_SETTINGS: RecoverySettings = {
  ladder: DEFAULT_LADDER,
  rates: DEFAULT_RATE_TABLE,
};
