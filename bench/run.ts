// npm run bench: every benchmark, with figures printed (not timed tests).
import { benchCustomFunctions } from "./custom-functions";
import { benchDailyRun, benchHourly } from "./daily-run";

benchCustomFunctions();
benchDailyRun();
benchHourly();
