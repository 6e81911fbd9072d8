import { readTheme, type Fields, type Theme } from "@/lib/waitlists/schemas";

// The columns every view of a waitlist starts from (public config and owner views), and how they read.

export const PAGE_COLUMNS = {
  id: true,
  slug: true,
  title: true,
  description: true,
  theme: true,
  fieldName: true,
  fieldCompany: true,
  fieldTwitter: true,
  plan: true,
  isOpen: true,
} as const;

export type PageRow = {
  id: string;
  slug: string;
  title: string;
  description: string;
  theme: unknown;
  fieldName: boolean;
  fieldCompany: boolean;
  fieldTwitter: boolean;
  plan: "FREE" | "PRO";
  isOpen: boolean;
};

/** What every view of a waitlist shows of its page. */
export type PageView = { id: string; slug: string; title: string; description: string; theme: Theme; fields: Fields };

export function readPage(row: PageRow): PageView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    theme: readTheme(row.theme),
    fields: { name: row.fieldName, company: row.fieldCompany, twitter: row.fieldTwitter },
  };
}
