import type { CountryMode, Restrictions } from "@/lib/restrictions/schemas";

// The waitlist columns behind the restrictions, selected with the public config (lib/waitlists/public.ts).

export const RESTRICTION_COLUMNS = {
  signUpRestricted: true,
  allowlist: true,
  blocklist: true,
  blockSubaddresses: true,
  blockDisposable: true,
  bannedKeywords: true,
  countryMode: true,
  countryCodes: true,
} as const;

type Row = {
  signUpRestricted: boolean;
  allowlist: string[];
  blocklist: string[];
  blockSubaddresses: boolean;
  blockDisposable: boolean;
  bannedKeywords: string[];
  countryMode: string;
  countryCodes: string[];
};

export function readRestrictions(row: Row): Restrictions {
  return {
    restricted: row.signUpRestricted,
    allowlist: row.allowlist,
    blocklist: row.blocklist,
    blockSubaddresses: row.blockSubaddresses,
    blockDisposable: row.blockDisposable,
    bannedKeywords: row.bannedKeywords,
    countryMode: row.countryMode as CountryMode,
    countryCodes: row.countryCodes,
  };
}
