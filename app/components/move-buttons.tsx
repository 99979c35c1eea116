/**
 * "Flytta upp" and "Flytta ned" for one entry of an ordered list (agenda items, a body's
 * standing items): submit buttons inside the caller's form, the first disabled at the top and
 * the second at the bottom. Each is named after the entry it moves, its name beginning with
 * the words it shows (WCAG 2.5.3: "Flytta upp" works for someone who speaks what they see).
 */
export function MoveButtons({
  title,
  index,
  count,
  up,
  down,
}: {
  title: string;
  index: number;
  count: number;
  /** The submit button's name and value for each direction, as the route's action reads them. */
  up: { name: string; value: string };
  down: { name: string; value: string };
}) {
  return (
    <>
      <button
        type="submit"
        name={up.name}
        value={up.value}
        className="button button--secondary button--small"
        disabled={index === 0}
        aria-label={`Flytta upp ${title}`}
      >
        Flytta upp
      </button>
      <button
        type="submit"
        name={down.name}
        value={down.value}
        className="button button--secondary button--small"
        disabled={index === count - 1}
        aria-label={`Flytta ned ${title}`}
      >
        Flytta ned
      </button>
    </>
  );
}
