package nl.ymere.privacy.consent;

import java.time.Instant;

/** One version of the words a person agrees to for a purpose (Art 7(1): proof of what was consented to). */
public record ConsentText(String purposeCode, int version, String textNl, String textEn, Instant validFrom) {
}
