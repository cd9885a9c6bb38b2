package org.anjia.registry.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (/v3/api-docs, page /api-docs.html): what the API is, its version, how to get
 * a token, and one tag per business module (the package a controller lives in), so the operations
 * are grouped as the code is.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  /** Version of the API contract (not of the build): raised when a published operation changes incompatibly. */
  static final String API_VERSION = "1";
  private static final String BEARER = "keycloak";

  @Bean
  OpenAPI anjiaOpenApi(@Value("${anjia.identity.issuer}") String issuer) {
    String token = issuer + "/protocol/openid-connect/token";
    return new OpenAPI()
        .info(new Info()
            .title("安家 Anjia — 收养与家庭寄养登记 API")
            .version(API_VERSION)
            .license(new License().name("Apache-2.0"))
            .description("""
                The registry of children's files, foster and adoption applications, their tasks and \
                documents. Errors are RFC 9457 problem+json, worded in the language of Accept-Language \
                (zh-CN by default, en).

                **Getting a token.** Every call needs a Keycloak access token of the anjia realm, sent as \
                `Authorization: Bearer <token>`. Programs get one from the realm's token endpoint, \
                %s (authorization code with PKCE for people; a confidential client of the realm for \
                services). The pages in the browser use their signed-in session instead. What a token \
                may read and change follows its realm roles and institution or jurisdiction claims.""".formatted(token)))
        .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
            .description("Keycloak access token; token endpoint " + token)))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /** Each operation is tagged with its module: the last segment of its controller's package. */
  @Bean
  OperationCustomizer moduleTags() {
    return (operation, handler) -> {
      String packageName = handler.getBeanType().getPackageName();
      operation.setTags(java.util.List.of(packageName.substring(packageName.lastIndexOf('.') + 1)));
      return operation;
    };
  }
}
