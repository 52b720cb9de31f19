package nl.ymere.privacy.objection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.objection.*}.
 *
 * @param restrictPendingDecision SD-7: restrict the processing objected to automatically until the decision
 *     (default true; the FG may switch it off)
 */
@ConfigurationProperties("privacy.objection")
record ObjectionProperties(Boolean restrictPendingDecision) {

  ObjectionProperties {
    restrictPendingDecision = restrictPendingDecision == null ? Boolean.TRUE : restrictPendingDecision;
  }
}
