import { inject } from "vitest";
import { assertLocalDatabase } from "@/tests/support/database";

// Runs in every test worker before its test file: code under test reads DATABASE_URL through lib/env.ts, so
// pointing the variable at the run's database is all the wiring needed.
const databaseUrl = inject("databaseUrl");
assertLocalDatabase(databaseUrl);
process.env.DATABASE_URL = databaseUrl;
