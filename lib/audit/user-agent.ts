// A user agent in a few words for the audit log's table ("Firefox on Linux", "curl 8.5"); the full string is
// kept beside it (client-safe). Order matters: Edge and Opera also say Chrome, Chrome also says Safari.

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/\bOPR\/(\d+)/, "Opera"],
  [/\bFirefox\/(\d+)/, "Firefox"],
  [/\bFxiOS\/(\d+)/, "Firefox"],
  [/\bCriOS\/(\d+)/, "Chrome"],
  [/\bChrom(?:e|ium)\/(\d+)/, "Chrome"],
  [/\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** Tools that call the API: their name and major version. */
const TOOL = /^(curl|Wget|python-requests|python-httpx|axios|node-fetch|undici|Go-http-client|okhttp|PostmanRuntime|insomnia|HTTPie|Ruby|Java|Deno|Bun|node)\/(\d+(?:\.\d+)?)/i;

export function shortUserAgent(ua: string | null | undefined): string {
  const value = (ua ?? "").trim();
  if (!value) return "Unknown";
  const tool = TOOL.exec(value);
  if (tool) return `${tool[1]} ${tool[2]}`;
  const browser = BROWSERS.find(([pattern]) => pattern.test(value));
  const system = SYSTEMS.find(([pattern]) => pattern.test(value))?.[1];
  if (browser) return system ? `${browser[1]} on ${system}` : browser[1];
  // Anything else: its first product token, cut short.
  const first = value.split(/\s+/)[0] ?? value;
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}
