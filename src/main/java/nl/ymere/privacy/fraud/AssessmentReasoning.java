package nl.ymere.privacy.fraud;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ADM-2: each assessor gives own reasons; "agree with the model" alone is invalid. A reasoning is refused when it is
 * shorter than {@link #MIN_LENGTH} characters or, leaving out words that only defer to the model ("eens met het
 * model", "conform score", "agree with the model", "akkoord"...), fewer than {@link #MIN_OWN_WORDS} words of its own
 * remain.
 */
final class AssessmentReasoning {

  static final int MIN_LENGTH = 40;
  static final int MIN_OWN_WORDS = 5;

  /** Words that carry no own judgement: deference to the model, its outputs, and filler. */
  private static final Set<String> DEFERENCE = Set.of("eens", "mee", "met", "het", "de", "een", "the", "a", "an",
      "model", "modellen", "score", "risicoscore", "scores", "uitkomst", "uitslag", "band", "punten", "points",
      "akkoord", "conform", "zie", "volgens", "agree", "agreed", "agreeing", "with", "as", "per", "i", "ik", "we",
      "wij", "ben", "zijn", "is", "ok", "oke", "okay", "prima", "klopt", "correct", "juist", "goed", "hoog", "laag",
      "high", "low", "medium", "middel", "risico", "risk", "zoals", "aangegeven", "door", "by", "according", "to",
      "follow", "following", "volg", "volgen", "dus", "so", "ja", "yes", "en", "and", "same", "als", "dan", "dat",
      "die", "this", "that", "model's", "modelscore", "advies", "advice", "outcome", "result", "resultaat", "uit",
      "geeft", "zegt", "says", "shows", "toont", "aan", "ook", "also", "too", "van", "of", "in", "op", "on",
      "voorstel", "proposal", "eerste", "first", "beoordelaar", "assessor", "bevestigd", "confirmed", "bevestig",
      "confirm", "dismiss", "investigate", "onderzoeken", "afwijzen", "seponeren");

  private AssessmentReasoning() {
  }

  /** The reason a reasoning is refused (Dutch, for the assessor), or empty when it is acceptable. */
  static Optional<String> problem(String reasoning) {
    if (reasoning == null || reasoning.isBlank()) {
      return Optional.of("Een eigen motivering is verplicht (ADM-2).");
    }
    String text = reasoning.strip();
    long ownWords = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
        .filter(word -> word.length() >= 2 && !DEFERENCE.contains(word))
        .distinct()
        .count();
    if (text.length() < MIN_LENGTH || ownWords < MIN_OWN_WORDS) {
      return Optional.of("'Eens met het model' of een verwijzing naar de score alleen is geen motivering (ADM-2). "
          + "Schrijf in eigen woorden wat u in de redenen van het model en in de onderliggende gegevens ziet, en wat "
          + "het model niet kan zien (minstens " + MIN_LENGTH + " tekens).");
    }
    return Optional.empty();
  }
}
