// A fresh clone, as a newcomer has it: the repository's files (what git tracks, plus new
// files not ignored), no dist/, no out/, node_modules linked rather than reinstalled.
// `npm start` is then run in it as a child process, exactly as the README says.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./harness.js";

const NEVER_COPIED = /^(node_modules|dist|out[^/]*|coverage|\.git)(\/|$)/;

/** The repository's files in a new temporary folder: a clean checkout. */
export function cleanCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "recouvra-clone-"));
  let files: string[];
  try {
    files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: ROOT,
      encoding: "utf8",
    })
      .split("\0")
      .filter((f) => f !== "" && !NEVER_COPIED.test(f));
  } catch (_) {
    // Not a git checkout (an archive): everything but what a build or a run writes.
    cpSync(ROOT, dir, {
      recursive: true,
      filter: (src) => !NEVER_COPIED.test(src.slice(ROOT.length + 1)),
    });
    files = [];
  }
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    try {
      cpSync(join(ROOT, f), join(dir, f));
    } catch (_) {
      // A file deleted in the working tree but still tracked: a clone would not have it.
    }
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

export interface Started {
  child: ChildProcess;
  /** Everything printed so far. */
  output(): string;
  /** The served page's address, once the run is over and the server listens. */
  url: Promise<string>;
  /** The exit code, once `npm start` has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** `npm start -- ARGS` in `cwd`; its own process group, so stopping it stops node too. */
export function npmStart(cwd: string, args: string[]): Started {
  const child = spawn("npm", ["start", "--silent", "--", ...args], {
    cwd,
    detached: true,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  let text = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const m = /(http:\/\/localhost:\d+)/.exec(text);
      if (m) resolve(m[1] as string);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`npm start s'est arrêté (${code}) :\n${text}`)));
  });
  url.catch(() => {});
  return {
    child,
    output: () => text,
    url,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, "SIGINT");
        } catch (_) {
          // already gone
        }
        await exited;
      }
    },
  };
}
