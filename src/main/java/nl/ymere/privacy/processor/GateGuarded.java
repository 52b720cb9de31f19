package nl.ymere.privacy.processor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the adapters that send personal data to another party only after the {@link SharingGate} allowed it (PRC-1,
 * PRC-6). Only these classes may call the outbound sender {@link PartyOutbox} (SharingGateArchitectureTest).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GateGuarded {
}
