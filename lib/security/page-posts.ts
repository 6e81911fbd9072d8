// Which POSTs a page path accepts. Pages take POSTs only as server actions: with JavaScript, React sends a
// `Next-Action` header; without it, the form's multipart body names the action in a `$ACTION_ID_…` or
// `$ACTION_REF_…` field. Anything else multipart reaches Next's action handler, which answers a malformed or
// unknown one with a 500, so it is refused in proxy.ts before that.

export type PagePostVerdict = { ok: true } | { ok: false; status: 400; message: string };

const MULTIPART = /^multipart\/form-data\b/i;

export async function checkPagePost(req: Request): Promise<PagePostVerdict> {
  const type = req.headers.get("content-type") ?? "";
  if (!MULTIPART.test(type)) return { ok: true };
  let form: FormData;
  try {
    form = await req.clone().formData();
  } catch {
    return { ok: false, status: 400, message: "The form data could not be read." };
  }
  if (req.headers.has("next-action")) return { ok: true };
  for (const name of form.keys()) {
    if (name.startsWith("$ACTION_ID_") || name.startsWith("$ACTION_REF_")) return { ok: true };
  }
  return { ok: false, status: 400, message: "This page does not accept form posts." };
}
