/**
 * "The process answers": for a load balancer's health check, and the bench's bare route (the
 * framework's own floor: Express, the security middleware and Remix, no data, no render).
 */
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
