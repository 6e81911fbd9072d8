import type { Metadata } from "next";
import { ApiSection } from "./_components/api-section";
import { ClosingCta } from "./_components/closing-cta";
import { Features } from "./_components/features";
import { Hero } from "./_components/hero";
import { HowItWorks } from "./_components/how-it-works";

export const metadata: Metadata = {
  title: { absolute: "WaitForge: waitlists that grow themselves" },
};

export default function LandingPage() {
  return (
    <>
      <Hero />
      <HowItWorks />
      <Features />
      <ApiSection />
      <ClosingCta />
    </>
  );
}
