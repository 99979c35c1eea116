import { TableRegion } from "./table-region";

/**
 * Shown when someone else saved the same thing while the user was editing (optimistic
 * locking): what they saved beside what the user typed, so nothing is overwritten unseen.
 */
export function ConflictNotice({ what, rows }: { what: string; rows: readonly [string, string, string][] }) {
  return (
    <div className="notice notice--error" role="alert">
      <h2>Någon annan har ändrat {what} medan du arbetade</h2>
      <p>Dina ändringar är inte sparade. Jämför och spara igen om dina uppgifter ska gälla.</p>
      <TableRegion label="Dina ändringar och de sparade">
        <table>
          <thead>
            <tr>
              <th scope="col">Uppgift</th>
              <th scope="col">Sparat av någon annan</th>
              <th scope="col">Ditt förslag</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, theirs, mine]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{theirs || "–"}</td>
                <td>{mine || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}

/** A visible mark on demo data that the sources do not state. */
export function ExampleBadge() {
  return <span className="badge badge--example">Exempel</span>;
}

/** The conflict an action answered with (`rejectConflict`): what the other person saved, and their version. */
export function conflictOf<Theirs, Version extends number | string = number>(
  actionData: unknown,
): { theirs: Theirs; version: Version } | null {
  if (!actionData || typeof actionData !== "object" || !("conflict" in actionData)) return null;
  return (actionData as { conflict: { theirs: Theirs; version: Version } }).conflict;
}

/**
 * The save button of a form that can meet a conflict: after one it says that saving again puts
 * the user's values over what the other person saved.
 */
export function SaveButton({ afterConflict }: { afterConflict: boolean }) {
  return (
    <div className="actions">
      <button type="submit" className="button">
        {afterConflict ? "Spara mina uppgifter ändå" : "Spara"}
      </button>
    </div>
  );
}
