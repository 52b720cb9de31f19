package nl.ymere.privacy.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.extension.*} (DESIGN.md "The product API").
 *
 * @param approvalRequired a privacy officer other than the requester approves an extension before the notice goes
 *     out (DL-6: CONFIGURABLE, DEFAULT off; the FG is always informed)
 */
@ConfigurationProperties("privacy.extension")
public record ExtensionProperties(@DefaultValue("false") boolean approvalRequired) {
}
