package com.partnerflow.onboarding;

import com.partnerflow.onboarding.ScreeningResult.Outcome;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Automated screening of an application: a denied party or an existing partner's domain rejects; an
 * existing partner's name or a contact e-mail outside the website's domain needs a person.
 */
final class ApplicationScreening {

  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "ltd",
          "limited",
          "llc",
          "gmbh",
          "ag",
          "corp",
          "corporation",
          "co",
          "company",
          "sa",
          "sas",
          "srl",
          "bv",
          "nv",
          "plc",
          "pty",
          "kg",
          "oy",
          "ab");

  /** An existing partner as screening sees it. */
  record KnownPartner(String name, String domain) {}

  private ApplicationScreening() {}

  static ScreeningResult screen(
      String companyName,
      String domain,
      String contactEmail,
      Collection<KnownPartner> partners,
      Collection<DeniedParty> deniedParties) {
    List<String> rejections = new ArrayList<>();
    List<String> doubts = new ArrayList<>();
    String name = normalisedName(companyName);
    for (DeniedParty denied : deniedParties) {
      boolean sameName = !denied.name().isBlank() && normalisedName(denied.name()).equals(name);
      boolean sameDomain = !denied.domain().isBlank() && sameOrSubdomain(domain, denied.domain());
      if (sameName || sameDomain) {
        rejections.add(
            "Denied party: "
                + denied.name()
                + " ("
                + denied.source()
                + ", "
                + denied.country()
                + ")");
      }
    }
    for (KnownPartner partner : partners) {
      if (partner.domain() != null && partner.domain().equalsIgnoreCase(domain)) {
        rejections.add("Already a partner with domain " + domain + ": " + partner.name());
      } else if (partner.name().trim().equalsIgnoreCase(companyName.trim())) {
        // Partner names are unique: activating a second one of this name could never succeed.
        rejections.add("Already a partner named " + partner.name());
      } else if (normalisedName(partner.name()).equals(name)) {
        doubts.add("A partner with a similar name exists: " + partner.name());
      }
    }
    String emailDomain = contactEmail.substring(contactEmail.indexOf('@') + 1);
    if (!sameOrSubdomain(emailDomain.toLowerCase(Locale.ROOT), domain)) {
      doubts.add(
          "Contact e-mail domain " + emailDomain + " does not match the website domain " + domain);
    }
    if (!rejections.isEmpty()) {
      rejections.addAll(doubts);
      return new ScreeningResult(Outcome.REJECT, List.copyOf(rejections));
    }
    if (!doubts.isEmpty()) {
      return new ScreeningResult(Outcome.NEEDS_REVIEW, List.copyOf(doubts));
    }
    return new ScreeningResult(Outcome.PASS, List.of());
  }

  /** Lower case, no accents, punctuation or legal form: "ACME Corp." and "Acme" are the same. */
  static String normalisedName(String name) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", " ")
            .trim();
    List<String> words = new ArrayList<>(List.of(plain.split(" ")));
    while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words);
  }

  static boolean sameOrSubdomain(String candidate, String domain) {
    return candidate.equals(domain) || candidate.endsWith("." + domain);
  }
}
