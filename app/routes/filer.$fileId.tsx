import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getViewer, forbidden, notFound } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { downloadHeaders, fileStream, getFile } from "~/models/files.server";
import { fileAccessAllowed } from "~/models/file-access.server";
import { idParam } from "~/utils/params";

/** Streams a stored file if the viewer may read at least one thing it is attached to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const file = getFile(idParam(params.fileId));
  if (!file) throw notFound("Filen finns inte.");
  if (!fileAccessAllowed(file.id, viewer?.actor ?? null, can, viewer?.user.id ?? null))
    throw viewer ? forbidden("Du har inte behörighet till filen.") : forbidden("Logga in för att hämta filen.");
  return new Response(createReadableStreamFromReadable(fileStream(file)), { headers: downloadHeaders(file) });
}
