import { describe, expect, it } from "vitest";
import {
  absenceMail,
  absenceWithdrawnMail,
  agreementNoticeMail,
  assignmentDueMail,
  digestMail,
  escapeHtml,
  minutesApprovedMail,
  minutesForSigningMail,
  noLongerCalledMail,
  noticeMail,
  proposalDecidedMail,
  recommendationReminderMail,
  seatNoLongerCalledMail,
  type Footer,
} from "~/domain/mail-templates";

const footer: Footer = {
  reason: "du är kallad till Styrgruppens sammanträden",
  preferencesUrl: "https://portal.example/konto/e-post",
  unsubscribeUrl: "https://portal.example/e-post/avsluta/abcdefghijklmnopqrstuvwxyz?typ=notice",
};

const notice = {
  bodyName: "Styrgruppen",
  date: "2027-01-14",
  startTime: "13:00",
  endTime: "15:00",
  place: "Regionhuset, Östersund",
  videoUrl: "",
  items: ["Mötets öppnande", "Budgetuppföljning"],
  versionNo: 1,
  changes: [],
  meetingUrl: "https://portal.example/moten/7",
  noticeUrl: "https://portal.example/moten/7/kallelse",
  absenceUrl: "https://portal.example/moten/7/forhinder",
};

describe("mail templates", () => {
  it("write the notice in plain Swedish, as text and HTML, with the links and the way out", () => {
    const m = noticeMail("Ingrid", notice, footer);
    expect(m.subject).toBe("Kallelse: Styrgruppen 2027-01-14 kl. 13:00");
    expect(m.text).toContain("Hej Ingrid!");
    expect(m.text).toContain("Dag och tid: torsdag 2027-01-14 kl. 13:00–15:00");
    expect(m.text).toContain("- 2. Budgetuppföljning");
    expect(m.text).toContain("Har du förhinder? Anmäl det här:\nhttps://portal.example/moten/7/forhinder");
    expect(m.text).toContain("Du får det här meddelandet eftersom du är kallad till Styrgruppens sammanträden.");
    expect(m.text).toContain(footer.unsubscribeUrl);
    expect(m.html).toContain('<a href="https://portal.example/moten/7/kallelse">');
    expect(m.html).toContain("<li>2. Budgetuppföljning</li>");
    expect(m.html).toContain('<html lang="sv">');
  });

  it("name a changed notice and what changed", () => {
    const m = noticeMail("Ingrid", { ...notice, versionNo: 3, changes: ["Ny punkt: Lokalfrågan"] }, footer);
    expect(m.subject).toBe("Ändrad kallelse: Styrgruppen 2027-01-14");
    expect(m.text).toContain("dagordning version 3");
    expect(m.text).toContain("- Ny punkt: Lokalfrågan");
  });

  it("escape whatever a user typed in the HTML part", () => {
    const hostile = '<img src=x onerror="alert(1)">&';
    expect(escapeHtml(hostile)).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;");
    const m = noticeMail(hostile, { ...notice, items: [hostile], place: hostile }, footer);
    expect(m.html).not.toContain("<img");
    expect(m.html).toContain("&lt;img src=x");
    // The text part is plain text: it stays as typed.
    expect(m.text).toContain(hostile);
  });

  it("say how far a deadline is, before and after", () => {
    const before = assignmentDueMail(
      "Lena",
      { title: "Lokalplan", dueDate: "2027-05-31", daysLeft: 7, url: "u" },
      null,
    );
    expect(before.subject).toBe("Uppdrag att återrapportera: Lokalplan");
    expect(before.text).toContain("ska återrapporteras 2027-05-31 (om 7 dagar)");
    const late = assignmentDueMail("Lena", { title: "Lokalplan", dueDate: "2027-05-31", daysLeft: -7, url: "u" }, null);
    expect(late.subject).toBe("Försenat uppdrag: Lokalplan");
    expect(late.text).toContain("(för 7 dagar sedan)");
    // Without a footer (a kind that cannot be turned off) there is no unsubscribe link.
    expect(late.text).not.toContain("Avsluta");

    const rec = {
      title: "Samarbetsavtal 2023",
      partyName: "Berg",
      deadline: "2027-03-31",
      answerUrl: "u",
      readUrl: "r",
    };
    expect(recommendationReminderMail("Berg", { ...rec, daysLeft: 3 }, footer).subject).toBe(
      "Påminnelse om svar: Samarbetsavtal 2023",
    );
    expect(recommendationReminderMail("Berg", { ...rec, daysLeft: -1 }, footer).text).toContain(
      "Svaret skulle ha kommit 2027-03-31 (i går)",
    );
    // Who may not report the party's answer is linked to the recommendation, not to the answer page.
    const links = {
      answerUrl: "https://portal.example/rekommendationer/4/svar/2",
      readUrl: "https://portal.example/rekommendationer/4",
    };
    const answers = recommendationReminderMail("Berg", { ...rec, ...links, daysLeft: 3 }, footer);
    expect(answers.text).toContain(links.answerUrl);
    const reads = recommendationReminderMail("Berg", { ...rec, ...links, answerUrl: null, daysLeft: 3 }, footer);
    expect(reads.text).toContain(links.readUrl);
    expect(reads.text).not.toContain("/svar/");
    expect(reads.html).not.toContain("/svar/");
    const agreement = agreementNoticeMail(
      "Sara",
      {
        agreementName: "Samarbetsavtalet",
        noticeDeadline: "2026-12-31",
        termEnd: "2027-12-31",
        daysLeft: 30,
        url: "u",
      },
      footer,
    );
    expect(agreement.text).toContain("senast 2026-12-31 (om 30 dagar). Annars förlängs avtalet.");
  });

  it("tell a proposer the outcome, with the reason when declined", () => {
    const f = {
      title: "Lokaler",
      bodyName: "Styrgruppen",
      meetingDate: "2027-01-14",
      reason: "Tas upp i mars.",
      meetingUrl: "u",
    };
    expect(proposalDecidedMail("Per", { ...f, accepted: true }, footer).text).not.toContain("Skäl");
    const declined = proposalDecidedMail("Per", { ...f, accepted: false }, footer);
    expect(declined.subject).toBe("Förslaget är avslaget: Lokaler");
    expect(declined.text).toContain("Skäl: Tas upp i mars.");
  });

  it("ask the deputies to serve when a member cannot come", () => {
    const m = absenceMail(
      "Erik",
      { bodyName: "Styrgruppen", meetingDate: "2027-01-14", absentName: "Lena", serveUrl: "https://p/x" },
      footer,
    );
    expect(m.subject).toBe("Ersättare behövs: Styrgruppen 2027-01-14");
    expect(m.text).toContain("Lena har anmält förhinder");
  });

  it("tell the serving deputy that a member withdrew the förhinder", () => {
    const m = absenceWithdrawnMail(
      "Erik",
      { bodyName: "Styrgruppen", meetingDate: "2027-01-14", memberName: "Lena", meetingUrl: "https://p/moten/7" },
      footer,
    );
    expect(m.subject).toBe("Ersättare behövs inte: Styrgruppen 2027-01-14");
    expect(m.text).toContain("Lena har återkallat sitt förhinder");
    expect(m.html).toContain('href="https://p/moten/7"');
  });

  it("ask a signer to justera in the capacity they sign, with the date and place when set, and nothing of the text", () => {
    const facts = { bodyName: "Styrgruppen", meetingDate: "2027-01-14", minutesUrl: "https://p/moten/7/protokoll" };
    const m = minutesForSigningMail(
      "Olle",
      { ...facts, role: "ordförande", adjustmentDate: "2027-01-21", adjustmentPlace: "Regionhuset <B>" },
      footer,
    );
    expect(m.subject).toBe("Protokoll att justera: Styrgruppen 2027-01-14");
    expect(m.text).toContain("Du justerar som: mötets ordförande");
    expect(m.text).toContain("Justeras senast: 2027-01-21");
    expect(m.text).toContain("Plats för justering: Regionhuset <B>");
    expect(m.html).toContain("Regionhuset &lt;B&gt;");
    expect(m.text).toContain("Protokollet i portalen:\nhttps://p/moten/7/protokoll");
    const bare = minutesForSigningMail(
      "Lena",
      { ...facts, role: "justerare", adjustmentDate: null, adjustmentPlace: "" },
      footer,
    );
    expect(bare.text).toContain("Du justerar som: justerare");
    expect(bare.text).not.toContain("Justeras senast");
    expect(bare.text).not.toContain("Plats för justering");
    const approved = minutesApprovedMail("Lars", { ...facts, approvedOn: "2027-01-20" }, footer);
    expect(approved.subject).toBe("Justerat protokoll: Styrgruppen 2027-01-14");
    expect(approved.text).toContain("Protokollet från Styrgruppens möte 2027-01-14 justerades 2027-01-20.");
    expect(approved.text).toContain("Avsluta den här sortens e-post");
  });

  it("gather held messages into one digest without their greetings and footers", () => {
    const a = noticeMail("Ingrid", notice, footer);
    const b = noticeMail("Ingrid", { ...notice, date: "2027-02-11" }, footer);
    const d = digestMail(
      "Ingrid",
      "2027-01-02",
      [a, b].map((m) => ({ subject: m.subject, text: m.text })),
      null,
    );
    expect(d.subject).toBe("Sammanfattning 2027-01-02: 2 meddelanden");
    expect(d.text.match(/Hej Ingrid!/g)).toHaveLength(1);
    expect(d.text).not.toContain("Du får det här meddelandet eftersom du är kallad");
    expect(d.text).toContain("– Kallelse: Styrgruppen 2027-02-11 kl. 13:00 –");
    expect(digestMail("Ingrid", "2027-01-02", [{ subject: a.subject, text: a.text }], null).subject).toBe(
      "Sammanfattning 2027-01-02: 1 meddelande",
    );
  });
});

describe("noLongerCalledMail (a meeting moved past the end of the seat)", () => {
  it("names the old day and the new, says the person is not called, and links nothing", () => {
    const mail = noLongerCalledMail("Otto", { bodyName: "SVOM", fromDate: "2026-12-18", toDate: "2027-01-15" }, footer);
    expect(mail.subject).toBe("Mötet är flyttat: SVOM 2027-01-15");
    expect(mail.text).toContain("2026-12-18");
    expect(mail.text).toContain("fredag 2027-01-15");
    expect(mail.text).toContain("inte kallad");
    expect(mail.text).toContain("kalenderfilen tar bort mötet");
    expect(mail.html).not.toContain("/moten/");
  });
});

describe("seatNoLongerCalledMail (a seat changed after the notice)", () => {
  it("says the seat ends before the meeting and the person is not called, with no link to the meeting", () => {
    const mail = seatNoLongerCalledMail(
      "Otto",
      { bodyName: "SVOM", meetingDate: "2027-01-15", lastDay: "2026-12-31" },
      footer,
    );
    expect(mail.subject).toBe("Du är inte längre kallad: SVOM 2027-01-15");
    expect(mail.text).toContain("Ditt uppdrag i SVOM slutar torsdag 2026-12-31");
    expect(mail.text).toContain("inte längre kallad till sammanträdet fredag 2027-01-15");
    expect(mail.text).not.toContain("/moten/");
    expect(mail.html).not.toContain("/moten/");
  });

  it("any other change (a later start, a role not called) says the seat does not cover the day", () => {
    const mail = seatNoLongerCalledMail("Otto", { bodyName: "SVOM", meetingDate: "2027-01-15", lastDay: null }, footer);
    expect(mail.text).toContain("gäller inte fredag 2027-01-15");
    expect(mail.text).not.toContain("slutar");
  });
});
