import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { collaborationFor } from "~/auth/collaboration.server";
import { getViewer, requirePermission } from "~/auth/session.server";
import { PartyTable } from "~/components/party-table";
import { countOf, todayInStockholm } from "~/domain/format";
import { partyStanding } from "~/domain/party-notice";
import { can } from "~/domain/policy";
import { listParties } from "~/models/organisations.server";

export const meta: MetaFunction = () => [{ title: "Parter – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:parties");
  const collaboration = collaborationFor(request, viewer?.actor ?? null);
  const today = todayInStockholm();
  return {
    collaboration: { id: collaboration.id, name: collaboration.name },
    parties: listParties(collaboration.id).map((p) => ({ ...p, standing: partyStanding(p, today) })),
    canManage: can(viewer?.actor ?? null, "manage:collaborations"),
  };
}

export default function Parties() {
  const { collaboration, parties, canManage } = useLoaderData<typeof loader>();
  const regions = parties.filter((p) => p.kind === "region").length;
  const municipalities = parties.filter((p) => p.kind === "kommun").length;
  const others = parties.length - regions - municipalities;
  return (
    <>
      <h1>Parter</h1>
      <section aria-labelledby="parter-i-samverkan">
        <h2 id="parter-i-samverkan">{collaboration.name}</h2>
        <p>
          {countOf(parties.length, "part", "parter")}: {countOf(regions, "region", "regioner")},{" "}
          {countOf(municipalities, "kommun", "kommuner")}
          {others ? ` och ${countOf(others, "annan organisation", "andra organisationer")}` : ""}.
        </p>
        <PartyTable
          parties={parties}
          columns={[
            { header: "Medlem sedan", cell: (p) => p.memberSince ?? "–" },
            { header: "Mottagning", cell: (p) => p.branchClinic || "–" },
          ]}
        />
      </section>
      {canManage ? (
        <p className="no-print">
          <Link to={`/samverkan/${collaboration.id}`}>Ändra parterna i {collaboration.name}</Link> ·{" "}
          <Link to="/parter/ny">Ny organisation</Link>
        </p>
      ) : null}
    </>
  );
}
