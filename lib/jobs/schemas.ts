import { z } from "zod";

// The owner API's view of email jobs (GET /api/waitlists/:id/jobs). Only failed jobs are listed: the others
// are counted in the summary.
export const jobsQuerySchema = z
  .object({
    state: z.enum(["failed"], "state: only \"failed\" jobs are listed").default("failed"),
  })
  .strict();
