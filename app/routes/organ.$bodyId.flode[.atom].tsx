import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/session.server";
import { buildAtomFeed } from "~/domain/atom";
import { bodyFeedEntries, bodyForFeed } from "~/models/feeds.server";
import { publicOrigin } from "~/utils/origin.server";
import { idParam } from "~/utils/params";

/**
 * The body's Atom feed of public decisions and published notices. A feed reader cannot sign
 * in, so the feed holds only what the anonymous public may read, whoever asks for it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const body = bodyForFeed(idParam(params.bodyId));
  if (!body) throw notFound("Organet finns inte.");
  const origin = publicOrigin(request);
  const host = new URL(origin).host;
  const entries = bodyFeedEntries(body.id, origin, host);
  const xml = buildAtomFeed({
    id: `tag:${host},2026:organ/${body.id}`,
    title: `${body.name}: beslut och kallelser`,
    subtitle: "Offentliga beslut och publicerade kallelser från Samverkansportalen",
    selfUrl: `${origin}/organ/${body.id}/flode.atom`,
    alternateUrl: `${origin}/organ/${body.id}`,
    updated: "2026-01-01T00:00:00Z",
    entries,
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
