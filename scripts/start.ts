// npm start: `next start` (after `npm run build`) with the same database set-up as npm run dev.
import { runApp } from "./dev";

runApp("start").catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
