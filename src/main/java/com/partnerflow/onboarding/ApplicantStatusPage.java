package com.partnerflow.onboarding;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The applicant's status page, public behind the random token of the link shown after applying and
 * repeated in every applicant mail: where the application stands and what is expected of the
 * applicant next. It only reads, and shows nothing the applicant did not give or was not told: no
 * screening reasons, no reviewer, no audit trail. An unknown token is the 404 page.
 */
@Controller
class ApplicantStatusPage {

  static final String PATH = "/application-status/";

  private final ApplicationRecords records;

  ApplicantStatusPage(ApplicationRecords records) {
    this.records = records;
  }

  /** One step of the way to a partner account, and whether it is done, current or ahead. */
  record Step(String name, String state) {}

  /** What the applicant reads next to the status, with the one place to go, if any. */
  record NextStep(String text, String href, String linkText) {
    NextStep(String text) {
      this(text, null, null);
    }
  }

  @GetMapping(PATH + "{token}")
  String status(@PathVariable String token, Model model) {
    PartnerApplication application = records.byStatusToken(token);
    model.addAttribute("partnerApplication", application);
    model.addAttribute("next", nextStep(application.getStatus()));
    model.addAttribute("steps", steps(application.getStatus()));
    return "onboarding/application-status";
  }

  static NextStep nextStep(ApplicationStatus status) {
    return switch (status) {
      case SUBMITTED ->
          new NextStep(
              "Nothing to do for you now. We check your application, then a partner manager"
                  + " reviews it; we e-mail you when they decide or need more from you.");
      case IN_REVIEW ->
          new NextStep(
              "Nothing to do for you now. A partner manager is reviewing your application;"
                  + " we e-mail you when they decide or need more from you.");
      case INFO_REQUESTED ->
          new NextStep(
              "Your answer is needed. A partner manager asked for more information: answer"
                  + " through the link in our e-mail \"More information needed for your partner"
                  + " application\". The review goes on once you have answered.");
      case AWAITING_AGREEMENT ->
          new NextStep(
              "Your application is approved. Accept the partner agreement through the link in"
                  + " our e-mail; your partner account opens right after.");
      case ACTIVATED ->
          new NextStep(
              "You are a partner. Your administrator received an e-mail to set a password;"
                  + " then sign in.",
              "/login",
              "Sign in");
      case REJECTED ->
          new NextStep(
              "We are sorry: we could not accept your application into the partner program at"
                  + " this time. Nothing more to do for you.");
      case EXPIRED ->
          new NextStep(
              "Your application expired because we did not hear back in time. You are welcome"
                  + " to apply again.",
              "/apply",
              "Apply again");
    };
  }

  /** The way to a partner account; empty for a closed application that did not get there. */
  static List<Step> steps(ApplicationStatus status) {
    int current =
        switch (status) {
          case SUBMITTED, IN_REVIEW, INFO_REQUESTED -> 1;
          case AWAITING_AGREEMENT -> 2;
          case ACTIVATED -> 4;
          case REJECTED, EXPIRED -> -1;
        };
    if (current < 0) {
      return List.of();
    }
    List<String> names =
        List.of("Applied", "Check and review", "Partner agreement", "Partner account");
    return IntStream.range(0, names.size())
        .mapToObj(
            i -> new Step(names.get(i), i < current ? "done" : i == current ? "current" : "ahead"))
        .toList();
  }
}
