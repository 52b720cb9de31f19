package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A subject key identifies someone by a complete identifier and never prints it (SEC-3). */
class SubjectKeyTest {

  @Test
  void normalisesItsIdentifiers() {
    SubjectKey key = new SubjectKey("  Jan de Vries ", LocalDate.of(1978, 3, 14), " Jan.DeVries@Example.org ", " ");

    assertThat(key.name()).isEqualTo("Jan de Vries");
    assertThat(key.email()).isEqualTo("jan.devries@example.org");
    assertThat(key.tenancyNumber()).isNull();
    assertThat(key.hasNameAndDateOfBirth()).isTrue();
  }

  @Test
  void aNameWithoutDateOfBirthIdentifiesNobody() {
    assertThatThrownBy(() -> new SubjectKey("Jan de Vries", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SubjectKey(null, LocalDate.of(1978, 3, 14), "", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SubjectKey.ofTenancy("HV-100234").hasTenancyNumber()).isTrue();
  }

  @Test
  void neverPrintsTheIdentifiers() {
    String text = new SubjectKey("Jan de Vries", LocalDate.of(1978, 3, 14), "jan.devries@example.org", "HV-100234")
        .toString();

    assertThat(text).doesNotContain("Jan", "1978", "example.org", "HV-100234");
  }
}
