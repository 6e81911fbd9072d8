import "server-only";
// placeholder: being written (createSignup). Signature:
// export async function createSignup(input: {
//   waitlistId: string; slug: string; email: string; name?: string|null; company?: string|null;
//   twitter?: string|null; ref?: string|null; }): Promise<SignupResult>
