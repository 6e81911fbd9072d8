// The optional fields an owner can switch on, in form order, as both signup forms (the hosted form and the
// script embed) label them.

export const OPTIONAL_FIELDS = [
  { id: "name", label: "Name", autoComplete: "name", placeholder: "Ada Lovelace" },
  { id: "company", label: "Company", autoComplete: "organization", placeholder: "Analytical Engines" },
  { id: "twitter", label: "X / Twitter", autoComplete: "off", placeholder: "@handle" },
] as const;

export type OptionalField = (typeof OPTIONAL_FIELDS)[number]["id"];
