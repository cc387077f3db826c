/**
 * Shared kernel: the problem+json vocabulary every module answers bad input with. Depends on no
 * other module.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Common",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.partnerflow.common;
