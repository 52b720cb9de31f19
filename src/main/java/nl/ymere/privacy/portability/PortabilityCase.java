package nl.ymere.privacy.portability;

/** The search and choices of one portability request (product table {@code portability_case}). */
record PortabilityCase(String reference, String tenancyNumber, ExportFormat format, DeliveryRoute route,
    boolean directTransfer, String reviewedBy) {
}
