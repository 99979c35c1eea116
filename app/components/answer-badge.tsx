import { ANSWER_LABEL, type AnswerStatus } from "~/domain/recommendations";

/** A party's answer as text and colour; overdue is spelled out, never colour alone. */
export function AnswerBadge({ status, overdue, date }: { status: AnswerStatus; overdue: boolean; date?: string | null }) {
  const tone = status === "antagen" || status === "antagen med ändringar" ? "badge--ok" : status === "avslagen" ? "badge--bad" : overdue ? "badge--bad" : "badge--warn";
  return (
    <span className={`badge ${tone}`}>
      {ANSWER_LABEL[status]}
      {date && status === "behandlas" ? ` ${date}` : ""}
      {overdue ? " – försenat" : ""}
    </span>
  );
}
