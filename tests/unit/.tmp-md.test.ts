import { it } from "vitest";
import { renderMarkdown, renderMarkdownInline, markdownToPlainText } from "~/utils/markdown.server";
it("x", () => {
  const show = (s: string) => console.log(JSON.stringify(s), "\n  =>", JSON.stringify(renderMarkdown(s)));
  show("| a | b |\n|:-|-:|\n| 1 & 2 | x |");
  show("- [ ] todo\n- [x] done");
  show("![alt *x* <b>](http://a/b.png \"t\")");
  show("[x](jav&#x09;ascript:alert(1)) [y](/rel \"t\") <a href=\"/x\" rel=\"opener\" target=\"_blank\">z</a> [e](https://e.se)");
  show("```js\ncode <b>\n```\n\n```evil\" onclick=x\nc\n```");
  show("1. a\n2. b\n\n3) c\n\n5. x");
  show("rad ett  \nrad två\\\nrad tre\n\n---\n\n> citat");
  show("<svg><text>XSS</text></svg> <iframe><img src=x onerror=alert(1)></iframe> <xmp>hm</xmp>");
  console.log(renderMarkdownInline("**fet** och [l](https://x.se) # nej\n\n- y"));
  console.log(markdownToPlainText("# Rubrik\n\nTom & Jerry's \"citat\" <b>fet</b> &lt;x&gt;\n\n| a | b |\n|-|-|\n| c | d |\n\n- ett\n- två\n\n![bild](x.png) <script>evil()</script>"));
});
