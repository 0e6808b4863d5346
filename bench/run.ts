// npm run bench: every benchmark, with figures printed (not timed tests).
import { benchCustomFunctions } from "./custom-functions";

benchCustomFunctions();
