import { Badge } from "@/components/ui/badge";

// A member a product put on the list through a feature key (docs/feature-waitlists.md): the product's own id
// for them, so the owner can find the user in their app. Long ids are cut visually; the title keeps it whole.
export function ExternalIdBadge({ externalId }: { externalId: string }) {
  return (
    <Badge tone="brand" className="mt-1 max-w-full" title={`External user id: ${externalId}`}>
      <span className="sr-only">External user id: </span>
      <span aria-hidden="true">ext</span>
      <span className="truncate font-mono">{externalId}</span>
    </Badge>
  );
}
