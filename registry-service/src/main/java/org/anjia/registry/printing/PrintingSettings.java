package org.anjia.registry.printing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the registry prints (anjia.printing.*).
 *
 * @param font a TrueType collection with Chinese glyphs for every printed PDF (certificates, agreements)
 */
@ConfigurationProperties("anjia.printing")
public record PrintingSettings(String font) {}
