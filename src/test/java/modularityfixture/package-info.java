/**
 * Small class layouts for {@code nl.ymere.privacy.ModularityRulesTest}: {@code good} keeps every module rule, each
 * other sub-package breaks exactly one. Not application code.
 */
package modularityfixture;
