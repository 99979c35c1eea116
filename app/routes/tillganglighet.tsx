import { DateText, DateTimeText, keepUnitsWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { FormErrorSummary, formProps, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { can } from "~/domain/policy";
import { accessibilityReportSchema } from "~/forms/accessibility";
import { pageOfAccessibilityReports, recordAccessibilityReport } from "~/models/accessibility-reports.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Tillgänglighetsredogörelse") }];

/** When the portal was last tested, and what the test covered (tests/browser/crawl.test.ts). */
const LAST_TESTED = "2026-11-24";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  // The coordinator reads the reports here; everyone else sees only the statement and the form.
  const canRead = can(viewer?.actor ?? null, "read:audit");
  return {
    reports: canRead ? await pageOfAccessibilityReports(pageRequestFrom(new URL(request.url).searchParams)) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  const submission = parseForm(await readForm(request), accessibilityReportSchema);
  if (submission.status !== "success") return rejectForm(submission);
  recordAccessibilityReport(viewer?.user.id ?? null, submission.value);
  return redirectWithStatus(
    "/tillganglighet",
    "Tack! Din rapport har kommit fram till samordnaren, som svarar om du har lämnat en adress.",
  );
}

export default function AccessibilityStatement() {
  const { reports } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(accessibilityReportSchema, { lastResult: useActionData<typeof action>() });
  return (
    <>
      <h1>Tillgänglighetsredogörelse</h1>
      <p>
        Samverkansportalen drivs av samordnaren för samverkan mellan Region Jämtland Härjedalen och länets kommuner. Vi
        vill att så många som möjligt ska kunna använda portalen. Här beskriver vi hur portalen uppfyller lagen
        (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan
        rapportera problem så att vi kan rätta dem.
      </p>

      <h2>Hur tillgänglig är portalen?</h2>
      <p>
        Portalen är <strong>delvis förenlig</strong> med lagen, på grund av de brister som beskrivs under ”Innehåll som
        inte är tillgängligt”. Kraven är standarden EN 301 549, som för webbsidor motsvarar WCAG 2.1 nivå AA.
      </p>
      <p>Det här fungerar:</p>
      <ul>
        <li>Alla sidor går att använda med bara tangentbord och utan JavaScript.</li>
        <li>
          Sidorna går att läsa på en mobil 320 pixlar bred utan att sidan behöver rullas i sidled. På en smal skärm
          visas breda tabeller som kort, där varje uppgift står under sin kolumnrubrik; skärmläsare läser dem
          fortfarande som tabeller. På papper och breda skärmar är de vanliga tabeller.
        </li>
        <li>Efter att du sparat något visas ett meddelande som också läses upp av skärmläsare.</li>
        <li>Fel i ett formulär sammanfattas överst, och fokus flyttas dit.</li>
        <li>
          Sidorna går att skriva ut på A4. Matrisen över rekommendationerna skrivs ut liggande med alla parter, och
          länkar skrivs ut med hela sin adress.
        </li>
      </ul>

      <h2>Innehåll som inte är tillgängligt</h2>
      <ul>
        <li>
          Filer som laddas upp (till exempel protokoll och avtal som PDF) kommer ofta från andra organisationer. Vi
          kontrollerar inte att de är tillgängliga. Texten i dem går att söka i, och du kan be samordnaren om en
          tillgänglig version.
        </li>
        <li>
          Utskrift av sidor som bara innehåller ett formulär (till exempel protokollet medan det skrivs) visar inte
          formulärets innehåll. Skriv ut protokollet när det är sparat.
        </li>
      </ul>

      <h2>Hur vi har testat portalen</h2>
      <p>
        Vi har testat portalen själva, senast <DateText date={LAST_TESTED} />. Ett automatiskt test går igenom varje
        sida i portalen som fyra slags användare (utan inloggning, förtroendevald läsare, medlem och samordnare), både
        320 och 1280 pixlar bred, och skickar varje formulär tomt för att pröva felmeddelandena. På varje sida och bredd
        kontrolleras kraven i WCAG 2.0 och 2.1 nivå A och AA med verktyget axe, att sidan inte behöver rullas i sidled,
        att varje tabell ryms på en smal skärm med varje uppgift under sin rubrik och att varje länk och knapp heter det
        den visar. Senaste körningen, med båda demonstrationens samverkan: 84 sidadresser, 207 sidvisningar, 175 olika
        sidlägen (varav 41 med formulärfel) och 508 kontroller, med 0 fel. Testet följer också varje länk som visas (598
        länkar) och kontrollerar att ingen leder till en sida som användaren inte får öppna. Dessutom skrivs kallelsen,
        protokollet, ett protokollsutdrag, matrisen och läsvyn för en rekommendation ut till PDF, och testet
        kontrollerar att alla parter och alla belopp finns med.
      </p>
      <p>Automatiska test hittar inte alla brister. Hjälp oss gärna genom att rapportera det du stöter på.</p>

      <h2 id="rapportera">Rapportera ett problem</h2>
      <p>
        Om du inte kan använda någon del av portalen, eller upptäcker en brist som inte står här, berätta det för oss.
        Rapporten går till samordnaren. Vill du ha svar, skriv hur vi når dig. Skriv inte personnummer.
      </p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <TextField field={fields.page} label="Sida eller adress (om du vet)" />
        <TextareaField field={fields.description} label="Vad fungerade inte?" />
        <TextField field={fields.contact} label="E-post eller telefon (om du vill ha svar)" />
        <div className="actions">
          <button type="submit" className="button">
            Skicka rapporten
          </button>
        </div>
      </Form>

      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital
        offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{" "}
        <a href="https://www.digg.se/tdosanmalan">anmäla det till Digg</a>.
      </p>

      <h2>Om redogörelsen</h2>
      <p>
        Redogörelsen skrevs <DateText date={LAST_TESTED} /> och bygger på portalens egna test samma dag.
      </p>

      {reports ? (
        <section aria-labelledby="inkomna">
          <h2 id="inkomna">Inkomna rapporter</h2>
          {reports.items.length === 0 ? (
            <p>Inga rapporter ännu.</p>
          ) : (
            <ul>
              {reports.items.map((r) => (
                <li key={r.id}>
                  <p>
                    <strong>
                      <DateTimeText at={r.createdAt} />
                    </strong>
                    {r.page ? `, sidan ${r.page}` : ""}
                    {r.contact ? `, svar till ${r.contact}` : ", vill inte ha svar"}
                  </p>
                  <p className="pre">{keepUnitsWhole(r.description)}</p>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={reports.page} label="Sidor med rapporter" noun={["rapport", "rapporter"]} />
        </section>
      ) : null}
    </>
  );
}
