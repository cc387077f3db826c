/**
 * The shared UI shell: sign-in page, home page, layout and styles, and the startup summary that
 * tells a newcomer where everything is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package com.partnerflow.web;
