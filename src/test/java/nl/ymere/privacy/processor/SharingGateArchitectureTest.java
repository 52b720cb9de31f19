package nl.ymere.privacy.processor;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import nl.ymere.privacy.support.ProductionClassesOnly;
import com.tngtech.archunit.lang.ArchRule;
import nl.ymere.privacy.mail.RecipientRole;
import org.junit.jupiter.api.Test;

/**
 * PRC-1, PRC-6: personal data leaves for another party only through a {@link GateGuarded} adapter. Fails when code
 * outside those adapters calls the outbound sender {@link PartyOutbox}, or when anything but the outbound sender
 * addresses a message to an external party (recipient role EXTERNAL_PARTY) and so bypasses it. Each rule is shown to
 * fail on a fixture.
 */
class SharingGateArchitectureTest {

  static final ArchRule ONLY_GATE_GUARDED_ADAPTERS_CALL_THE_OUTBOUND_SENDER = noClasses()
      .that().areNotAnnotatedWith(GateGuarded.class).and().doNotBelongToAnyOf(PartyOutbox.class)
      .should().callMethodWhere(target(owner(describe("the outbound sender PartyOutbox",
          owner -> owner.isEquivalentTo(PartyOutbox.class)))))
      .because("only gate-guarded adapters (PartyDisclosures) may send personal data to another party (PRC-1, PRC-6)");

  static final ArchRule ONLY_THE_OUTBOUND_SENDER_ADDRESSES_EXTERNAL_PARTIES = noClasses()
      .that().doNotBelongToAnyOf(PartyOutbox.class, RecipientRole.class)
      .should().accessField(RecipientRole.class, RecipientRole.EXTERNAL_PARTY.name())
      .because("a message to another party goes through the outbound sender behind the sharing gate (PRC-1)");

  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(new ProductionClassesOnly()).importPackages("nl.ymere.privacy");

  @Test
  void productionCodeSendsToPartiesOnlyThroughTheGate() {
    ONLY_GATE_GUARDED_ADAPTERS_CALL_THE_OUTBOUND_SENDER.check(PRODUCTION);
    ONLY_THE_OUTBOUND_SENDER_ADDRESSES_EXTERNAL_PARTIES.check(PRODUCTION);
  }

  @Test
  void shouldFailWhenCodeCallsTheOutboundSenderWithoutTheGate() {
    JavaClasses classes = new ClassFileImporter().importClasses(UnguardedSenderFixture.class, PartyOutbox.class,
        PartyDisclosures.class);
    assertThatThrownBy(() -> ONLY_GATE_GUARDED_ADAPTERS_CALL_THE_OUTBOUND_SENDER.check(classes))
        .isInstanceOf(AssertionError.class).hasMessageContaining("UnguardedSenderFixture")
        .hasMessageNotContaining("PartyDisclosures.disclose");
  }

  @Test
  void shouldFailWhenCodeAddressesAPartyPastTheOutboundSender() {
    JavaClasses classes = new ClassFileImporter().importClasses(BypassingSenderFixture.class, PartyOutbox.class);
    assertThatThrownBy(() -> ONLY_THE_OUTBOUND_SENDER_ADDRESSES_EXTERNAL_PARTIES.check(classes))
        .isInstanceOf(AssertionError.class).hasMessageContaining("BypassingSenderFixture");
  }
}
