// The velocity rule in SQL, shared by the signup statement (lib/signups/line-join.ts) and the confirmation
// (lib/signups/line-confirm.ts): a referee's credit is held for review when the referrer already has
// `limit` referees from the same IP (or /24, /48 network) within the window whose credit was given or held.
// Both rules are CASE arms yielding the hold reason; callers pass SQL expressions (columns or parameters,
// never user text).

type VelocitySql = {
  /** The newcomer's row alias (with ip_hash and ip_net columns). */
  me: string;
  /** Expression of the stored referrer's id. */
  referrer: string;
  perIp: string;
  perNetwork: string;
  /** An interval expression. */
  window: string;
  /** Referees counted besides the stored ones (earlier members of the same batch), for a column. */
  alsoCounted?: (column: "ip_hash" | "ip_net") => string;
};

export function velocityHoldArms(v: VelocitySql): string {
  const rules = [
    ["ip_hash", v.perIp, "same_ip"],
    ["ip_net", v.perNetwork, "same_network"],
  ] as const;
  return rules
    .map(
      ([column, limit, reason]) => `WHEN ${limit} > 0 AND ${v.me}.${column} IS NOT NULL
               AND (SELECT COUNT(*) FROM signups x
                     WHERE x.referred_by_id = ${v.referrer} AND x.${column} = ${v.me}.${column}
                       AND x.referral_credit IS NOT NULL AND COALESCE(x.confirmed_at, x.created_at) > now() - ${v.window})
                 ${v.alsoCounted ? `+ ${v.alsoCounted(column)}` : ""} >= ${limit}
                THEN '${reason}'`,
    )
    .join("\n              ");
}
