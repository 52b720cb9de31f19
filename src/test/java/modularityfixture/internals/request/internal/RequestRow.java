package modularityfixture.internals.request.internal;

public record RequestRow(String reference) {
}
