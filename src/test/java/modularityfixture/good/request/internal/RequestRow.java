package modularityfixture.good.request.internal;

public record RequestRow(String reference) {
}
