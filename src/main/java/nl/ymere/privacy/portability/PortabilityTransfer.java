package nl.ymere.privacy.portability;

/** A direct transfer to an organisation the person chose (Art 20(2)), recorded whether or not it was feasible. */
public record PortabilityTransfer(String organisation, String address, boolean feasible, String sha256) {
}
