package com.partnerflow.onboarding;

import java.math.BigDecimal;
import java.util.List;

/** A partner application that passed the form and the rules the form cannot express. */
record ValidApplication(
    String companyName,
    String website,
    String domain,
    String country,
    String region,
    String partnerType,
    List<String> verticals,
    BigDecimal expectedAnnualRevenue,
    int certifiedStaff,
    String contactName,
    String contactEmail) {}
