package com.partnerflow.processowner;

import static com.partnerflow.processowner.ProcessOwnerWorkspace.requireProcessOwner;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.processowner.internal.DeploymentRecords;
import com.partnerflow.processowner.internal.UploadRefusedException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The deployments page: upload files, see the compatibility check's findings, and the history. It
 * answers the same as {@code POST /api/deployments}, as a page.
 */
@Controller
class DeploymentsPage {

  private final Deployments deployments;
  private final DeploymentRecords history;
  private final ObjectProvider<DevLoop> devLoop;

  DeploymentsPage(
      Deployments deployments, DeploymentRecords history, ObjectProvider<DevLoop> devLoop) {
    this.deployments = deployments;
    this.history = history;
    this.devLoop = devLoop;
  }

  @GetMapping("/process-owner/deployments")
  String page(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    requireProcessOwner(user);
    return render(model);
  }

  @PostMapping("/process-owner/deployments")
  String deploy(
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    requireProcessOwner(user);
    List<MultipartFile> chosen =
        files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    try {
      var record = deployments.deploy(DeploymentsController.uploads(chosen), user.username());
      model.addAttribute("outcome", DeploymentsController.DeploymentView.of(record));
    } catch (DeploymentRefused e) {
      model.addAttribute("outcome", DeploymentsController.DeploymentView.of(e.record()));
    } catch (UploadRefusedException e) {
      model.addAttribute("uploadProblem", e.getMessage());
    }
    return render(model);
  }

  private String render(Model model) {
    model.addAttribute("devLoop", devLoop.getIfAvailable());
    model.addAttribute(
        "history",
        history
            .findAllByOrderByDeployedAtDescIdDesc(
                PageRequest.of(0, DeploymentsController.HISTORY_SIZE))
            .stream()
            .map(DeploymentsController.DeploymentView::of)
            .toList());
    return "processowner/deployments";
  }
}
