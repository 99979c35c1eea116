/** Parses a positive integer route parameter, or throws the 404 page. */
export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
    throw new Response("Sidan finns inte.", { status: 404 });
  return n;
}
