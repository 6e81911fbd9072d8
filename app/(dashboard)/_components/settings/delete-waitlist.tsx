"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// Deleting removes the page and every signup for good, so the owner types the address to confirm.

export function DeleteWaitlist({ id, slug, signups }: { id: string; slug: string; signups: number }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const matches = typed.trim().toLowerCase() === slug;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) {
      setError(`Type ${slug} exactly to confirm.`);
      return;
    }
    setPending(true);
    const result = await ownerFetch(`/api/waitlists/${id}`, { method: "DELETE" });
    if (result.ok) {
      router.push("/dashboard");
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.error.message);
  }

  return (
    <Card className="border-red-200">
      <CardHeader>
        <CardTitle className="text-red-700">Delete this waitlist</CardTitle>
        <CardDescription>{consequences(slug, signups)}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label="Delete waitlist">
          <Field
            label={
              <>
                Type <span className="font-mono">{slug}</span> to confirm
              </>
            }
            value={typed}
            autoComplete="off"
            spellCheck={false}
            error={error}
            containerClassName="flex-1"
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
            }}
          />
          <Button type="submit" variant="danger" disabled={!matches || pending} className="sm:mt-7">
            {pending ? "Deleting…" : "Delete waitlist"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

function consequences(slug: string, signups: number): string {
  const page = `The hosted page at /w/${slug} stops working`;
  if (signups === 0) return `${page}. This can't be undone.`;
  const people = signups === 1 ? "the 1 person on the list is" : `all ${signups.toLocaleString("en-US")} people on the list are`;
  return `${page} and ${people} deleted. This can't be undone; export the list first if you need it.`;
}
