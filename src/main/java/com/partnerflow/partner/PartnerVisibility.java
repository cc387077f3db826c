package com.partnerflow.partner;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Which partners a user may see: internal users every partner, a partner user only their own.
 * Another partner is not found, exactly like an unknown one.
 */
@Component
class PartnerVisibility {

  private final Partners partners;

  PartnerVisibility(Partners partners) {
    this.partners = partners;
  }

  List<Partner> visibleTo(PartnerflowUser user) {
    if (user.isPartnerUser()) {
      return partners.findById(user.partnerId()).stream().toList();
    }
    return partners.findAll(Sort.by("name"));
  }

  Partner get(String id, PartnerflowUser user) {
    if (user.isPartnerUser() && !user.partnerId().equals(id)) {
      throw new NotFoundException("Partner " + id);
    }
    return partners.findById(id).orElseThrow(() -> new NotFoundException("Partner " + id));
  }
}
