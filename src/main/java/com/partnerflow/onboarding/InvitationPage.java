package com.partnerflow.onboarding;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The page the invitation mail links to: choose a password, then sign in. */
@Controller
class InvitationPage {

  private static final String VIEW = "onboarding/set-password";
  private final PartnerInvitations invitations;

  InvitationPage(PartnerInvitations invitations) {
    this.invitations = invitations;
  }

  @GetMapping("/partner-invitations/{token:[A-Za-z0-9_-]{20,100}}")
  String show(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    try {
      model.addAttribute("username", invitations.invitedUser(token));
    } catch (NotFoundException | ConflictException | ResponseStatusException e) {
      model.addAttribute("problem", "This link is not valid any more. Ask your partner manager.");
    }
    return VIEW;
  }

  @PostMapping("/partner-invitations/{token:[A-Za-z0-9_-]{20,100}}")
  String setPassword(@PathVariable String token, @RequestParam String password, Model model) {
    model.addAttribute("token", token);
    try {
      invitations.setPassword(token, password);
      return "redirect:/login";
    } catch (InvalidRequestException e) {
      model.addAttribute("username", invitations.invitedUser(token));
      model.addAttribute("problem", "The password must have 12 to 128 characters.");
    } catch (NotFoundException | ConflictException | ResponseStatusException e) {
      model.addAttribute("problem", "This link is not valid any more. Ask your partner manager.");
    }
    return VIEW;
  }
}
