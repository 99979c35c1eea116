import { keepWhole } from "~/components/dates";
import { ANSWER_LABEL, isInProgress, type AnswerStatus } from "~/domain/recommendations";

/**
 * A party's answer as text and colour; overdue and "to be reviewed" are spelled out, never
 * colour alone. "Antagen med ändringar" is not shown as an approval: for an agreement it is a
 * counter-offer the coordinator reviews. `didNotAnswer` is the record of a closed follow-up
 * (no decision came): said in words, not in the colour of a late answer, since nobody is chased.
 */
export function AnswerBadge({
  status,
  overdue,
  date,
  needsReview = false,
  didNotAnswer = false,
}: {
  status: AnswerStatus;
  overdue: boolean;
  date?: string | null;
  needsReview?: boolean;
  didNotAnswer?: boolean;
}) {
  const tone =
    status === "antagen"
      ? "badge--ok"
      : status === "antagen med ändringar"
        ? "badge--neutral"
        : status === "avslagen" || overdue
          ? "badge--bad"
          : didNotAnswer
            ? "badge--neutral"
            : "badge--warn";
  return (
    <span className={`badge ${tone}`}>
      {didNotAnswer && status === "väntar" ? "Svarade inte" : ANSWER_LABEL[status]}
      {keepWhole(date && isInProgress(status) ? ` ${date}` : "")}
      {overdue ? " – försenat" : ""}
      {didNotAnswer && status !== "väntar" ? " – svarade inte" : ""}
      {needsReview ? " – granskas" : ""}
    </span>
  );
}
