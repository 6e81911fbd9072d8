"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { slugify } from "@/lib/dashboard/slugify";
import type { OwnedWaitlist } from "@/lib/waitlists/queries";
import { createWaitlistSchema, ownerSlugSchema, TITLE_MAX } from "@/lib/waitlists/schemas";
import { FormAlert } from "@/components/ui/form-alert";

type Errors = { title?: string; slug?: string; form?: string };

// The list goes into the team the page showed (`teamId`), named in the request: the dashboard's current-team
// cookie may have been switched in another tab since the page rendered, and a list must not land elsewhere.

/** The create request's body: the page's team, never the cookie's. */
export const newWaitlistBody = (teamId: string, title: string, slug: string) => ({ title: title.trim(), slug: slug.trim(), team_id: teamId });

export function NewWaitlistForm({ origin, teamId }: { origin: string; teamId: string }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  // Until the owner edits the address, it follows the title.
  const [slugEdited, setSlugEdited] = useState(false);
  const [touched, setTouched] = useState({ title: false, slug: false });
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  const slugIssue = slug === "" ? "Pick an address for your page." : ownerSlugSchema.safeParse(slug).error?.issues[0]?.message;
  const titleIssue = createWaitlistSchema.shape.title.safeParse(title).error?.issues[0]?.message;
  const errors: Errors = {
    title: serverErrors.title ?? (touched.title ? titleIssue : undefined),
    // Live: the address is checked as it is typed (or derived), not only on submit.
    slug: serverErrors.slug ?? (touched.slug || slug !== "" ? slugIssue : undefined),
    form: serverErrors.form,
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched({ title: true, slug: true });
    if (titleIssue || slugIssue) return;
    setPending(true);
    setServerErrors({});
    const result = await ownerFetch<{ waitlist: OwnedWaitlist }>("/api/waitlists", {
      method: "POST",
      body: newWaitlistBody(teamId, title, slug),
    });
    if (result.ok) {
      router.push(`/dashboard/w/${result.data.waitlist.id}?created=1`);
      return;
    }
    setPending(false);
    const { field, message } = result.error;
    setServerErrors(field === "slug" || field === "title" ? { [field]: message } : { form: message });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Create a waitlist">
      <Field
        label="Title"
        name="title"
        value={title}
        maxLength={TITLE_MAX + 20}
        placeholder="Acme Rockets"
        hint="The headline of your hosted page."
        error={errors.title}
        autoFocus
        required
        onChange={(e) => {
          setTitle(e.target.value);
          setServerErrors((s) => ({ ...s, title: undefined }));
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
        onBlur={() => setTouched((t) => ({ ...t, title: true }))}
      />
      <Field
          label="Address"
          name="slug"
          value={slug}
          placeholder="acme-rockets"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          error={errors.slug}
          hint={
            <>
              Your page: <span className="font-mono text-ink">{origin.replace(/^https?:\/\//, "")}/w/{slug || "…"}</span>
            </>
          }
          required
          onChange={(e) => {
            setSlug(e.target.value.toLowerCase());
            setSlugEdited(true);
            setServerErrors((s) => ({ ...s, slug: undefined }));
          }}
          onBlur={() => setTouched((t) => ({ ...t, slug: true }))}
        />
      {errors.form ? (
        <FormAlert>{errors.form}</FormAlert>
      ) : null}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create and go live"}
      </Button>
    </form>
  );
}
