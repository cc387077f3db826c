package com.partnerflow.onboarding;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the process owners' tier table ({@code bpmn/partner-tier.dmn}, decision {@code
 * tier-benefits}) as a file, not through the engine or the service, so that tests compare the
 * service's budgets with values computed independently of the code under test.
 */
final class TierBenefitsTable {

  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  private TierBenefitsTable() {}

  /** The annual MDF allocation (EUR) the table gives the tier. */
  static BigDecimal annualAllocation(String tier) {
    Element table = benefitsTable();
    int column = outputColumn(table, "annualAllocation");
    NodeList rules = table.getElementsByTagNameNS(DMN, "rule");
    for (int i = 0; i < rules.getLength(); i++) {
      Element rule = (Element) rules.item(i);
      String input = text(rule.getElementsByTagNameNS(DMN, "inputEntry"), 0);
      if (input.equals("\"" + tier + "\"")) {
        return new BigDecimal(text(rule.getElementsByTagNameNS(DMN, "outputEntry"), column));
      }
    }
    throw new AssertionError("No row for tier " + tier + " in tier-benefits");
  }

  /**
   * The part of an annual allocation that a fund period gets: its months out of twelve, rounded
   * down to the cent (a quarter: a fourth).
   */
  static BigDecimal periodShare(BigDecimal annual, LocalDate startsOn, LocalDate endsOn) {
    long months = ChronoUnit.MONTHS.between(startsOn, endsOn.plusDays(1));
    return annual
        .multiply(BigDecimal.valueOf(months))
        .divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN);
  }

  private static Element benefitsTable() {
    try (InputStream in = TierBenefitsTable.class.getResourceAsStream("/bpmn/partner-tier.dmn")) {
      if (in == null) {
        throw new AssertionError("bpmn/partner-tier.dmn is not on the classpath");
      }
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document dmn = factory.newDocumentBuilder().parse(in);
      NodeList decisions = dmn.getElementsByTagNameNS(DMN, "decision");
      for (int i = 0; i < decisions.getLength(); i++) {
        Element decision = (Element) decisions.item(i);
        if (decision.getAttribute("id").equals("tier-benefits")) {
          return (Element) decision.getElementsByTagNameNS(DMN, "decisionTable").item(0);
        }
      }
      throw new AssertionError("No decision tier-benefits in bpmn/partner-tier.dmn");
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read bpmn/partner-tier.dmn", e);
    }
  }

  private static int outputColumn(Element table, String name) {
    NodeList outputs = table.getElementsByTagNameNS(DMN, "output");
    for (int i = 0; i < outputs.getLength(); i++) {
      if (((Element) outputs.item(i)).getAttribute("name").equals(name)) {
        return i;
      }
    }
    throw new AssertionError("No output " + name + " in tier-benefits");
  }

  private static String text(NodeList entries, int index) {
    Element entry = (Element) entries.item(index);
    return entry.getElementsByTagNameNS(DMN, "text").item(0).getTextContent().trim();
  }
}
