const steps = [
  {
    title: "Sign in with a magic link",
    body: "Enter your email, click the link we send. No password to invent, no card to enter.",
  },
  {
    title: "Create your waitlist",
    body: "Pick a name, a slug and your colours. Your branded page is live at /w/your-slug straight away.",
  },
  {
    title: "Share it and watch it grow",
    body: "People join, get their place and a referral link, and climb as friends follow. Export to CSV on launch day.",
  },
];

export function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-heading" className="scroll-mt-20 border-y border-line bg-surface">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <SectionHeading
          id="how-heading"
          eyebrow="How it works"
          title="From idea to live waitlist in three steps"
          lead="Set it up over coffee. Everything after that runs itself."
        />
        <ol className="mt-12 grid gap-6 md:grid-cols-3">
          {steps.map((step, index) => (
            <li key={step.title} className="relative rounded-card border border-line bg-white p-6 shadow-card">
              <span className="flex size-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white">
                {index + 1}
              </span>
              <h3 className="mt-5 text-lg font-semibold text-ink">{step.title}</h3>
              <p className="mt-2 text-sm leading-6 text-muted">{step.body}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

export function SectionHeading({
  id,
  eyebrow,
  title,
  lead,
}: {
  id: string;
  eyebrow: string;
  title: string;
  lead: string;
}) {
  return (
    <div className="mx-auto max-w-2xl text-center">
      <p className="text-sm font-semibold text-brand-600">{eyebrow}</p>
      <h2 id={id} className="mt-2 text-3xl font-semibold tracking-tight text-balance text-ink sm:text-4xl">
        {title}
      </h2>
      <p className="mt-4 text-lg text-pretty text-muted">{lead}</p>
    </div>
  );
}
