import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { collaborationsOf } from "~/auth/collaboration.server";
import { getViewer, notFound } from "~/auth/session.server";
import { BodyFilter, CollaborationFilter, controlProps, Field } from "~/components/forms";
import { COLLABORATION_PARAM } from "~/domain/collaboration";
import { Pagination } from "~/components/pagination";
import { formatCount, pageRequestFrom } from "~/domain/pagination";
import { RANKED_MAX, SEARCH_KIND_LABEL } from "~/domain/search";
import { listBodies } from "~/models/bodies.server";
import { listCollaborations } from "~/models/collaborations.server";
import { search } from "~/models/search.server";
import { searchHitMarks } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import { searchHitExample } from "~/domain/example-facts";

export const meta: MetaFunction = () => [{ title: "Sök – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const kind = url.searchParams.get("typ") || undefined;
  const bodyId = Number(url.searchParams.get("organ")) || undefined;
  const year = Number(url.searchParams.get("ar")) || undefined;
  // Search spans every collaboration unless one is chosen; an unknown one is a 404, as on lists.
  const slug = url.searchParams.get(COLLABORATION_PARAM) || "";
  const actor = viewer?.actor ?? null;
  const offered = actor ? collaborationsOf(actor) : listCollaborations();
  const collaboration = slug ? listCollaborations().find((c) => c.slug === slug) : undefined;
  if (slug && !collaboration) throw notFound("Samverkan finns inte. Kontrollera adressen.");
  const results = q.trim()
    ? await search(
        actor,
        q,
        {
          kind: kind && Object.hasOwn(SEARCH_KIND_LABEL, kind) ? kind : undefined,
          bodyId,
          year,
          collaborationId: collaboration?.id,
        },
        pageRequestFrom(url.searchParams, 20),
      )
    : null;
  return {
    q,
    filter: { typ: kind ?? "", organ: bodyId ? String(bodyId) : "", ar: year ? String(year) : "", samverkan: slug },
    collaborations: offered.map((c) => ({ slug: c.slug, name: c.name })),
    results,
    // Example facts a hit shows (exempeluppgift) are marked as on the object's own page.
    hitMarks: searchHitMarks(results?.items ?? []),
    bodies: listBodies().map((b) => ({ id: b.id, name: b.name })),
  };
}

export default function Search() {
  const { q, filter, results, hitMarks, bodies, collaborations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Sök</h1>
      <Form method="get" role="search" className="stack" aria-label="Sök i portalen">
        <Field
          name="q"
          label="Sökord"
          hint="Sök i dokument, dagordningar, beslut, ärenden och avtal. En del av ett ord räcker (minst tre tecken); ”citattecken” söker en exakt fras."
          defaultValue={q}
          type="search"
        />
        <div className="actions">
          <Field name="typ" label="Typ">
            <select {...controlProps("typ")} defaultValue={filter.typ}>
              <option value="">Allt</option>
              {Object.entries(SEARCH_KIND_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <CollaborationFilter current={filter.samverkan} choices={collaborations} allLabel="Alla" />
          <BodyFilter bodies={bodies} value={filter.organ} />
          <Field name="ar" label="År" inputMode="numeric" defaultValue={filter.ar} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Sök
          </button>
        </div>
      </Form>
      {/* Always in the page, so a new count is announced when a search changes it (WCAG 4.1.3). */}
      <p role="status" className="visually-hidden">
        {results
          ? `${formatCount(results.page.total)} ${results.page.total === 1 ? "träff" : "träffar"} för ”${q}”`
          : ""}
      </p>
      {results ? (
        <section aria-labelledby="traffar">
          <h2 id="traffar">
            {results.page.open ? `Fler än ${formatCount(RANKED_MAX)}` : formatCount(results.page.total)}{" "}
            {results.page.total === 1 ? "träff" : "träffar"} för ”{q}”
          </h2>
          {results.ignored.length ? (
            <p className="muted">
              För korta för att söka på (minst tre tecken): {results.ignored.map((w) => `”${w}”`).join(", ")}
            </p>
          ) : null}
          {results.order === "newest" ? (
            <p className="muted">
              Fler än {formatCount(RANKED_MAX)} träffar: de nyaste visas först. Lägg till ord eller välj typ, organ
              eller år för att få de bästa träffarna först.
            </p>
          ) : null}
          <ol className="search-results" start={results.page.first || undefined}>
            {results.items.map((r) => {
              const example = searchHitExample(r, hitMarks.decisionOfItem);
              const mark =
                example?.entity === "matter" ? (
                  <ExampleMark marks={hitMarks.marks} entity="matter" id={example.id} field={example.field} />
                ) : example?.entity === "decision" ? (
                  <ExampleMark marks={hitMarks.marks} entity="decision" id={example.id} field={example.field} />
                ) : null;
              return (
                <li key={`${r.kind}-${r.href}`}>
                  <p className="muted">
                    {SEARCH_KIND_LABEL[r.kind] ?? r.kind}
                    {r.year ? ` · ${r.year}` : ""}
                  </p>
                  <h3>
                    <Link to={r.href}>{r.title}</Link>
                    {example?.shownIn === "title" ? mark : null}
                  </h3>
                  {r.snippetHtml ? (
                    <p className="snippet">
                      <span dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
                      {example?.shownIn === "snippet" ? mark : null}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <Pagination page={results.page} label="Sidor i sökresultatet" noun={["träff", "träffar"]} />
        </section>
      ) : null}
    </>
  );
}
