package com.partnerflow.onboarding;

/** One entry of the denied-party list. */
record DeniedParty(String name, String domain, String country, String source) {}
