import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/utils/origin.server";

/**
 * The print stylesheet's one dynamic value: the portal's public origin, so a printed link shows
 * its full address ("https://portal.example.se/moten/3"), not only its path. A stylesheet,
 * because the content security policy allows no inline style.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin(request);
  return new Response(`:root { --print-origin: ${JSON.stringify(origin)}; }\n`, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
