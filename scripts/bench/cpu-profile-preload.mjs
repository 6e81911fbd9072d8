// Preloaded into the benchmark's server (NODE_OPTIONS=--import, see bench-server.ts) when BENCH_CPU_PROF_DIR is
// set: Node refuses --cpu-prof in NODE_OPTIONS, so this records the same V8 CPU profile through the inspector
// and writes it when the process exits (open the .cpuprofile in Chrome's DevTools).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.start");
process.on("exit", () => {
  session.post("Profiler.stop", (error, result) => {
    if (!error) writeFileSync(path.join(process.env.BENCH_CPU_PROF_DIR, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
