import { Form, Link } from "@remix-run/react";
import { itemNumber, type AgendaItemView } from "~/domain/agenda-view";
import type { ExampleMarks } from "~/domain/example-facts";
import { ExampleMark } from "./example-mark";
import { MoveButtons } from "./move-buttons";

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

/**
 * The agenda as an ordered list; `manage` adds edit, move and remove controls. `marks` and
 * `decisionOfItem` (from `meetingExampleMarks`) mark a § number that is example data.
 */
export function AgendaList({
  items,
  meetingId,
  manage,
  marks = [],
  decisionOfItem = {},
}: {
  items: AgendaItemView[];
  meetingId: number;
  manage: boolean;
  marks?: ExampleMarks;
  decisionOfItem?: Record<number, number>;
}) {
  return (
    <ol className="agenda">
      {items.map((item, index) => (
        <li key={item.id} className="agenda__item" id={`punkt-${item.id}`}>
          <h3>
            {item.paragraph ? (
              <span className="agenda__para">
                {itemNumber(item, index)}
                <ExampleMark marks={marks} entity="decision" id={decisionOfItem[item.id]} field="paragraph" />{" "}
              </span>
            ) : null}
            {item.title}
          </h3>
          <p className="muted">
            {item.kind}
            {item.presenter ? ` · Föredragande: ${item.presenter}` : ""}
            {item.minutesEstimate ? ` · ${item.minutesEstimate} min` : ""}
          </p>
          {item.confidential ? (
            <p className="notice notice--warn">
              <strong>Sekretess:</strong> {item.confidentialReason}. Handlingarna visas bara för organets ledamöter.
            </p>
          ) : null}
          {item.descriptionHtml ? (
            <div className="markdown" dangerouslySetInnerHTML={{ __html: item.descriptionHtml }} />
          ) : null}
          {item.proposedDecision ? (
            <div className="proposed-decision">
              <h4>Förslag till beslut</h4>
              <p>{item.proposedDecision}</p>
            </div>
          ) : null}
          {item.files && item.files.length > 0 ? (
            <ul className="files" aria-label={`Handlingar till ${item.title}`}>
              {item.files.map((f) => (
                <li key={f.id}>
                  <a href={`/filer/${f.id}`}>{f.originalName}</a> <span className="muted">({fileSize(f.size)})</span>
                </li>
              ))}
            </ul>
          ) : null}
          {manage ? (
            <div className="actions no-print">
              <Link to={`/moten/${meetingId}/punkter/${item.id}`} aria-label={`Ändra punkten ${item.title}`}>
                Ändra
              </Link>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="itemId" value={item.id} />
                <MoveButtons
                  title={item.title}
                  index={index}
                  count={items.length}
                  up={{ name: "direction", value: "up" }}
                  down={{ name: "direction", value: "down" }}
                />
              </Form>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
