import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";

/** A plain form posting to the sign-out server action: works before hydration and without client JS. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="ghost" size="sm">
        Sign out
      </Button>
    </form>
  );
}
