package nl.ymere.privacy.mail;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** The plain-text alternative of a rendered mail template (sent as multipart/alternative next to the HTML). */
final class HtmlText {

  private static final Pattern HEAD = Pattern.compile("(?is)<head\\b.*?</head>");
  private static final Pattern STYLE = Pattern.compile("(?is)<(style|script)\\b.*?</\\1>");
  private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>");
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern RULE = Pattern.compile("(?i)<hr\\b[^>]*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern BLOCK_END =
      Pattern.compile("(?i)</(p|div|h[1-6]|ul|ol|tr|table|section|header|footer|address|blockquote)>");
  private static final Pattern LIST_ITEM_END = Pattern.compile("(?i)</li>");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]+>");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern BLANKS = Pattern.compile("[ \\t\\u00a0]+");

  private HtmlText() {
  }

  static String toText(String html) {
    String text = HEAD.matcher(html).replaceAll("");
    text = STYLE.matcher(text).replaceAll("");
    // source line breaks mean nothing in HTML; only the elements below break lines
    text = WHITESPACE.matcher(text).replaceAll(" ");
    text = LINK.matcher(text).replaceAll(match -> {
      String label = TAG.matcher(match.group(2)).replaceAll("").trim();
      String href = match.group(1);
      return java.util.regex.Matcher.quoteReplacement(label.equals(href) || label.isEmpty()
          ? href : label + " (" + href + ")");
    });
    text = BREAK.matcher(text).replaceAll("\n");
    text = RULE.matcher(text).replaceAll("\n----------------------------------------\n");
    text = LIST_ITEM.matcher(text).replaceAll("- ");
    text = LIST_ITEM_END.matcher(text).replaceAll("\n");
    text = BLOCK_END.matcher(text).replaceAll("\n\n");
    text = TAG.matcher(text).replaceAll("");
    text = HtmlUtils.htmlUnescape(text);
    StringBuilder out = new StringBuilder();
    int blankLines = 0;
    for (String line : LINE_BREAK.split(text, -1)) {
      String trimmed = BLANKS.matcher(line).replaceAll(" ").trim();
      if (trimmed.isEmpty()) {
        blankLines++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blankLines > 0 ? "\n\n" : "\n");
      }
      out.append(trimmed);
      blankLines = 0;
    }
    return out.append('\n').toString();
  }
}
