package nl.ymere.privacy.breach;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The facts of a reported incident, as any employee, an integration ({@code POST /api/breaches}) or a processor
 * reports them (BRE-1, BRE-2). Only facts, never who was affected: what happened, when it was detected, which
 * systems, which data categories roughly, how many people roughly, whether it is contained.
 */
public record BreachReport(String description, OffsetDateTime detectedAt, String systems,
    List<String> dataCategories, Integer personsEstimate, Integer recordsEstimate, Boolean contained) {
}
