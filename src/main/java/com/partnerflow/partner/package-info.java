/**
 * Partners: the companies in the program, their status, tier and region. Exposes {@link
 * com.partnerflow.partner.Partners} for lookups and the partner directory API.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Partner",
    allowedDependencies = {"common", "identity", "task"})
package com.partnerflow.partner;
