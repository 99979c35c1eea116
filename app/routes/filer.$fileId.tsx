import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getViewer, notFound } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { downloadHeaders, fileStream, getFile } from "~/models/files.server";
import { fileAccessAllowed } from "~/models/file-access.server";
import { idParam } from "~/utils/params";

/** Streams a stored file if the viewer may read at least one thing it is attached to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const file = getFile(idParam(params.fileId));
  // A file the viewer may not read answers as a missing one: a 403 would tell that it exists.
  if (!file || !fileAccessAllowed(file.id, viewer?.actor ?? null, can, viewer?.user.id ?? null))
    throw notFound("Filen finns inte.");
  return new Response(createReadableStreamFromReadable(fileStream(file)), { headers: downloadHeaders(file) });
}
