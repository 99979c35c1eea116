/**
 * What a party's exit means (utträde), for the what-if and the party page. Pure.
 *
 * - A principal (huvudman) employs staff the operation cannot run without: its notice ends the
 *   collaboration at its exit date, and winding up is negotiated separately, as the agreement says.
 * - Any other party leaves at its exit date; from the first budget year after that date the
 *   others share the costs. Stated assumptions: the total budget is kept (the parties may
 *   decide otherwise), the region keeps its percentage, the remaining municipalities share the
 *   municipal part by population; the leaving party pays its whole share for its last year.
 */
import { deadlineWarning, exitDateForNotice, type AgreementTerms } from "./agreement-terms";

export interface ExitParty {
  name: string;
  isPrincipal: boolean;
  /** What a principal employs, e.g. "2,0 sjuksköterska, 0,2 läkare". */
  staff: string;
}

export type ExitScenario =
  | { ok: false; error: string }
  | {
      ok: true;
      noticeOn: string;
      exitDate: string;
      noticeDeadline: string;
      /** The deadline falls on a day offices are closed. */
      deadlineWarning: string | null;
      endsCollaboration: boolean;
      /** The first budget year without the party (for a principal: without the collaboration). */
      firstAffectedYear: number;
      consequences: string[];
      assumptions: string[];
    };

export function exitScenario(terms: AgreementTerms, party: ExitParty, noticeOn: string): ExitScenario {
  const exit = exitDateForNotice(terms, noticeOn);
  if (!exit.ok) return exit;
  const firstAffectedYear = Number(exit.exitDate.slice(0, 4)) + 1;
  const common = {
    ok: true as const,
    noticeOn,
    exitDate: exit.exitDate,
    noticeDeadline: exit.noticeDeadline,
    deadlineWarning: deadlineWarning(exit.noticeDeadline),
    firstAffectedYear,
  };
  if (party.isPrincipal) {
    return {
      ...common,
      endsCollaboration: true,
      consequences: [
        `${party.name} är huvudman${party.staff ? ` och anställer ${party.staff}` : ""}. Utan huvudmannen kan verksamheten inte bedrivas enligt avtalet: samverkan upphör den ${exit.exitDate}.`,
        `Från ${firstAffectedYear} finns ingen gemensam budget att fördela.`,
        "Avvecklingen förhandlas i särskild ordning: parterna ska komma överens om hur avvecklingskostnaderna fördelas (personal, lokaler, hyres- och leverantörsavtal, inventarier).",
        "Resultatet för det sista året (överskott eller underskott) regleras mellan parterna enligt beräkningsmodellen.",
        "Ska verksamheten fortsätta behövs ett nytt avtal med en annan huvudman, beslutat av varje part.",
      ],
      assumptions: [],
    };
  }
  return {
    ...common,
    endsCollaboration: false,
    consequences: [
      `${party.name} är part till och med ${exit.exitDate} och betalar hela sin andel för ${firstAffectedYear - 1}.`,
      `Från ${firstAffectedYear} delar de kvarvarande parterna på kostnaderna.`,
      "Fördelningen av eventuella avvecklingskostnader förhandlas i särskild ordning.",
    ],
    assumptions: [
      "Den totala budgeten är densamma som om parten hade varit kvar; den minskas inte av sig själv. Parterna kan besluta om en annan budget.",
      "Regionen behåller sin andel i procent; de kvarvarande kommunerna delar kommunernas andel efter folkmängd.",
      "Fördelningen görs per kalenderår: den som är part någon dag under ett år betalar hela det årets andel.",
    ],
  };
}

/** A year's cost split as the what-if compares it (the parts of the agreement's year account it reads). */
export interface SplitYear {
  year: number;
  budget: { total: number };
  /** Where the total comes from, in Swedish. */
  budgetExplained: string;
  populationDate: string;
  illustrativePopulation: boolean;
  missingPopulation: readonly string[];
  rows: readonly { organisationId: number; name: string; share: number }[];
}

interface ShareChange {
  name: string;
  before: number;
  /** The share with the exit; null for a party that no longer pays (it has left). */
  after: number | null;
  /** What the party pays more (positive) or less (negative): the whole share for one that left. */
  change: number;
}

export interface ExitYear {
  year: number;
  total: number;
  explained: string;
  /** Caveats of the split with the exit: example populations, a population carried forward. */
  flags: string[];
  rows: ShareChange[];
}

/**
 * Every party's share per year without the exit (`before`) and with it (`after`, the same years
 * in the same order), for the what-if page: the total, its explanation and the caveats are the
 * split with the exit, the one the parties would pay.
 */
export function shareChanges(before: readonly SplitYear[], after: readonly SplitYear[]): ExitYear[] {
  return before.map((without, i) => {
    const withExit = after[i];
    if (!withExit || withExit.year !== without.year) throw new Error(`The splits differ in year ${without.year}.`);
    return {
      year: without.year,
      total: withExit.budget.total,
      explained: withExit.budgetExplained,
      flags: [
        withExit.illustrativePopulation ? "folkmängderna är exempel, inte SCB:s" : "",
        withExit.missingPopulation.length ? `folkmängd per ${withExit.populationDate} saknas och är framskriven` : "",
      ].filter(Boolean),
      rows: without.rows.map((row) => {
        const share = withExit.rows.find((r) => r.organisationId === row.organisationId)?.share ?? null;
        return {
          name: row.name,
          before: row.share,
          after: share,
          change: share === null ? -row.share : share - row.share,
        };
      }),
    };
  });
}
