/**
 * Who is signed in: users, their groups and partner organisation, authentication (HTTP Basic for
 * the API, form login for the UI) with sign-in throttling and its audit trail, and {@code GET
 * /api/me}. Other modules read the caller through {@link com.partnerflow.identity.PartnerflowUser}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity",
    allowedDependencies = {"common"})
package com.partnerflow.identity;
