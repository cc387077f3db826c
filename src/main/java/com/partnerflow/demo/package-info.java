/**
 * Demo data for the embedded mode only: the partners Acme Corp and Globex with their users and the
 * internal approvers, all with the password {@code demo}. Never active outside the embedded profile
 * (the identity module refuses to start if it were).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package com.partnerflow.demo;
