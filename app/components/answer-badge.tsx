import { keepWhole } from "~/components/dates";
import { ANSWER_LABEL, isInProgress, type AnswerStatus } from "~/domain/recommendations";

/**
 * A party's answer as text and colour; overdue and "to be reviewed" are spelled out, never
 * colour alone. "Antagen med ändringar" is not shown as an approval: for an agreement it is a
 * counter-offer the coordinator reviews.
 */
export function AnswerBadge({
  status,
  overdue,
  date,
  needsReview = false,
}: {
  status: AnswerStatus;
  overdue: boolean;
  date?: string | null;
  needsReview?: boolean;
}) {
  const tone =
    status === "antagen"
      ? "badge--ok"
      : status === "antagen med ändringar"
        ? "badge--neutral"
        : status === "avslagen" || overdue
          ? "badge--bad"
          : "badge--warn";
  return (
    <span className={`badge ${tone}`}>
      {ANSWER_LABEL[status]}
      {keepWhole(date && isInProgress(status) ? ` ${date}` : "")}
      {overdue ? " – försenat" : ""}
      {needsReview ? " – granskas" : ""}
    </span>
  );
}
