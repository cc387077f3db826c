package com.partnerflow.partner;

import com.partnerflow.identity.PartnerflowUser;
import java.util.Optional;

/**
 * A part of the partner page that another module contributes (the fund balances, the onboarding
 * history), so that the partner module needs no dependency on those modules. Implementations are
 * Spring beans, shown in their {@link org.springframework.core.annotation.Order}.
 */
public interface PartnerPageSection {

  /**
   * The section's template, e.g. {@code fund/partner-funds}; it defines {@code section(content)}.
   */
  String template();

  /**
   * What the section shows this viewer, who may see the partner; empty leaves the section out.
   * Everything shown must be rendered escaped.
   */
  Optional<?> content(Partner partner, PartnerflowUser viewer);
}
