// Next calls this once when a server starts. The Node.js work lives in lib/startup.ts; written as this exact
// condition so the Edge build drops the import.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startUp } = await import("@/lib/startup");
    startUp();
  }
}
