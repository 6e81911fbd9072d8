import type { LISTED_STATUSES } from "@/lib/signups/schemas";

// The signups table's filter, shared by the server page (first render) and the client table.

export const SIGNUPS_PAGE_SIZE = 25;

export type SignupsFilter = {
  q: string;
  status: "all" | (typeof LISTED_STATUSES)[number];
  order: "position" | "joined";
  /** A source label (lib/attribution/sources.ts); "" for every source. */
  source: string;
};

export function filterToSearch(filter: SignupsFilter, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.order !== "position") params.set("order", filter.order);
  if (filter.source) params.set("source", filter.source);
  if (cursor) params.set("cursor", cursor);
  return params;
}

export function isFiltered(filter: SignupsFilter): boolean {
  return filter.q.trim() !== "" || filter.status !== "all" || filter.source !== "";
}
