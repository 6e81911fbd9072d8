import { describe, expect, it } from "vitest";
import { maskDeliveries, maskEndpoints, maskWebhookUrl } from "@/lib/webhooks/masking";

describe("what viewers see of webhook endpoints", () => {
  it("keeps the scheme and the host's last two labels: no path, query, userinfo or secret subdomain", () => {
    expect(maskWebhookUrl("https://eo1a2b3c4d5e6f.m.pipedream.net/")).toBe("https://***.pipedream.net/***");
    expect(maskWebhookUrl("https://hooks.zapier.com/hooks/catch/123/abc/")).toBe("https://***.zapier.com/***");
    expect(maskWebhookUrl("https://user:pw@example.com:8443/in?token=x")).toBe("https://example.com/***");
    expect(maskWebhookUrl("https://93.184.215.14/hooks/tok")).toBe("https://93.184.215.14/***");
    expect(maskWebhookUrl("not a url")).toBe("***");
  });

  it("masks for viewers (and read keys, which are viewers), not for admins and owners; hides receivers' answers", () => {
    const endpoints = [{ url: "https://hooks.slack.com/services/T0/B0/secret" }];
    expect(maskEndpoints(endpoints, "viewer")[0]!.url).toBe("https://***.slack.com/***");
    expect(maskEndpoints(endpoints, "admin")).toBe(endpoints);
    expect(maskEndpoints(endpoints, "owner")).toBe(endpoints);
    const deliveries = [
      { endpoint_url: "https://hooks.slack.com/services/T0/B0/secret", attempt_log: [{ response_excerpt: "Cannot POST /services/T0/B0/secret" }, { response_excerpt: null }] },
    ];
    const seen = maskDeliveries(deliveries, "viewer");
    expect(JSON.stringify(seen)).not.toContain("secret");
    expect(seen[0]!.attempt_log.map((a) => a.response_excerpt)).toEqual(["(hidden from viewers)", null]);
    expect(maskDeliveries(deliveries, "admin")).toBe(deliveries);
  });
});
