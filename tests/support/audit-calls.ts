import { send, type Sent } from "@/tests/support/access-world";

// access-world's `send` for a route handler imported with its own params type (the audit log's tests call
// handlers directly): the same request, typed by the handler's params instead of the access map's loose record.

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
type Options<P> = Omit<Parameters<typeof send>[1], "params"> & { params: P };

export function sendTo<P extends Record<string, string>>(handler: Handler<P>, options: Options<P>): Promise<Sent> {
  return send(handler as unknown as Parameters<typeof send>[0], options);
}
