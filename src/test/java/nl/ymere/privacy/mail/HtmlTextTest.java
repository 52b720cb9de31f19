package nl.ymere.privacy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void keepsParagraphsLinksAndEntitiesButNoMarkup() {
    String html = """
        <html><head><title>Onderwerp</title><style>p {color: red}</style></head>
        <body><p>Beste   lezer,
          welkom &amp; dank.</p><p>Zie <a href="https://www.ymere.nl">onze site</a>.<br>Groet</p>
        <ul><li>een</li><li>twee</li></ul></body></html>""";

    assertThat(HtmlText.toText(html)).isEqualTo("""
        Beste lezer, welkom & dank.

        Zie onze site (https://www.ymere.nl).
        Groet

        - een
        - twee
        """);
  }
}
